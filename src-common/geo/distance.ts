import type { LngLat } from '../schemas/common';

/**
 * Mean Earth radius in km. NOTE: the same value geokdbush uses, so that `distanceKm` and the
 * spatial index agree on what lies inside a radius.
 */
export const EARTH_RADIUS_KM = 6371;

/** Half the Earth's circumference: no two points are farther apart on the sphere. */
export const MAX_DISTANCE_KM = Math.PI * EARTH_RADIUS_KM;

const RAD = Math.PI / 180;

/** Great-circle distance in km (haversine, spherical Earth — error < 0.5 % against the ellipsoid). */
export function distanceKm(a: LngLat, b: LngLat): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}
