import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTY } from '@common/domain/county';
import { createSpatialIndex, distanceKm, fromWgs84, toWgs84 } from '@common/geo';
import type { LngLat } from '@common/schemas/common';

type Item = { id: string; location: LngLat; kind: 'a' | 'b' };

const [W, S, E, N] = COUNTY.bbox;
// a little beyond the county so that queries near its edge see points on both sides
const lngArb = fc.double({ min: W - 0.2, max: E + 0.2, noNaN: true });
const latArb = fc.double({ min: S - 0.2, max: N + 0.2, noNaN: true });
const pointArb = fc.record({ lng: lngArb, lat: latArb });
const itemsArb = fc
  .array(fc.record({ location: pointArb, kind: fc.constantFrom<'a' | 'b'>('a', 'b') }), { maxLength: 400 })
  .map((xs) => xs.map((x, i): Item => ({ id: `i${String(i).padStart(4, '0')}`, ...x })));

/** The reference the index must agree with: a scan of every item, sorted by (km, id). */
function bruteForce(items: ReadonlyArray<Item>, center: LngLat, maxKm: number, filter?: (i: Item) => boolean) {
  return items
    .filter((i) => (filter ? filter(i) : true))
    .map((item) => ({ item, km: distanceKm(center, item.location) }))
    .filter((h) => h.km <= maxKm)
    .sort((a, b) => a.km - b.km || (a.item.id < b.item.id ? -1 : 1));
}

describe('distanceKm', () => {
  it('is zero for the same point and symmetric', () => {
    expect(distanceKm(COUNTY.seat, COUNTY.seat)).toBe(0);
    const a = { lng: 109.3, lat: 25.07 };
    expect(distanceKm(a, COUNTY.seat)).toBeCloseTo(distanceKm(COUNTY.seat, a), 12);
  });

  it('matches hand-worked values', () => {
    // one degree of latitude on a 6371 km sphere: 6371 · π / 180 = 111.19 km
    expect(distanceKm({ lng: 109.4, lat: 25 }, { lng: 109.4, lat: 26 })).toBeCloseTo(111.195, 3);
    // one degree of longitude at 25° N: ≈ 111.195 · cos 25° = 100.78 km (haversine, not the chord)
    expect(distanceKm({ lng: 109, lat: 25 }, { lng: 110, lat: 25 })).toBeCloseTo(100.77, 1);
    // antipodes: half the circumference
    expect(distanceKm({ lng: 0, lat: 0 }, { lng: 180, lat: 0 })).toBeCloseTo(Math.PI * 6371, 6);
  });
});

describe('createSpatialIndex', () => {
  it('within() equals a brute-force scan on random data', () => {
    fc.assert(
      fc.property(itemsArb, pointArb, fc.double({ min: 0, max: 60, noNaN: true }), fc.boolean(), (items, c, r, f) => {
        const filter = f ? (i: Item) => i.kind === 'a' : undefined;
        const got = createSpatialIndex(items).within(c, r, filter);
        const want = bruteForce(items, c, r, filter);
        expect(got.map((h) => h.item.id)).toEqual(want.map((h) => h.item.id));
        for (const [i, h] of got.entries()) expect(h.km).toBe(want[i]?.km);
      }),
      { numRuns: 200, seed: 450224 },
    );
  });

  it('nearest() equals the first n of a brute-force scan on random data', () => {
    fc.assert(
      fc.property(
        itemsArb,
        pointArb,
        fc.integer({ min: 0, max: 50 }),
        fc.option(fc.double({ min: 0, max: 40, noNaN: true }), { nil: undefined }),
        fc.boolean(),
        (items, c, count, maxKm, f) => {
          const filter = f ? (i: Item) => i.kind === 'b' : undefined;
          const got = createSpatialIndex(items).nearest(c, count, filter, maxKm);
          const want = bruteForce(items, c, maxKm ?? Infinity, filter).slice(0, count);
          // equal distances could legitimately pick either item at the cut; compare distances
          expect(got.map((h) => h.km)).toEqual(want.map((h) => h.km));
          expect(got).toHaveLength(want.length);
        },
      ),
      { numRuns: 200, seed: 224 },
    );
  });

  it('handles the edges: empty index, radius 0, count beyond the set, a filter that excludes all', () => {
    const empty = createSpatialIndex<Item>([]);
    expect(empty.within(COUNTY.seat, 100)).toEqual([]);
    expect(empty.nearest(COUNTY.seat, 5)).toEqual([]);

    const items: Array<Item> = [
      { id: 'seat', location: { ...COUNTY.seat }, kind: 'a' },
      { id: 'seat-twin', location: { ...COUNTY.seat }, kind: 'b' },
      { id: 'siding', location: { lng: 109.3, lat: 25.07 }, kind: 'a' },
      { id: 'tantou', location: { lng: 109.45, lat: 24.85 }, kind: 'b' },
    ];
    const index = createSpatialIndex(items);
    // radius 0 keeps exactly the points at the centre (inclusive bound), ties by id
    expect(index.within(COUNTY.seat, 0).map((h) => h.item.id)).toEqual(['seat', 'seat-twin']);
    expect(index.within({ lng: 109.401, lat: 25.21 }, 0)).toEqual([]);
    expect(index.within(COUNTY.seat, -1)).toEqual([]);
    // count larger than the set returns everything, nearest first
    expect(index.nearest(COUNTY.seat, 99).map((h) => h.item.id)).toEqual(['seat', 'seat-twin', 'siding', 'tantou']);
    expect(index.nearest(COUNTY.seat, 0)).toEqual([]);
    // filter excluding everything
    expect(index.within(COUNTY.seat, 1000, () => false)).toEqual([]);
    expect(index.nearest(COUNTY.seat, 3, () => false)).toEqual([]);
    // maxKm cuts nearest()
    const sidingKm = distanceKm(COUNTY.seat, { lng: 109.3, lat: 25.07 });
    expect(index.nearest(COUNTY.seat, 10, undefined, sidingKm).map((h) => h.item.id)).toEqual([
      'seat',
      'seat-twin',
      'siding',
    ]);
    // a filter by type, as "nearest available teams of a type" uses it
    expect(index.nearest(COUNTY.seat, 1, (i) => i.kind === 'b' && i.id !== 'seat-twin')[0]?.item.id).toBe('tantou');
  });

  it('answers 50,000 points quickly', () => {
    let s = 1;
    const rnd = () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646;
    const items = Array.from({ length: 50_000 }, (_, i): Item => ({
      id: String(i),
      kind: 'a',
      location: { lng: W + rnd() * (E - W), lat: S + rnd() * (N - S) },
    }));
    const t0 = performance.now();
    const index = createSpatialIndex(items);
    for (let i = 0; i < 1000; i++) index.nearest({ lng: W + rnd() * (E - W), lat: S + rnd() * (N - S) }, 10);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('toWgs84', () => {
  const metres = (a: LngLat, b: LngLat) => distanceKm(a, b) * 1000;

  it("matches gcoord's documented GCJ-02 → WGS84 example", () => {
    // gcoord README: transform([123, 45], GCJ02, WGS84) → [122.99395597, 44.99804071]
    expect(metres(toWgs84({ lng: 123, lat: 45 }, 'GCJ02'), { lng: 122.99395597, lat: 44.99804071 })).toBeLessThan(0.01);
  });

  it("matches gcoord's documented WGS84 → BD-09 example in reverse, within 2 m", () => {
    // gcoord README: transform([116.403988, 39.914266], WGS84, BD09) → [116.41661560068297, 39.92196580126834]
    const back = toWgs84({ lng: 116.41661560068297, lat: 39.92196580126834 }, 'BD09');
    expect(metres(back, { lng: 116.403988, lat: 39.914266 })).toBeLessThan(2);
  });

  it('round-trips points of the county through GCJ-02 and BD-09 within 2 m; the shift itself is hundreds of metres', () => {
    for (const p of [COUNTY.seat, { lng: 109.3, lat: 25.07 }, { lng: 109.7, lat: 25.5 }]) {
      for (const datum of ['GCJ02', 'BD09'] as const) {
        const shifted = fromWgs84(p, datum);
        expect(metres(shifted, p)).toBeGreaterThan(100);
        expect(metres(toWgs84(shifted, datum), p)).toBeLessThan(2);
      }
    }
    expect(toWgs84(COUNTY.seat, 'WGS84')).toEqual(COUNTY.seat);
  });
});
