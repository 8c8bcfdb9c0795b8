import { liveQuery } from 'dexie';
import type { Subscription } from 'dexie';
import type { Enterprise } from '@common/schemas/enterprise';
import type { Plan } from '@common/schemas/plan';
import { WatchfloorDb } from '../../db/db';
import type { MapEnterprise } from '../geojson';
import type { MapFilters } from '../map-layers-store';
import { enterpriseCatalog, EnterpriseIndex, mapEnterprises } from './enterprise-index';
import type { BuildTiming, FromWorker, ToWorker } from './messages';
import { ProjectionCache, sameProjection } from './projection-cache';

/**
 * Keeps the enterprise tiles' index in step with the replica. At start it draws from the cached
 * projection (projection-cache.ts); once the page says the map is up (or at once, without a
 * cache) it reads enterprises and plans from Dexie itself — live queries, so later writes by the
 * page's sync engine come through — and rebuilds when the projection differs.
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
  if (cached && !projection) show(cached, true);
  if (!cached) watchReplica();
}

/** Reads the replica, now and after every change, and replaces the projection when it differs. */
function watchReplica(): void {
  if (subscriptions.length > 0 || !replicaName) return;
  const db = new WatchfloorDb(replicaName);
  let enterprises: ReadonlyArray<Enterprise> | null = null;
  let plans: ReadonlyArray<Plan> | null = null;
  const derive = () => {
    if (!enterprises || !plans) return;
    const fresh = mapEnterprises(enterprises, plans, new Date());
    if (projection && sameProjection(projection, fresh)) return;
    show(fresh, false);
    cache?.write(fresh).catch(fail);
  };
  // two live queries, so a plan edit does not read 50,000 enterprises again
  subscriptions.push(
    liveQuery(() => db.enterprises.toArray()).subscribe({
      next: (rows) => {
        enterprises = rows;
        derive();
      },
      error: fail,
    }),
    liveQuery(() => db.plans.toArray()).subscribe({
      next: (rows) => {
        plans = rows;
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
      if (!replicaName) open(message.dbName).catch(fail);
      return;
    case 'watch-replica':
      watchReplica();
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
