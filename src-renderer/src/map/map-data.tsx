import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useTranslation } from 'react-i18next';
import type { Incident } from '@common/schemas/incident';
import type { WatchfloorDb } from '../db/db';
import { useReplicaRows } from '../db/replica-tables';
import { useDb } from '../db/db-context';
import { useIncidentUi } from '../features/incidents/incident-ui-store';
import { coverageStates, hazardGradeKey } from './domain-rules';
import {
  DEPOT_FEATURES,
  ENTERPRISE_FEATURES,
  HAZARD_FEATURES,
  incidentFeatures,
  pickFeatures,
  RECEPTOR_FEATURES,
  SHELTER_FEATURES,
  TEAM_FEATURES,
} from './geojson';
import type { EnterpriseRow, FeatureAdapter, HazardRow, MapFeature } from './geojson';
import { KeyedSource } from './keyed-source';
import type { PushMode } from './keyed-source';
import { SOURCE_IDS } from './layer-ids';
import type { ThematicLayer } from './map-controller';
import { enterprisePasses, hazardPasses, receptorPasses } from './map-filters';
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
  readonly enterprises: KeyedSource<EnterpriseRow>;
  readonly hazardSources: KeyedSource<HazardRow>;
  readonly teams;
  readonly shelters;
  readonly supplyDepots;
  readonly receptors;
  readonly pick: KeyedSource<MapFeature>;
  private incidentSource: KeyedSource<Incident> | null = null;
  private incidentBadge = '';

  /** @param liveFlushMs how often live layers flush at most (see render-profile.ts) */
  constructor(
    private readonly map: MapLibreMap,
    readonly liveFlushMs: number,
  ) {
    this.enterprises = new KeyedSource(map, SOURCE_IDS.enterprises, ENTERPRISE_FEATURES);
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

  const enterprises = useReplicaRows('enterprises');
  const hazards = useReplicaRows('hazardSources');
  const plans = useReplicaRows('plans');
  const teams = useReplicaRows('rescueTeams');
  const incidents = useLiveQuery(() => db.incidents.orderBy('reportedAt').reverse().toArray(), [db]);
  const shelters = useReplicaRows('shelters');
  const depots = useReplicaRows('supplyDepots');
  const receptors = useReplicaRows('receptors');

  const enterpriseRows = useMemo((): Array<EnterpriseRow> | undefined => {
    if (!enterprises || !plans) return undefined;
    const states = coverageStates(enterprises, plans, new Date());
    return enterprises.map((enterprise, i) => ({ enterprise, coverage: states[i] ?? 'none' }));
  }, [enterprises, plans]);

  const hazardRows = useMemo((): Array<HazardRow> | undefined => {
    if (!hazards || !enterprises) return undefined;
    const township = new Map(enterprises.map((e) => [e.id, e.townshipCode as string]));
    return hazards.map((hazard) => ({
      hazard,
      grade: hazardGradeKey(hazard),
      township: township.get(hazard.enterpriseId) ?? '',
    }));
  }, [hazards, enterprises]);

  useEffect(() => {
    if (enterpriseRows) sources.enterprises.push(enterpriseRows.filter((r) => enterprisePasses(filters, r)));
  }, [sources, enterpriseRows, filters]);
  useEffect(() => {
    if (receptors) sources.receptors.push(receptors.filter((r) => receptorPasses(filters, r)));
  }, [sources, receptors, filters]);
  useEffect(() => {
    if (hazardRows) sources.hazardSources.push(hazardRows.filter((r) => hazardPasses(filters, r)));
  }, [sources, hazardRows, filters]);
  // the other layers are filtered by layer filters (map-view), so their data is pushed whole
  useEffect(() => {
    if (shelters) sources.shelters.push(shelters);
  }, [sources, shelters]);
  useEffect(() => {
    if (depots) sources.supplyDepots.push(depots);
  }, [sources, depots]);
  useEffect(() => {
    if (!teams) return;
    if (live.coalesce) sources.teams.pushCoalesced(teams, live.mode, sources.liveFlushMs);
    else sources.teams.push(teams, live.mode);
  }, [sources, teams, live]);
  useEffect(() => {
    // incidents are few and each one matters at once: never delayed
    if (incidents) sources.incidents(drillBadge).push(incidents, live.mode);
  }, [sources, incidents, drillBadge, live]);
  useEffect(() => () => sources.teams.dispose(), [sources]);
  useEffect(() => {
    sources.pick.push(pickFeatures(picked));
  }, [sources, picked]);

  const loaded = [enterpriseRows, hazardRows, teams, incidents, shelters, depots, receptors].every(
    (rows) => rows !== undefined,
  );
  useEffect(() => {
    if (loaded) onReady();
  }, [loaded, onReady]);

  return <NewestIncidentPulse incidents={incidents ?? NONE} />;
}
