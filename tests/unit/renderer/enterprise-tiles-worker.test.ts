import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PbfReader } from 'pbf';
import { VectorTile } from '@mapbox/vector-tile';
import { generateDemoCounty } from '../../../src-hub/demo/generate';
import { WatchfloorDb } from '../../../src-renderer/src/db/db';
import type { FromWorker, ToWorker } from '../../../src-renderer/src/map/enterprise-tiles/messages';
import { ProjectionCache } from '../../../src-renderer/src/map/enterprise-tiles/projection-cache';
import { NO_FILTERS } from '../../../src-renderer/src/map/map-layers-store';
import { coverageStates } from '../../../src-renderer/src/map/domain-rules';
import { planStatus } from '@common/rules/plan-status';

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
    // kept with what it was derived from: one write to each table so far, and today
    await vi.waitFor(
      async () => {
        const cached = await new ProjectionCache(DB_NAME).read();
        expect(cached?.rows).toHaveLength(300);
        expect(cached?.basis).toMatchObject({ enterprises: 1, plans: 1 });
        expect(cached?.basis.day).toMatch(/^\d{4}-\d{1,2}-\d{1,2}$/);
      },
      { timeout: 5000 },
    );
  });

  it('filters rebuild the index without resending the catalog', async () => {
    send({ type: 'filters', filters: { ...NO_FILTERS, riskLevels: ['major'] } });
    await vi.waitFor(() => expect(built()).toHaveLength(2));
    expect(built()[1]?.size).toBe(county.enterprises.filter((e) => e.riskLevel === 'major').length);
    expect(catalogs()).toHaveLength(1);
    send({ type: 'filters', filters: NO_FILTERS });
    await vi.waitFor(() => expect(built()).toHaveLength(3));
  });

  it('next start: draws from the cache, checks its basis only when told, rebuilds only on a change', async () => {
    const replica = await startWorker();
    await vi.waitFor(() => expect(built()).toHaveLength(1), { timeout: 3000 });
    expect(built()[0]?.timing.fromCache).toBe(true);
    expect(await tileCount()).toBe(300);
    expect(posted.some((m) => m.type === 'cache-checked')).toBe(false);

    // the map is up: the replica's revisions are the cache's, so the tables are not read…
    send({ type: 'watch-replica' });
    await vi.waitFor(() => expect(posted).toContainEqual({ type: 'cache-checked', current: true }));
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
      expect(cached?.rows.find((r) => r.id === moved.id)?.lng).toBeCloseTo(moved.location.lng + 0.01, 9);
      expect(cached?.basis.enterprises).toBe(2);
    });
  }, 15_000);

  it('a replica changed while no worker watched: the cache is stale, the tables are read again', async () => {
    const moved = county.enterprises[7];
    if (!moved) throw new Error('no enterprise');
    await db.enterprises.put({ ...moved, location: { lng: moved.location.lng, lat: moved.location.lat + 0.02 } });
    await startWorker();
    await vi.waitFor(() => expect(built()).toHaveLength(1), { timeout: 3000 });
    // drawn from the cache first: the old position
    const position = (catalog: Extract<FromWorker, { type: 'catalog' }> | undefined) => {
      const i = catalog?.catalog.ids.indexOf(moved.id) ?? -1;
      return catalog?.catalog.coords[2 * i + 1];
    };
    expect(position(catalogs()[0])).toBeCloseTo(moved.location.lat, 9);
    send({ type: 'watch-replica' });
    await vi.waitFor(() => expect(posted).toContainEqual({ type: 'cache-checked', current: false }));
    await vi.waitFor(() => expect(built()).toHaveLength(2), { timeout: 5000 });
    expect(position(catalogs()[1])).toBeCloseTo(moved.location.lat + 0.02, 9);
  }, 15_000);

  it('a cache from another day is stale (plan states turn at the end of a China day)', async () => {
    const cache = new ProjectionCache(DB_NAME);
    const cached = await vi.waitFor(
      async () => {
        const row = await cache.read();
        expect(row?.basis.enterprises).toBe(3);
        return row;
      },
      { timeout: 5000 },
    );
    if (!cached) throw new Error('no cache');
    await cache.write(cached.rows, { ...cached.basis, day: '2020-1-1' });
    await startWorker();
    await vi.waitFor(() => expect(built()).toHaveLength(1), { timeout: 3000 });
    send({ type: 'watch-replica' });
    await vi.waitFor(() => expect(posted).toContainEqual({ type: 'cache-checked', current: false }));
    // the same projection on today's basis: nothing to rebuild, but the cache is written again
    await vi.waitFor(async () => expect((await cache.read())?.basis.day).not.toBe('2020-1-1'), { timeout: 5000 });
    expect(built()).toHaveLength(1);
  }, 15_000);

  it('at China midnight a drill falls overdue without any write: the map is derived again', async () => {
    // an instant 4 s before a midnight at which some enterprise's coverage turns (from the data)
    const enterprises = await db.enterprises.toArray();
    const plans = await db.plans.toArray();
    let turn: { at: number; id: string; before: string; after: string } | null = null;
    for (const plan of plans) {
      const due = planStatus(plan, { now: new Date() }).drillDueAt;
      if (!due) continue;
      const midnight = Date.parse(due) + 1;
      const before = coverageStates(enterprises, plans, new Date(midnight - 4000));
      const after = coverageStates(enterprises, plans, new Date(midnight + 1000));
      const i = before.findIndex((state, k) => state !== after[k]);
      const id = enterprises[i]?.id;
      if (i >= 0 && id) {
        turn = { at: midnight - 4000, id, before: before[i] ?? '', after: after[i] ?? '' };
        break;
      }
    }
    if (!turn) throw new Error('no coverage turns at a midnight in this county');
    const { at, id, before, after } = turn;
    const coverage = async () => {
      const cached = await new ProjectionCache(DB_NAME).read();
      return cached?.rows.find((r) => r.id === id)?.coverage;
    };
    // the clock moves on from there in real time; timers stay real
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(at);
    try {
      await startWorker();
      await vi.waitFor(() => expect(built()).toHaveLength(1), { timeout: 3000 });
      // the cache is from another day: read again, derived for the evening before
      send({ type: 'watch-replica' });
      await vi.waitFor(async () => expect(await coverage()).toBe(before), { timeout: 3000 });
      expect(Date.now()).toBeLessThan(at + 4000);
      // …and again just after midnight, with no write to the replica
      await vi.waitFor(async () => expect(await coverage()).toBe(after), { timeout: 10_000 });
      expect(built().length).toBeGreaterThanOrEqual(2);
    } finally {
      vi.useRealTimers();
    }
  }, 20_000);
});
