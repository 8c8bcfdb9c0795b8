import { addProtocol } from 'maplibre-gl';
import type { LngLat } from '@common/schemas/common';
import { onDeferredReadsReleased } from '../../db/deferred-reads';
import { logger } from '../../logger';
import type { MapFilters } from '../map-layers-store';
import type { EnterpriseCatalog } from './enterprise-index';
import type { FromWorker, ToWorker } from './messages';

/** The URL scheme MapLibre asks for enterprise tiles with (answered by `addProtocol`, below). */
export const ENTERPRISE_TILE_PROTOCOL = 'wf-enterprises';

type Reply = Extract<FromWorker, { type: 'tile' | 'expansion-zoom' }>;

/**
 * The page's end of the enterprise-tiles worker: asks it for tiles and cluster expansions, keeps
 * the catalog it sends (where each enterprise is, for `locate` and hazard sources' townships) and
 * tells subscribers when a new catalog comes and when a new index is in use (the map then reloads
 * its tiles).
 *
 * One per replica: made before the map (`forReplica`), so the worker reads and clusters while the
 * map loads its style.
 */
export class EnterpriseTiles {
  private readonly worker: Worker;
  private nextRequest = 1;
  private readonly replies = new Map<number, (reply: Reply) => void>();
  private readonly listeners = new Set<() => void>();
  private catalog: EnterpriseCatalog | null = null;
  private positions: Map<string, number> | null = null;
  private readonly stopWaiting: () => void;
  /** map views using this instance (hold); none left → the worker stops */
  private holders = 0;
  private disposed = false;
  /** 0 until the first index is built; each rebuild (data or filters) counts up */
  version = 0;
  /** 0 until the first catalog came (before the first index); each new one counts up */
  catalogRevision = 0;

  private constructor(
    readonly dbName: string,
    private filters: MapFilters,
  ) {
    this.worker = new Worker(new URL('./enterprise-tiles.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = ({ data }: MessageEvent<FromWorker>) => this.receive(data);
    this.worker.onerror = (event) => logger.error('enterprise tiles worker failed', { message: event.message });
    this.send({ type: 'open', dbName, filters });
    // the worker checks its cached projection against the replica once the map is up
    this.stopWaiting = onDeferredReadsReleased(() => this.send({ type: 'watch-replica' }));
  }

  /** The one instance for this replica (a new replica — another hub or user — replaces it). */
  static forReplica(dbName: string, filters: MapFilters): EnterpriseTiles {
    if (current?.dbName === dbName) return current;
    current?.dispose();
    current = new EnterpriseTiles(dbName, filters);
    registerProtocol();
    return current;
  }

  /**
   * A map view uses this instance until it calls the returned release. When the last one releases
   * (sign-out unmounts the map), the worker — the projection, the index and a live query on the
   * replica — stops, after a task: a view released and held again in one commit (a rebuilt map,
   * React's StrictMode) keeps it.
   */
  hold(): () => void {
    this.holders += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holders -= 1;
      setTimeout(() => {
        if (this.holders === 0) this.dispose();
      }, 0);
    };
  }

  /** The source's tile URL; a new version makes MapLibre fetch every tile again. */
  tileUrl(): string {
    return `${ENTERPRISE_TILE_PROTOCOL}://{z}/{x}/{y}?v=${this.version}`;
  }

  /** The map's filters apply before clustering (a cluster counts what is shown). */
  setFilters(filters: MapFilters): void {
    if (filters === this.filters) return;
    this.filters = filters;
    this.send({ type: 'filters', filters });
  }

  tile(z: number, x: number, y: number): Promise<ArrayBuffer> {
    return this.ask({ type: 'tile', z, x, y }).then((reply) =>
      reply.type === 'tile' ? reply.data : new ArrayBuffer(0),
    );
  }

  /** null when the cluster belongs to an index already replaced (the click came from a stale tile) */
  expansionZoom(clusterId: number): Promise<number | null> {
    return this.ask({ type: 'expansion-zoom', clusterId }).then((reply) =>
      reply.type === 'expansion-zoom' ? reply.zoom : null,
    );
  }

  /** Where an enterprise is, whether or not the filters show it; null before the first catalog. */
  locate(id: string): LngLat | null {
    const i = this.position(id);
    const coords = this.catalog?.coords;
    if (i === undefined || !coords) return null;
    return { lng: coords[2 * i] ?? 0, lat: coords[2 * i + 1] ?? 0 };
  }

  townshipOf(id: string): string | undefined {
    const i = this.position(id);
    return i === undefined ? undefined : this.catalog?.townships[i];
  }

  /** Called after every new catalog and every new index (the first ones included). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stopWaiting();
    this.worker.terminate();
    this.listeners.clear();
    this.replies.clear();
    if (current === this) current = null;
  }

  private position(id: string): number | undefined {
    if (!this.catalog) return undefined;
    // built on first use: most sessions locate a few enterprises, and 50,000 keys cost ~10 ms
    this.positions ??= new Map(this.catalog.ids.map((key, i) => [key, i]));
    return this.positions.get(id);
  }

  private ask(message: DistributiveOmit<Extract<ToWorker, { request: number }>, 'request'>): Promise<Reply> {
    const request = this.nextRequest++;
    return new Promise((resolve) => {
      this.replies.set(request, resolve);
      this.send({ ...message, request } as ToWorker);
    });
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'catalog':
        this.catalog = message.catalog;
        this.positions = null;
        this.catalogRevision += 1;
        if (this.catalogRevision === 1) performance.mark('wf:enterprise-catalog');
        for (const listener of [...this.listeners]) listener();
        return;
      case 'built':
        this.version = message.version;
        if (message.version > 1) performance.mark(`wf:enterprise-index-v${message.version}`);
        if (message.version === 1) {
          // for the map bench's breakdown of opening the map
          const at = (epoch: number) => ({ startTime: Math.max(0, epoch - performance.timeOrigin) });
          const { opened, projectionRead, fromCache, built } = message.timing;
          performance.mark('wf:enterprise-worker-open', at(opened));
          performance.mark(fromCache ? 'wf:enterprise-cache-read' : 'wf:enterprise-replica-read', at(projectionRead));
          performance.mark('wf:enterprise-index', at(built));
        }
        for (const listener of [...this.listeners]) listener();
        return;
      case 'cache-checked':
        performance.mark(message.current ? 'wf:enterprise-cache-current' : 'wf:enterprise-cache-stale');
        return;
      case 'failed':
        logger.error('enterprise tiles could not be built', { message: message.message });
        return;
      default: {
        const resolve = this.replies.get(message.request);
        this.replies.delete(message.request);
        resolve?.(message);
      }
    }
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

let current: EnterpriseTiles | null = null;
let registered = false;

/** MapLibre asks the page for `wf-enterprises://z/x/y` tiles; the current replica's worker cuts them. */
function registerProtocol(): void {
  if (registered) return;
  registered = true;
  addProtocol(ENTERPRISE_TILE_PROTOCOL, async ({ url }) => {
    const match = /^[\w-]+:\/\/(\d+)\/(\d+)\/(\d+)/.exec(url);
    if (!match || !current) throw new Error(`no enterprise tiles for ${url}`);
    return { data: await current.tile(Number(match[1]), Number(match[2]), Number(match[3])) };
  });
}
