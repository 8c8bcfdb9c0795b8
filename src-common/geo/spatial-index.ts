import KDBush from 'kdbush';
import { around } from 'geokdbush';
import type { LngLat } from '../schemas/common';
import { MAX_DISTANCE_KM, distanceKm } from './distance';

export type SpatialHit<T> = { item: T; km: number };

export type SpatialIndex<T> = {
  /** Items within `radiusKm` of `center` (inclusive), nearest first. */
  within(center: LngLat, radiusKm: number, filter?: (item: T) => boolean): Array<SpatialHit<T>>;
  /** Up to `count` items nearest to `center`, optionally no farther than `maxKm`, nearest first. */
  nearest(center: LngLat, count: number, filter?: (item: T) => boolean, maxKm?: number): Array<SpatialHit<T>>;
  readonly size: number;
};

/**
 * A static spatial index over items with a WGS84 `location` (kdbush k-d tree + geokdbush
 * great-circle k-nearest search), so a query visits only the nearby part of the tree instead of
 * scanning every item. Build it once per snapshot of the data (building 50,000 points takes a
 * few ms); it does not follow later changes to `items`.
 *
 * Results are sorted by distance, ties by `id`, and `km` is `distanceKm(center, item.location)`.
 */
export function createSpatialIndex<T extends { id: string; location: LngLat }>(
  items: ReadonlyArray<T>,
): SpatialIndex<T> {
  const list = items.slice();
  const index = list.length === 0 ? null : new KDBush(list.length);
  if (index) {
    for (const item of list) index.add(item.location.lng, item.location.lat);
    index.finish();
  }

  function query(
    center: LngLat,
    count: number,
    maxKm: number,
    filter: ((item: T) => boolean) | undefined,
  ): Array<SpatialHit<T>> {
    if (!index || !(count > 0) || !(maxKm >= 0) || !Number.isFinite(center.lng) || !Number.isFinite(center.lat)) {
      return [];
    }
    // NOTE: past half the circumference the haversine bound wraps around; every point is closer.
    const radius = Math.min(maxKm, MAX_DISTANCE_KM);
    const predicate = filter
      ? (i: number): boolean => {
          const item = list[i];
          return item !== undefined && filter(item);
        }
      : undefined;
    const ids = around(
      index,
      center.lng,
      center.lat,
      Number.isFinite(count) ? Math.floor(count) : Infinity,
      radius,
      predicate,
    );
    const hits: Array<SpatialHit<T>> = [];
    for (const i of ids) {
      const item = list[i];
      if (item) hits.push({ item, km: distanceKm(center, item.location) });
    }
    hits.sort((a, b) => a.km - b.km || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
    return hits;
  }

  return {
    size: list.length,
    within: (center, radiusKm, filter) => query(center, Infinity, radiusKm, filter),
    nearest: (center, count, filter, maxKm) => query(center, count, maxKm ?? Infinity, filter),
  };
}
