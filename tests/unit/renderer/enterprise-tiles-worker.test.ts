import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PbfReader } from 'pbf';
import { VectorTile } from '@mapbox/vector-tile';
import { generateDemoCounty } from '../../../src-hub/demo/generate';
import { WatchfloorDb } from '../../../src-renderer/src/db/db';
import type { FromWorker, ToWorker } from '../../../src-renderer/src/map/enterprise-tiles/messages';
import { ProjectionCache } from '../../../src-renderer/src/map/enterprise-tiles/projection-cache';
import { NO_FILTERS } from '../../../src-renderer/src/map/map-layers-store';

/**
 * The worker module run in this test's own context: its `onmessage` and `postMessage` are the
 * global ones, and Dexie uses fake-indexeddb's globals, so the worker reads the replica this test
 * writes — as the real worker reads the one the page's sync engine writes.
 */
const DB_NAME = `worker-test-${Date.now()}`;
const county = generateDemoCounty({ seed: 11, enterprises: 300 });
const scope = globalThis as unknown as {
  postMessage: (message: FromWorker) => void;
  onmessage: ((event: { data: ToWorker }) => void) | null;
};
let posted: Array<FromWorker> = [];
const send = (message: ToWorker) => scope.onmessage?.({ data: message });
const built = () => posted.filter((m): m is Extract<FromWorker, { type: 'built' }> => m.type === 'built');
const catalogs = () => posted.filter((m): m is Extract<FromWorker, { type: 'catalog' }> => m.type === 'catalog');

/**
 * A fresh copy of the worker module, as a new page would start one, and a replica handle from the
 * same module graph: Dexie tells live queries about writes made through its own copy (between a
 * page and its worker, BroadcastChannel carries them).
 */
async function startWorker(): Promise<WatchfloorDb> {
  vi.resetModules();
  // each copy keeps its own inbox: the earlier copy is still subscribed and still answers
  const inbox: Array<FromWorker> = [];
  posted = inbox;
  scope.postMessage = (message) => inbox.push(message);
  await import('../../../src-renderer/src/map/enterprise-tiles/enterprise-tiles.worker');
  const { WatchfloorDb: Db } = await import('../../../src-renderer/src/db/db');
  send({ type: 'open', dbName: DB_NAME, filters: NO_FILTERS });
  return new Db(DB_NAME);
}

async function tileCount(): Promise<number> {
  send({ type: 'tile', request: 99, z: 0, x: 0, y: 0 });
  await vi.waitFor(() => expect(posted.some((m) => m.type === 'tile' && m.request === 99)).toBe(true));
  const reply = posted.find((m) => m.type === 'tile' && m.request === 99);
  if (reply?.type !== 'tile') return -1;
  const layer = new VectorTile(new PbfReader(new Uint8Array(reply.data))).layers['enterprises'];
  let n = 0;
  for (let i = 0; i < (layer?.length ?? 0); i++) {
    const p = layer?.feature(i).properties ?? {};
    n += p['cluster'] ? Number(p['point_count']) : 1;
  }
  return n;
}

const db = new WatchfloorDb(DB_NAME);
beforeAll(async () => {
  await db.enterprises.bulkPut(county.enterprises);
  await db.plans.bulkPut(county.plans);
});
afterAll(() => db.close());

describe('the enterprise tiles worker', () => {
  it('first start: no cache, so it reads the replica, answers tiles and writes the cache', async () => {
    await startWorker();
    // a tile asked for before the index exists waits for it
    const count = tileCount();
    await vi.waitFor(() => expect(built()).toHaveLength(1), { timeout: 5000 });
    const [first] = built();
    expect(first?.timing.fromCache).toBe(false);
    expect(first?.size).toBe(300);
    // the catalog went out before the index was built, once
    expect(catalogs()).toHaveLength(1);
    expect(catalogs()[0]?.catalog.ids).toHaveLength(300);
    expect(posted.findIndex((m) => m.type === 'catalog')).toBeLessThan(posted.findIndex((m) => m.type === 'built'));
    expect(await count).toBe(300);
    await vi.waitFor(async () => expect(await new ProjectionCache(DB_NAME).read()).toHaveLength(300), {
      timeout: 5000,
    });
  });

  it('filters rebuild the index without resending the catalog', async () => {
    send({ type: 'filters', filters: { ...NO_FILTERS, riskLevels: ['major'] } });
    await vi.waitFor(() => expect(built()).toHaveLength(2));
    expect(built()[1]?.size).toBe(county.enterprises.filter((e) => e.riskLevel === 'major').length);
    expect(catalogs()).toHaveLength(1);
    send({ type: 'filters', filters: NO_FILTERS });
    await vi.waitFor(() => expect(built()).toHaveLength(3));
  });

  it('next start: draws from the cache, checks the replica only when told, rebuilds only on a difference', async () => {
    const replica = await startWorker();
    await vi.waitFor(() => expect(built()).toHaveLength(1), { timeout: 3000 });
    expect(built()[0]?.timing.fromCache).toBe(true);
    expect(await tileCount()).toBe(300);

    // the map is up: the worker reads the replica; it matches the cache, so nothing is rebuilt…
    send({ type: 'watch-replica' });
    const moved = county.enterprises[5];
    expect(moved).toBeDefined();
    if (!moved) return;
    // …until the replica changes (as the sync engine would write it): version 2, not 3
    await new Promise((r) => setTimeout(r, 300));
    await replica.enterprises.put({ ...moved, location: { lng: moved.location.lng + 0.01, lat: moved.location.lat } });
    await vi.waitFor(() => expect(built()).toHaveLength(2), { timeout: 5000 });
    const second = built()[1];
    expect(second?.version).toBe(2);
    expect(second?.timing.fromCache).toBe(false);
    expect(catalogs()).toHaveLength(2);
    const catalog = catalogs()[1]?.catalog;
    const i = catalog?.ids.indexOf(moved.id) ?? -1;
    expect(catalog?.coords[2 * i]).toBeCloseTo(moved.location.lng + 0.01, 9);
    // and the cache follows
    await vi.waitFor(async () => {
      const cached = await new ProjectionCache(DB_NAME).read();
      expect(cached?.find((r) => r.id === moved.id)?.lng).toBeCloseTo(moved.location.lng + 0.01, 9);
    });
  }, 15_000);
});
