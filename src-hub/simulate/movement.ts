// Movement maths of the team simulator: a plausible road-like route between two points and
// progress along it at a vehicle's speed. Pure functions, so they can be tested and reused by
// drills.
import { distanceKm } from '@common/geo/distance';
import type { LngLat } from '@common/schemas/common';

/** A route: points from start to end, with the cumulative distance (km) at each point. */
export type Route = { points: Array<LngLat>; cumulativeKm: Array<number>; lengthKm: number };

export function routeOf(points: ReadonlyArray<LngLat>): Route {
  const cumulativeKm = [0];
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1] as LngLat;
    const here = points[i] as LngLat;
    cumulativeKm.push((cumulativeKm[i - 1] ?? 0) + distanceKm(prev, here));
  }
  return { points: [...points], cumulativeKm, lengthKm: cumulativeKm.at(-1) ?? 0 };
}

/** A small deterministic hash of a string to [0, 1): the same team takes the same route shape. */
export function unitHash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) / 2 ** 32;
}

/**
 * A road-like route from `from` to `to`: roads in a hilly county are not straight lines, so the
 * route bows out to one side (a quadratic Bézier whose control point stands off the straight
 * line by 35–55 % of its length) and winds gently (a small sine wobble across the direction).
 * `seed` in [0, 1) picks the side, the bow and the wobble's phase. The route comes out about
 * 1.1–1.4 × the straight-line distance, as county roads do.
 */
export function plausibleRoute(from: LngLat, to: LngLat, seed: number, segments = 24): Route {
  const dLng = to.lng - from.lng;
  const dLat = to.lat - from.lat;
  if (Math.abs(dLng) < 1e-9 && Math.abs(dLat) < 1e-9) return routeOf([from, to]);
  const span = Math.hypot(dLng, dLat);
  const normal = { lng: -dLat / span, lat: dLng / span };
  const side = seed < 0.5 ? 1 : -1;
  const bow = span * (0.35 + 0.2 * ((seed * 2) % 1)) * side;
  const bend = { lng: from.lng + dLng / 2 + normal.lng * bow, lat: from.lat + dLat / 2 + normal.lat * bow };
  // A quadratic Bézier from → bend → to, sampled, with a small sine wobble across the direction.
  const wobble = span * 0.03;
  const phase = seed * Math.PI * 2;
  const points: Array<LngLat> = [];
  for (let i = 0; i <= segments; i++) {
    const t = i / segments;
    const u = 1 - t;
    const base = {
      lng: u * u * from.lng + 2 * u * t * bend.lng + t * t * to.lng,
      lat: u * u * from.lat + 2 * u * t * bend.lat + t * t * to.lat,
    };
    // Zero at both ends, so the route starts and ends exactly at the given points.
    const w = Math.sin(t * Math.PI) * Math.sin(t * Math.PI * 3 + phase) * wobble;
    points.push(
      i === 0 ? from : i === segments ? to : { lng: base.lng + normal.lng * w, lat: base.lat + normal.lat * w },
    );
  }
  return routeOf(points);
}

/** The point `km` along the route (clamped to its ends). */
export function pointAlong(route: Route, km: number): LngLat {
  const first = route.points[0] as LngLat;
  if (km <= 0 || route.points.length < 2) return first;
  if (km >= route.lengthKm) return route.points.at(-1) as LngLat;
  let i = 1;
  while (i < route.cumulativeKm.length - 1 && (route.cumulativeKm[i] ?? 0) < km) i++;
  const a = route.points[i - 1] as LngLat;
  const b = route.points[i] as LngLat;
  const startKm = route.cumulativeKm[i - 1] ?? 0;
  const legKm = (route.cumulativeKm[i] ?? startKm) - startKm;
  const f = legKm === 0 ? 1 : (km - startKm) / legKm;
  return { lng: a.lng + (b.lng - a.lng) * f, lat: a.lat + (b.lat - a.lat) * f };
}

/**
 * The distance covered in `seconds` at `speedKmh`, varied by ±`jitter` (a fraction) with
 * `random` in [0, 1): traffic, bends, a slower truck.
 */
export function stepKm(speedKmh: number, seconds: number, jitter: number, random: number): number {
  const factor = 1 + jitter * (random * 2 - 1);
  return Math.max(0, (speedKmh * factor * seconds) / 3600);
}

/** Rounds a position to ~1 m (6 decimals): what a GPS unit reports. */
export function roundPosition(p: LngLat): LngLat {
  return { lng: Math.round(p.lng * 1e6) / 1e6, lat: Math.round(p.lat * 1e6) / 1e6 };
}
