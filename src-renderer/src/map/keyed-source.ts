import type { GeoJSONSource, GeoJSONSourceDiff, Map as MapLibreMap } from 'maplibre-gl';
import type { LngLat } from '@common/schemas/common';
import { diffKeyed, diffSize, isEmptyDiff } from './feature-diff';
import type { KeyedDiff } from './feature-diff';
import type { FeatureAdapter, MapFeature } from './geojson';

/**
 * `incremental`: changed features go out with `updateData` (only they cross to the worker);
 * `replace`: the whole collection with `setData` each time (the bench's baseline).
 */
export type PushMode = 'incremental' | 'replace';

/**
 * Live layers flush at most this often: positions arriving faster (500 teams/s) are coalesced, so
 * the worker re-tiles the source a few times a second instead of once per Dexie write.
 */
export const LIVE_FLUSH_MS = 250;

/** Above this share of changed features a full `setData` is cheaper than a diff. */
const REPLACE_RATIO = 0.5;

/**
 * One map source kept in step with replica rows, keyed by id. Remembers each feature's version,
 * diffs every push against it, and sends only what changed.
 */
export class KeyedSource<Row> {
  private readonly versions = new Map<string, string>();
  private readonly features = new Map<string, MapFeature>();
  private pushed = false;
  private pending: { rows: ReadonlyArray<Row>; mode: PushMode } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** when the last coalesced flush went (never: the first one goes at once) */
  private lastFlush = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly map: MapLibreMap,
    readonly sourceId: string,
    private readonly adapter: FeatureAdapter<Row>,
  ) {}

  /** Pushes the rows now to be shown; returns what changed (empty when nothing did). */
  push(rows: ReadonlyArray<Row>, mode: PushMode = 'incremental'): KeyedDiff {
    const source = this.map.getSource<GeoJSONSource>(this.sourceId);
    const { adapter } = this;
    const byId = new Map<string, Row>();
    const versioned = rows.map((row) => {
      const id = adapter.id(row);
      if (!byId.has(id)) byId.set(id, row);
      return { id, version: adapter.version(row) };
    });
    const diff = diffKeyed(this.versions, versioned);
    if (this.pushed && isEmptyDiff(diff) && mode === 'incremental') return diff;

    for (const id of diff.removed) {
      this.versions.delete(id);
      this.features.delete(id);
    }
    const changed: Array<MapFeature> = [];
    for (const id of [...diff.added, ...diff.updated]) {
      const row = byId.get(id);
      if (row === undefined) continue;
      const feature = adapter.feature(row);
      this.versions.set(id, adapter.version(row));
      this.features.set(id, feature);
      changed.push(feature);
    }

    // before the map has the source (the map view adds it once every layer's rows are read): kept,
    // and added with it (`takeInitial`)
    if (!source) return diff;

    const full = mode === 'replace' || !this.pushed || diffSize(diff) > this.features.size * REPLACE_RATIO;
    if (!this.pushed) performance.mark(`wf:push:${this.sourceId}`);
    this.pushed = true;
    if (full) {
      void source.setData({ type: 'FeatureCollection', features: [...this.features.values()] });
    } else {
      const added = new Set(diff.added);
      const update: NonNullable<GeoJSONSourceDiff['update']> = [];
      const add: Array<MapFeature> = [];
      for (const f of changed) {
        if (added.has(f.id)) add.push(f);
        else
          update.push({
            id: f.id,
            newGeometry: f.geometry,
            addOrUpdateProperties: Object.entries(f.properties).map(([key, value]) => ({ key, value })),
          });
      }
      void source.updateData({ remove: diff.removed, add, update });
    }
    return diff;
  }

  /**
   * The rows pushed before the map had this source, as the data to add it with (once); undefined
   * when none were. Adding a source with its data takes one trip to the map's worker, not two.
   */
  takeInitial(): { type: 'FeatureCollection'; features: Array<MapFeature> } | undefined {
    if (this.pushed || this.versions.size === 0) return undefined;
    performance.mark(`wf:push:${this.sourceId}`);
    this.pushed = true;
    return { type: 'FeatureCollection', features: [...this.features.values()] };
  }

  /** Like `push`, but at most once per `intervalMs`: the latest rows win. */
  pushCoalesced(rows: ReadonlyArray<Row>, mode: PushMode = 'incremental', intervalMs = LIVE_FLUSH_MS): void {
    if (!this.pushed) {
      // the first rows go at once, in the caller's task (with the other layers' first rows)
      this.lastFlush = performance.now();
      this.push(rows, mode);
      return;
    }
    this.pending = { rows, mode };
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastFlush + intervalMs - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      const next = this.pending;
      this.pending = null;
      this.lastFlush = performance.now();
      if (next) this.push(next.rows, next.mode);
    }, wait);
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }

  locate(id: string): LngLat | null {
    const f = this.features.get(id);
    if (!f) return null;
    const [lng, lat] = f.geometry.coordinates;
    return lng === undefined || lat === undefined ? null : { lng, lat };
  }

  get size(): number {
    return this.features.size;
  }
}
