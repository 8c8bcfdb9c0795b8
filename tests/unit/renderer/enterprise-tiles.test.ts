import { describe, expect, it } from 'vitest';
import { PbfReader } from 'pbf';
import { VectorTile } from '@mapbox/vector-tile';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { generateDemoCounty } from '../../../src-hub/demo/generate';
import { coverageStates } from '../../../src-renderer/src/map/domain-rules';
import {
  enterpriseCatalog,
  EnterpriseIndex,
  mapEnterprises,
} from '../../../src-renderer/src/map/enterprise-tiles/enterprise-index';
import {
  packProjection,
  ProjectionCache,
  sameProjection,
  unpackProjection,
} from '../../../src-renderer/src/map/enterprise-tiles/projection-cache';
import { ENTERPRISE_TILE_LAYER } from '../../../src-renderer/src/map/enterprise-tiles/tile-layout';
import { NO_FILTERS } from '../../../src-renderer/src/map/map-layers-store';
import { COVERAGE_ORDER, RISK_ORDER, worstRank } from '../../../src-renderer/src/map/symbology';

const county = generateDemoCounty({ seed: 7, enterprises: 2000 });
const NOW = new Date('2025-06-02T08:00:00+08:00');
const rows = mapEnterprises(county.enterprises, county.plans, NOW);

type Decoded = { properties: Record<string, unknown>; x: number; y: number };

/** Every feature of a tile's enterprise layer, with its point in tile units. */
function decode(bytes: Uint8Array): Array<Decoded> {
  const layer = new VectorTile(new PbfReader(bytes)).layers[ENTERPRISE_TILE_LAYER];
  if (!layer) return [];
  return Array.from({ length: layer.length }, (_, i) => {
    const f = layer.feature(i);
    const point = f.loadGeometry()[0]?.[0];
    return { properties: f.properties as Record<string, unknown>, x: point?.x ?? NaN, y: point?.y ?? NaN };
  });
}

/** The enterprises a tile stands for: singles by id, clusters by their count. */
function represented(features: ReadonlyArray<Decoded>): number {
  return features.reduce((n, f) => n + (f.properties['cluster'] ? Number(f.properties['point_count']) : 1), 0);
}

describe('the map projection of the enterprises', () => {
  it('keeps what the layers draw, with the plan coverage the src-common rules give', () => {
    const states = coverageStates(county.enterprises, county.plans, NOW);
    expect(rows).toHaveLength(county.enterprises.length);
    const e = county.enterprises[3];
    expect(e).toBeDefined();
    if (!e) return;
    expect(rows[3]).toEqual({
      id: e.id,
      name: e.name,
      sector: e.sector,
      riskLevel: e.riskLevel,
      townshipCode: e.townshipCode,
      lng: e.location.lng,
      lat: e.location.lat,
      coverage: states[3],
    });
    // the demo county has every coverage state, so the cluster colours are all exercised
    expect(new Set(rows.map((r) => r.coverage)).size).toBe(COVERAGE_ORDER.length);
  });

  it('packs into columns and back without loss, and compares field by field', () => {
    const back = unpackProjection(packProjection(rows));
    expect(back).toEqual(rows);
    expect(sameProjection(back, rows)).toBe(true);
    const moved = rows.map((r, i) => (i === 10 ? { ...r, lat: r.lat + 1e-6 } : r));
    expect(sameProjection(moved, rows)).toBe(false);
    const recoloured = rows.map((r, i) => (i === 0 ? { ...r, coverage: 'none' as const } : r));
    expect(sameProjection(recoloured, rows)).toBe(rows[0]?.coverage === 'none');
    expect(sameProjection(rows.slice(1), rows)).toBe(false);
  });

  it('the catalog locates every enterprise and knows its township', () => {
    const catalog = enterpriseCatalog(rows);
    const i = 1234;
    expect(catalog.ids[i]).toBe(rows[i]?.id);
    expect([catalog.coords[2 * i], catalog.coords[2 * i + 1]]).toEqual([rows[i]?.lng, rows[i]?.lat]);
    expect(catalog.townships[i]).toBe(rows[i]?.townshipCode);
  });
});

describe('EnterpriseIndex: clustered vector tiles', () => {
  const index = EnterpriseIndex.build(rows, NO_FILTERS);

  it('the whole county in the world tile: every enterprise counted once, clusters keep the worst member', () => {
    const features = decode(index.tile(0, 0, 0));
    expect(represented(features)).toBe(rows.length);
    const clusters = features.filter((f) => f.properties['cluster']);
    expect(clusters.length).toBeGreaterThan(0);
    const worstRisk = Math.max(...rows.map((r) => worstRank(RISK_ORDER, r.riskLevel)));
    expect(Math.max(...clusters.map((c) => Number(c.properties['worstRisk'])))).toBe(worstRisk);
    for (const c of clusters) {
      expect(typeof c.properties['cluster_id']).toBe('number');
      expect(c.properties['worstCoverage']).toBeGreaterThanOrEqual(0);
    }
  });

  it('at street zoom a tile holds single enterprises with the properties the layers read, where they are', () => {
    const e = rows[42];
    expect(e).toBeDefined();
    if (!e) return;
    const z = 16;
    const scale = 2 ** z;
    const x = ((e.lng + 180) / 360) * scale;
    const sin = Math.sin((e.lat * Math.PI) / 180);
    const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale;
    const features = decode(index.tile(z, Math.floor(x), Math.floor(y)));
    const found = features.find((f) => f.properties['id'] === e.id);
    expect(found?.properties).toMatchObject({
      name: e.name,
      risk: e.riskLevel,
      coverage: e.coverage,
      riskRank: worstRank(RISK_ORDER, e.riskLevel),
      coverageRank: worstRank(COVERAGE_ORDER, e.coverage),
    });
    expect(features.some((f) => f.properties['cluster'])).toBe(false);
    // within one unit of the 4096-unit tile grid
    expect(Math.abs((found?.x ?? NaN) - (x - Math.floor(x)) * 4096)).toBeLessThanOrEqual(1);
    expect(Math.abs((found?.y ?? NaN) - (y - Math.floor(y)) * 4096)).toBeLessThanOrEqual(1);
  });

  it('filters apply before clustering: clusters count only what passes', () => {
    const major = EnterpriseIndex.build(rows, { ...NO_FILTERS, riskLevels: ['major'] });
    const expected = rows.filter((r) => r.riskLevel === 'major').length;
    expect(major.size).toBe(expected);
    expect(represented(decode(major.tile(0, 0, 0)))).toBe(expected);
    const seat = EnterpriseIndex.build(rows, { ...NO_FILTERS, townships: ['450224100'] });
    expect(seat.size).toBe(rows.filter((r) => r.townshipCode === '450224100').length);
  });

  it('a cluster expands at a deeper zoom; an id from another index is not guessed at', () => {
    const cluster = decode(index.tile(0, 0, 0)).find((f) => f.properties['cluster']);
    const zoom = index.expansionZoom(Number(cluster?.properties['cluster_id']));
    expect(zoom).toBeGreaterThan(0);
    expect(index.expansionZoom(987_654_321)).toBeNull();
  });

  it('an empty county gives valid, empty tiles', () => {
    const empty = EnterpriseIndex.build([], NO_FILTERS);
    expect(empty.size).toBe(0);
    expect(decode(empty.tile(5, 25, 13))).toEqual([]);
  });
});

describe('ProjectionCache', () => {
  it('reads back what it wrote and its basis; nothing before; ignores a cache of another format', async () => {
    const cache = new ProjectionCache(`cache-test-${Date.now()}`, { indexedDB, IDBKeyRange });
    expect(await cache.read()).toBeNull();
    const basis = { enterprises: 4, plans: 9, day: '2025-6-2' };
    await cache.write(rows, basis);
    expect(await cache.read()).toEqual({ rows, basis });
    await cache.projections.update('enterprises', { format: 0 });
    expect(await cache.read()).toBeNull();
    cache.close();
  });
});
