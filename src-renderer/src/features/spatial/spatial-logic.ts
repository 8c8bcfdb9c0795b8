import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { EARTH_RADIUS_KM } from '@common/geo';
import type { SpatialHit } from '@common/geo';
import type { LngLat } from '@common/schemas/common';
import type { PlaceKind } from '../details/panel-store';

/** The kinds a radius query lists, in the order a duty officer reads them. */
export const RADIUS_KINDS = [
  'enterprises',
  'hazardSources',
  'rescueTeams',
  'receptors',
  'shelters',
  'supplyDepots',
] as const;

export type RadiusGroup<T> = {
  kind: PlaceKind;
  /** how many lie inside the radius */
  total: number;
  /** the nearest `limit` of them, nearest first */
  hits: Array<SpatialHit<T>>;
};

/**
 * Groups per-kind results (each already sorted by the index) in `RADIUS_KINDS` order, drops
 * `exclude` (the place the query is centred on) and keeps the nearest `limit` per group.
 * Empty groups are kept so the panel can say "0".
 */
export function groupWithin<T extends { id: string }>(
  perKind: Partial<Record<PlaceKind, ReadonlyArray<SpatialHit<T>>>>,
  options: { limit?: number; exclude?: { kind: string; id: string } | null } = {},
): Array<RadiusGroup<T>> {
  const limit = options.limit ?? Infinity;
  return RADIUS_KINDS.map((kind) => {
    const exclude = options.exclude?.kind === kind ? options.exclude.id : null;
    const all = (perKind[kind] ?? []).filter((h) => h.item.id !== exclude);
    // NOTE: the index sorts already; sorting again keeps this correct for any caller (stable, cheap).
    const sorted = [...all].sort((a, b) => a.km - b.km);
    return { kind, total: sorted.length, hits: sorted.slice(0, limit) };
  });
}

export type Measurement = { segments: Array<number>; cumulative: Array<number>; total: number };

/** Segment lengths, running totals and the total of a polyline, with the distance function given. */
export function measure(points: ReadonlyArray<LngLat>, distance: (a: LngLat, b: LngLat) => number): Measurement {
  const segments: Array<number> = [];
  const cumulative: Array<number> = [];
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const km = distance(points[i - 1] as LngLat, points[i] as LngLat);
    segments.push(km);
    total += km;
    cumulative.push(total);
  }
  return { segments, cumulative, total };
}

const RAD = Math.PI / 180;

/** The point `km` from `center` on bearing `bearingDeg` (great circle, spherical Earth). */
export function destination(center: LngLat, km: number, bearingDeg: number): LngLat {
  const d = km / EARTH_RADIUS_KM;
  const b = bearingDeg * RAD;
  const lat1 = center.lat * RAD;
  const lng1 = center.lng * RAD;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
  const lng2 =
    lng1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  return { lng: lng2 / RAD, lat: lat2 / RAD };
}

/** A closed ring approximating the circle of radius `km` (what the radius overlay draws). */
export function circleRing(center: LngLat, km: number, steps = 96): Array<[number, number]> {
  const ring: Array<[number, number]> = [];
  for (let i = 0; i < steps; i++) {
    const p = destination(center, km, (360 * i) / steps);
    ring.push([p.lng, p.lat]);
  }
  const first = ring[0];
  if (first) ring.push([first[0], first[1]]);
  return ring;
}

type Props = { color?: string; label?: string } | null;

/**
 * The radius overlay: the circle, its centre, and the radius written once at the top of the
 * circle (a label on the polygon itself would repeat in every tile it crosses).
 */
export function radiusOverlay(center: LngLat, km: number, label: string): FeatureCollection<Geometry, Props> {
  const top = destination(center, km, 0);
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: null, geometry: { type: 'Polygon', coordinates: [circleRing(center, km)] } },
      { type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [center.lng, center.lat] } },
      { type: 'Feature', properties: { label }, geometry: { type: 'Point', coordinates: [top.lng, top.lat] } },
    ],
  };
}

/** The measure overlay: the line and each vertex labelled with the running total. */
export function measureOverlay(
  points: ReadonlyArray<LngLat>,
  m: Measurement,
  label: (km: number) => string,
): FeatureCollection<Geometry, Props> {
  const features: Array<Feature<Geometry, Props>> = points.map((p, i) => ({
    type: 'Feature',
    properties: i === 0 ? null : { label: label(m.cumulative[i - 1] ?? 0) },
    geometry: { type: 'Point', coordinates: [p.lng, p.lat] },
  }));
  if (points.length > 1) {
    features.unshift({
      type: 'Feature',
      properties: null,
      geometry: { type: 'LineString', coordinates: points.map((p) => [p.lng, p.lat]) },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Straight lines from the centre to each team, the distance written at the team's end. */
export function spokesOverlay(
  center: LngLat,
  targets: ReadonlyArray<{ location: LngLat; label: string }>,
): FeatureCollection<Geometry, Props> {
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [center.lng, center.lat] } },
      ...targets.flatMap((t): Array<Feature<Geometry, Props>> => [
        {
          type: 'Feature',
          properties: null,
          geometry: {
            type: 'LineString',
            coordinates: [
              [center.lng, center.lat],
              [t.location.lng, t.location.lat],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { label: t.label },
          geometry: { type: 'Point', coordinates: [t.location.lng, t.location.lat] },
        },
      ]),
    ],
  };
}
