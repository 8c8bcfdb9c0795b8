import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSpatialIndex, distanceKm } from '@common/geo';
import type { SpatialHit } from '@common/geo';
import type { LngLat } from '@common/schemas/common';
import {
  RADIUS_KINDS,
  circleRing,
  destination,
  groupWithin,
  measure,
  measureOverlay,
  radiusOverlay,
} from '../../../src-renderer/src/features/spatial/spatial-logic';

type Item = { id: string; location: LngLat };
const hit = (id: string, km: number): SpatialHit<Item> => ({ item: { id, location: { lng: 0, lat: 0 } }, km });

describe('within-radius grouping', () => {
  it('lists every kind in reading order, nearest first, with totals and a per-group limit', () => {
    const groups = groupWithin<Item>(
      {
        teams: undefined,
        receptors: [hit('r1', 0.4)],
        enterprises: [hit('e2', 2.5), hit('e1', 0.3), hit('e3', 1.1)],
      } as never,
      { limit: 2 },
    );
    expect(groups.map((g) => g.kind)).toEqual([...RADIUS_KINDS]);
    const enterprises = groups.find((g) => g.kind === 'enterprises');
    expect(enterprises?.total).toBe(3);
    expect(enterprises?.hits.map((h) => h.item.id)).toEqual(['e1', 'e3']);
    expect(groups.find((g) => g.kind === 'receptors')?.total).toBe(1);
    expect(groups.find((g) => g.kind === 'shelters')).toEqual({ kind: 'shelters', total: 0, hits: [] });
  });

  it('leaves out the place the query is centred on, only in its own kind', () => {
    const groups = groupWithin<Item>(
      { enterprises: [hit('x', 0), hit('e1', 1)], hazardSources: [hit('x', 0)] },
      { exclude: { kind: 'enterprises', id: 'x' } },
    );
    expect(groups[0]?.hits.map((h) => h.item.id)).toEqual(['e1']);
    expect(groups[1]?.hits.map((h) => h.item.id)).toEqual(['x']);
  });

  it('with the spatial index, matches a brute-force scan on random data', () => {
    const point = fc.record({
      lng: fc.double({ min: 109.22, max: 109.78, noNaN: true }),
      lat: fc.double({ min: 24.75, max: 25.57, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 200 }), point, fc.constantFrom(1, 3, 5, 10), (pts, center, km) => {
        const items = pts.map((location, i) => ({ id: `p${String(i).padStart(3, '0')}`, location }));
        const index = createSpatialIndex(items);
        const [group] = groupWithin({ enterprises: index.within(center, km) });
        const brute = items
          .map((item) => ({ id: item.id, km: distanceKm(center, item.location) }))
          .filter((x) => x.km <= km)
          .sort((a, b) => a.km - b.km || (a.id < b.id ? -1 : 1));
        expect(group?.total).toBe(brute.length);
        expect(group?.hits.map((h) => h.item.id)).toEqual(brute.map((b) => b.id));
      }),
      { numRuns: 60 },
    );
  });
});

describe('measure', () => {
  const a = { lng: 109.4, lat: 25.2 };
  const b = { lng: 109.41, lat: 25.2 };
  const c = { lng: 109.41, lat: 25.21 };

  it('gives segments, running totals and the total with the distance function', () => {
    const m = measure([a, b, c], distanceKm);
    expect(m.segments).toHaveLength(2);
    expect(m.segments[0]).toBeCloseTo(distanceKm(a, b), 12);
    expect(m.cumulative[1]).toBeCloseTo(m.total, 12);
    expect(m.total).toBeCloseTo(distanceKm(a, b) + distanceKm(b, c), 12);
  });

  it('is zero with fewer than two points', () => {
    expect(measure([], distanceKm)).toEqual({ segments: [], cumulative: [], total: 0 });
    expect(measure([a], distanceKm).total).toBe(0);
  });

  it('draws a line and labels each later vertex with the running total', () => {
    const m = measure([a, b, c], distanceKm);
    const fc1 = measureOverlay([a, b, c], m, (km) => `${km.toFixed(2)} km`);
    expect(fc1.features[0]?.geometry.type).toBe('LineString');
    expect(fc1.features.slice(1).map((f) => f.properties?.label ?? null)).toEqual([
      null,
      `${m.cumulative[0]?.toFixed(2)} km`,
      `${m.total.toFixed(2)} km`,
    ]);
  });
});

describe('radius circle', () => {
  it('puts every vertex at the radius (by distanceKm) and closes the ring', () => {
    const center = { lng: 109.4, lat: 25.21 };
    const ring = circleRing(center, 5, 32);
    expect(ring).toHaveLength(33);
    expect(ring[0]).toEqual(ring[32]);
    for (const [lng, lat] of ring) expect(distanceKm(center, { lng, lat })).toBeCloseTo(5, 6);
    expect(destination(center, 3, 90).lng).toBeGreaterThan(center.lng);
    const overlay = radiusOverlay(center, 5, '5 km');
    expect(overlay.features.map((f) => f.geometry.type)).toEqual(['Polygon', 'Point', 'Point']);
    expect(overlay.features.map((f) => f.properties?.label ?? null)).toEqual([null, null, '5 km']);
  });
});
