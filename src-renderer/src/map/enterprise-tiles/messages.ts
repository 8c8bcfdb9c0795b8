import type { MapFilters } from '../map-layers-store';
import type { EnterpriseCatalog } from './enterprise-index';

/**
 * The enterprise-tiles worker's messages. Both ends are this renderer's own code from one build,
 * so the shapes are checked by the compiler; nothing from outside crosses here (the rows the worker
 * reads were validated by the sync engine before they were written to the replica).
 */
export type ToWorker =
  | { type: 'open'; dbName: string; filters: MapFilters }
  /** the map is up: check the cached projection against the replica, and follow the replica's changes */
  | { type: 'watch-replica' }
  | { type: 'filters'; filters: MapFilters }
  | { type: 'tile'; request: number; z: number; x: number; y: number }
  | { type: 'expansion-zoom'; request: number; clusterId: number };

export type FromWorker =
  /** where every enterprise is, sent as soon as the enterprises are read (or change): before they are clustered */
  | { type: 'catalog'; catalog: EnterpriseCatalog }
  /** a new index is in use */
  | { type: 'built'; version: number; size: number; timing: BuildTiming }
  | { type: 'tile'; request: number; data: ArrayBuffer }
  | { type: 'expansion-zoom'; request: number; zoom: number | null }
  /** the cached projection was checked against the replica's revisions: current, or the tables are read */
  | { type: 'cache-checked'; current: boolean }
  | { type: 'failed'; message: string };

/** When the worker read and clustered (epoch ms: the page puts them on its own timeline). */
export type BuildTiming = { opened: number; projectionRead: number; fromCache: boolean; built: number };
