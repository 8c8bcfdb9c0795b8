import { liveQuery } from 'dexie';
import type { Subscription } from 'dexie';
import type { Enterprise } from '@common/schemas/enterprise';
import type { Plan } from '@common/schemas/plan';
import { chinaDate, startOfNextChinaDay } from '@common/rules/calendar';
import { WatchfloorDb } from '../../db/db';
import type { MapEnterprise } from '../geojson';
import type { MapFilters } from '../map-layers-store';
import { enterpriseCatalog, EnterpriseIndex, mapEnterprises } from './enterprise-index';
import type { BuildTiming, FromWorker, ToWorker } from './messages';
import { ProjectionCache, sameBasis, sameProjection } from './projection-cache';
import type { ProjectionBasis } from './projection-cache';

/**
 * Keeps the enterprise tiles' index in step with the replica. At start it draws from the cached
 * projection (projection-cache.ts). Once the page says the map is up it watches the revisions of
 * the enterprises and plans (db/revisions.ts): while they are the ones the cache was derived from
 * that is all. Without a cache, or when they differ (now or later), it reads both tables from
 * Dexie itself — live queries, so later writes by the page's sync engine come through — and
 * rebuilds when the projection differs.
 * All of it on this thread: 50,000 rows are read and clustered off the page's.
 */

// NOTE: typed by hand: the renderer's tsconfig has the DOM lib, whose `self` is a window
const scope = globalThis as unknown as {
  postMessage(message: FromWorker, transfer?: Array<Transferable>): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};
// bound once: a test runs two copies of this module in one context, each with its own listener
const postMessage = scope.postMessage.bind(scope);
const post = (message: FromWorker, transfer: Array<Transferable> = []) => postMessage(message, transfer);
const fail = (error: unknown) =>
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
const now = () => performance.timeOrigin + performance.now();

let replicaName: string | null = null;
let cache: ProjectionCache | null = null;
let projection: ReadonlyArray<MapEnterprise> | null = null;
/** what `projection` was derived from (null: not known yet) */
let basis: ProjectionBasis | null = null;
let opened: Promise<void> = Promise.resolve();
let db: WatchfloorDb | null = null;
/** the revisions watch (checkCache), until it hands over to the tables' (watchReplica) */
let revisionsWatch: Subscription | null = null;
/** derives the projection again from the rows watchReplica last read */
let rederive: (() => void) | null = null;
let dayTurn: ReturnType<typeof setTimeout> | null = null;
/** past midnight by this much, so the new day is the one the rules see */
const DAY_TURN_MARGIN_MS = 1000;
let filters: MapFilters | null = null;
let index: EnterpriseIndex | null = null;
let version = 0;
const timing: BuildTiming = { opened: 0, projectionRead: 0, fromCache: false, built: 0 };
/** tile requests that came before the first index */
const waiting: Array<Extract<ToWorker, { type: 'tile' | 'expansion-zoom' }>> = [];
const subscriptions: Array<Subscription> = [];

function rebuild(): void {
  if (!projection || !filters) return;
  try {
    index = EnterpriseIndex.build(projection, filters);
  } catch (error) {
    fail(error);
    return;
  }
  version += 1;
  timing.built = now();
  post({ type: 'built', version, size: index.size, timing: { ...timing } });
  for (const request of waiting.splice(0)) answer(request);
}

function show(rows: ReadonlyArray<MapEnterprise>, fromCache: boolean): void {
  projection = rows;
  timing.projectionRead = now();
  timing.fromCache = fromCache;
  // the catalog first: the page finds enterprises (locate) and hazard sources' townships (a
  // township filter) in it while the enterprises are clustered (300–600 ms for 50,000 here)
  const catalog = enterpriseCatalog(rows);
  post({ type: 'catalog', catalog }, [catalog.coords.buffer]);
  rebuild();
}

function answer(message: Extract<ToWorker, { type: 'tile' | 'expansion-zoom' }>): void {
  if (!index) {
    waiting.push(message);
    return;
  }
  if (message.type === 'tile') {
    const bytes = index.tile(message.z, message.x, message.y);
    const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    post({ type: 'tile', request: message.request, data }, [data]);
  } else {
    post({ type: 'expansion-zoom', request: message.request, zoom: index.expansionZoom(message.clusterId) });
  }
}

async function open(name: string): Promise<void> {
  replicaName = name;
  timing.opened = now();
  cache = new ProjectionCache(name);
  const cached = await cache.read().catch(() => null);
  // a replica read may have come first (the page released it while the cache was read)
  if (cached && !projection) {
    basis = cached.basis;
    show(cached.rows, true);
  }
  if (!cached) watchReplica();
}

/** Plan states turn at the end of a China day: a projection holds for the day it was derived on. */
function chinaDay(at: Date): string {
  const { y, m, d } = chinaDate(at);
  return `${y}-${m}-${d}`;
}

/**
 * A duty desk stays open for days: at China midnight a drill or revision may fall overdue without
 * any write, so the projection is derived again then (from the rows already read, or by reading
 * them when only the revisions were watched).
 */
function followTheDay(): void {
  if (dayTurn !== null) return;
  const at = Date.now();
  dayTurn = setTimeout(
    () => {
      dayTurn = null;
      if (revisionsWatch) {
        revisionsWatch.unsubscribe();
        revisionsWatch = null;
        watchReplica();
      } else rederive?.();
      followTheDay();
    },
    startOfNextChinaDay(at) - at + DAY_TURN_MARGIN_MS,
  );
}

function replica(name: string): WatchfloorDb {
  db ??= new WatchfloorDb(name);
  return db;
}

/**
 * The map is up: the cached projection holds while the replica's revisions of enterprises and
 * plans (and the day) are those it was derived from. Watched, not read once: the first change
 * hands over to watchReplica.
 */
async function checkCache(): Promise<void> {
  await opened;
  if (revisionsWatch || subscriptions.length > 0 || !replicaName) return;
  const shown = basis;
  if (!shown) {
    watchReplica();
    return;
  }
  followTheDay();
  const replicaDb = replica(replicaName);
  let checked = false;
  revisionsWatch = liveQuery(() => replicaDb.revisions(['enterprises', 'plans'])).subscribe({
    next: (revisions) => {
      const current = sameBasis({ ...revisions, day: chinaDay(new Date()) }, shown);
      if (!checked) post({ type: 'cache-checked', current });
      checked = true;
      if (current) return;
      revisionsWatch?.unsubscribe();
      revisionsWatch = null;
      watchReplica();
    },
    error: fail,
  });
}

/** Reads the replica, now and after every change, and replaces the projection when it differs. */
function watchReplica(): void {
  if (subscriptions.length > 0 || !replicaName) return;
  const replicaDb = replica(replicaName);
  let enterprises: { revision: number; rows: ReadonlyArray<Enterprise> } | null = null;
  let plans: { revision: number; rows: ReadonlyArray<Plan> } | null = null;
  const derive = () => {
    if (!enterprises || !plans) return;
    const today = new Date();
    const fresh = mapEnterprises(enterprises.rows, plans.rows, today);
    const freshBasis = { enterprises: enterprises.revision, plans: plans.revision, day: chinaDay(today) };
    const same = projection !== null && sameProjection(projection, fresh);
    if (!same) show(fresh, false);
    // the same projection on a new basis is written too, or the next start would read again
    if (!same || !basis || !sameBasis(basis, freshBasis)) cache?.write(fresh, freshBasis).catch(fail);
    basis = freshBasis;
  };
  rederive = derive;
  followTheDay();
  // a table and its revision in one transaction: the cache's basis is what its rows were read at
  const read = <T extends 'enterprises' | 'plans'>(table: T) =>
    liveQuery(() =>
      replicaDb.transaction('r', replicaDb.replicaTable(table), replicaDb.meta, async () => ({
        revision: (await replicaDb.revisions([table]))[table],
        rows: await replicaDb.replicaTable(table).toArray(),
      })),
    );
  // two live queries, so a plan edit does not read 50,000 enterprises again
  subscriptions.push(
    read('enterprises').subscribe({
      next: (result) => {
        enterprises = result;
        derive();
      },
      error: fail,
    }),
    read('plans').subscribe({
      next: (result) => {
        plans = result;
        derive();
      },
      error: fail,
    }),
  );
}

scope.onmessage = ({ data: message }) => {
  switch (message.type) {
    case 'open':
      filters = message.filters;
      if (!replicaName) opened = open(message.dbName).catch(fail);
      return;
    case 'watch-replica':
      checkCache().catch(fail);
      return;
    case 'filters':
      filters = message.filters;
      rebuild();
      return;
    case 'tile':
    case 'expansion-zoom':
      answer(message);
      return;
  }
};
