import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Map as MapLibreMap, VectorTileSource } from 'maplibre-gl';
import { useTranslation } from 'react-i18next';
import type { Incident } from '@common/schemas/incident';
import type { WatchfloorDb } from '../db/db';
import { useReplicaRows } from '../db/replica-tables';
import { useDb } from '../db/db-context';
import { useIncidentUi } from '../features/incidents/incident-ui-store';
import { hazardGradeKey } from './domain-rules';
import type { EnterpriseTiles } from './enterprise-tiles/enterprise-tiles';
import {
  DEPOT_FEATURES,
  HAZARD_FEATURES,
  incidentFeatures,
  pickFeatures,
  RECEPTOR_FEATURES,
  SHELTER_FEATURES,
  TEAM_FEATURES,
} from './geojson';
import type { FeatureAdapter, HazardRow, MapFeature } from './geojson';
import { KeyedSource } from './keyed-source';
import type { PushMode } from './keyed-source';
import { SOURCE_IDS } from './layer-ids';
import type { ThematicLayer } from './map-controller';
import { hazardPasses, receptorPasses } from './map-filters';
import { useMapLayers } from './map-layers-store';
import { NewestIncidentPulse } from './newest-incident-pulse';

const NONE: Array<never> = [];

declare global {
  interface Window {
    /** the replica, exposed for end-to-end tests and benches only when the page is opened with `?e2e=1` */
    __watchfloorReplica?: WatchfloorDb;
  }
}

/** The keyed sources of one map instance: fed by <MapData>, read by the controller (locate). */
export class MapSources {
  readonly hazardSources: KeyedSource<HazardRow>;
  readonly teams;
  readonly shelters;
  readonly supplyDepots;
  readonly receptors;
  readonly pick: KeyedSource<MapFeature>;
  private incidentSource: KeyedSource<Incident> | null = null;
  private incidentBadge = '';
  private readonly stopReloading: () => void;

  /**
   * @param enterprises the enterprise tiles' worker (the map's enterprise source asks it for tiles)
   * @param liveFlushMs how often live layers flush at most (see render-profile.ts)
   */
  constructor(
    private readonly map: MapLibreMap,
    readonly enterprises: EnterpriseTiles,
    readonly liveFlushMs: number,
  ) {
    // a new index (enterprises, plans or filters changed) means new tiles; tiles asked for before
    // the first index waited for it, so that one needs no reload
    let shown = enterprises.version;
    this.stopReloading = enterprises.subscribe(() => {
      if (enterprises.version === shown || (shown === 0 && enterprises.version === 1)) {
        shown = enterprises.version;
        return;
      }
      shown = enterprises.version;
      map.getSource<VectorTileSource>(SOURCE_IDS.enterprises)?.setTiles([enterprises.tileUrl()]);
    });
    this.hazardSources = new KeyedSource(map, SOURCE_IDS.hazardSources, HAZARD_FEATURES);
    this.teams = new KeyedSource(map, SOURCE_IDS.teams, TEAM_FEATURES);
    this.shelters = new KeyedSource(map, SOURCE_IDS.shelters, SHELTER_FEATURES);
    this.supplyDepots = new KeyedSource(map, SOURCE_IDS.supplyDepots, DEPOT_FEATURES);
    this.receptors = new KeyedSource(map, SOURCE_IDS.receptors, RECEPTOR_FEATURES);
    const identity: FeatureAdapter<MapFeature> = {
      id: (f) => f.id,
      version: (f) => String(f.geometry.coordinates),
      feature: (f) => f,
    };
    this.pick = new KeyedSource(map, SOURCE_IDS.pick, identity);
  }

  /** The incident adapter carries the drill badge in the UI language: a new badge re-keys the source. */
  incidents(drillBadge: string): KeyedSource<Incident> {
    if (!this.incidentSource || drillBadge !== this.incidentBadge) {
      this.incidentBadge = drillBadge;
      this.incidentSource = new KeyedSource(this.map, SOURCE_IDS.incidents, incidentFeatures(drillBadge));
    }
    return this.incidentSource;
  }

  /** What to add a source with: the rows pushed before the map had it (see KeyedSource). */
  initialData(sourceId: string) {
    const keyed = [
      this.hazardSources,
      this.teams,
      this.shelters,
      this.supplyDepots,
      this.receptors,
      this.pick,
      this.incidentSource,
    ].find((source) => source?.sourceId === sourceId);
    return keyed?.takeInitial();
  }

  dispose(): void {
    this.stopReloading();
    this.teams.dispose();
  }

  source(layer: ThematicLayer): { locate(id: string): { lng: number; lat: number } | null } | null {
    if (layer === 'incidents') return this.incidentSource;
    return this[layer];
  }
}

/**
 * How the live layers (teams, incidents) reach the map. `?e2e=1&push=replace` sends the whole
 * collection with setData on every change (the bench's baseline); `?e2e=1&push=uncoalesced` diffs
 * but sends every change at once (to show what coalescing adds).
 */
type LivePush = { mode: PushMode; coalesce: boolean };
function livePush(): LivePush {
  const params = new URLSearchParams(window.location.search);
  const push = params.get('e2e') === '1' ? params.get('push') : null;
  if (push === 'replace') return { mode: 'replace', coalesce: false };
  return { mode: 'incremental', coalesce: push !== 'uncoalesced' };
}

/** Pushes replica rows into the map's sources whenever Dexie (or a filter) changes: only what changed. */
export function MapData({ sources, onReady }: { sources: MapSources; onReady: () => void }) {
  const db = useDb();
  const { t } = useTranslation();
  const drillBadge = t('feed.drill');
  const filters = useMapLayers((s) => s.filters);
  const picked = useIncidentUi((s) => s.picked);
  const [live] = useState(livePush);
  useEffect(() => {
    // the map bench writes bulk data and live team positions through the app's own replica
    if (new URLSearchParams(window.location.search).get('e2e') !== '1') return;
    window.__watchfloorReplica = db;
    return () => {
      if (window.__watchfloorReplica === db) delete window.__watchfloorReplica;
    };
  }, [db]);

  // enterprises (and the plans their coverage needs) are read and clustered by the tiles' worker
  const tiles = sources.enterprises;
  const subscribeTiles = useCallback((listener: () => void) => tiles.subscribe(listener), [tiles]);
  const catalogRevision = useSyncExternalStore(subscribeTiles, () => tiles.catalogRevision);
  const hazards = useReplicaRows('hazardSources');
  const teams = useReplicaRows('rescueTeams');
  const incidents = useLiveQuery(() => db.incidents.orderBy('reportedAt').reverse().toArray(), [db]);
  const shelters = useReplicaRows('shelters');
  const depots = useReplicaRows('supplyDepots');
  const receptors = useReplicaRows('receptors');

  const hazardRows = useMemo(
    (): Array<HazardRow> | undefined => hazards?.map((hazard) => ({ hazard, grade: hazardGradeKey(hazard) })),
    [hazards],
  );
  // a hazard source's township is its enterprise's, from the catalog the tiles' worker sends: only
  // a township filter waits for it or follows a new one (the map opens without waiting on it)
  const townshipRevision = filters.townships.length > 0 ? catalogRevision : -1;
  const shownHazards = useMemo((): Array<HazardRow> | undefined => {
    if (!hazardRows || townshipRevision === 0) return undefined;
    return hazardRows.filter((row) => hazardPasses(filters, row, (id) => tiles.townshipOf(id)));
  }, [hazardRows, filters, tiles, townshipRevision]);

  useEffect(() => {
    tiles.setFilters(filters);
  }, [tiles, filters]);
  // NOTE: nothing is pushed until every layer's rows are there, then all in one task: on software
  // GL every repaint blocks this thread for 150–350 ms, and layers arriving one by one kept the
  // map repainting for seconds before it showed everything.
  // (the enterprises are not pushed: MapLibre asks their worker for tiles, which wait for its index)
  const loaded = [shownHazards, teams, incidents, shelters, depots, receptors].every((rows) => rows !== undefined);
  useEffect(() => {
    if (loaded && receptors) sources.receptors.push(receptors.filter((r) => receptorPasses(filters, r)));
  }, [sources, loaded, receptors, filters]);
  useEffect(() => {
    if (loaded && shownHazards) sources.hazardSources.push(shownHazards);
  }, [sources, loaded, shownHazards]);
  // the other layers are filtered by layer filters (map-view), so their data is pushed whole
  useEffect(() => {
    if (loaded && shelters) sources.shelters.push(shelters);
  }, [sources, loaded, shelters]);
  useEffect(() => {
    if (loaded && depots) sources.supplyDepots.push(depots);
  }, [sources, loaded, depots]);
  useEffect(() => {
    if (!loaded || !teams) return;
    if (live.coalesce) sources.teams.pushCoalesced(teams, live.mode, sources.liveFlushMs);
    else sources.teams.push(teams, live.mode);
  }, [sources, loaded, teams, live]);
  useEffect(() => {
    // incidents are few and each one matters at once: never delayed
    if (loaded && incidents) sources.incidents(drillBadge).push(incidents, live.mode);
  }, [sources, loaded, incidents, drillBadge, live]);
  useEffect(() => () => sources.dispose(), [sources]);
  useEffect(() => {
    sources.pick.push(pickFeatures(picked));
  }, [sources, picked]);

  useEffect(() => {
    // once per map: a new basemap makes a new map (and new sources) under this same component
    if (loaded) onReady();
  }, [loaded, onReady, sources]);

  return <NewestIncidentPulse incidents={incidents ?? NONE} />;
}
