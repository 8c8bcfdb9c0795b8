import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { LngLat } from '@common/schemas/common';
import type { TeamType } from '@common/schemas/rescue-team';
import { incidentUi, incidentUiStore } from '../incidents/incident-ui-store';

/** The base-data kinds a panel can show; the names are the replica tables'. */
export const PLACE_KINDS = [
  'enterprises',
  'hazardSources',
  'rescueTeams',
  'receptors',
  'shelters',
  'supplyDepots',
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
export type DetailKind = PlaceKind | 'plans';
export type DetailRef = { kind: DetailKind; id: string };
export type PlaceRef = { kind: PlaceKind; id: string };

export const isPlaceRef = (ref: DetailRef | null): ref is PlaceRef => ref !== null && ref.kind !== 'plans';

export type SideTab = 'inbox' | 'feed' | 'plans' | 'spatial';
export type SpatialTool = 'radius' | 'nearest' | 'measure';
export const RADIUS_CHOICES_KM = [1, 3, 5, 10] as const;
export type RadiusKm = (typeof RADIUS_CHOICES_KM)[number];

/** Where a spatial query is centred: a clicked point, or the place whose detail is open. */
export type QueryCenter = { lngLat: LngLat; from: DetailRef | null };

/**
 * Transient UI state of the panels (never replicated data: a detail holds only a kind and an id,
 * and reads the row from Dexie).
 */
export type PanelState = {
  detail: DetailRef | null;
  /** earlier details, so "back" returns from a plan to its enterprise */
  history: Array<DetailRef>;
  sideTab: SideTab;
  tool: SpatialTool;
  /** the map's next click sets the query centre */
  picking: boolean;
  center: QueryCenter | null;
  radiusKm: RadiusKm;
  teamType: TeamType;
  measuring: boolean;
  measurePoints: Array<LngLat>;
};

export const panelStore = createStore<PanelState>(() => ({
  detail: null,
  history: [],
  sideTab: 'feed',
  tool: 'radius',
  picking: false,
  center: null,
  radiusKm: 3,
  teamType: 'fire_station',
  measuring: false,
  measurePoints: [],
}));

export function usePanels<T>(selector: (state: PanelState) => T): T {
  return useStore(panelStore, selector);
}

const sameRef = (a: DetailRef | null, b: DetailRef | null) => a?.kind === b?.kind && a?.id === b?.id;

export const panels = {
  /** Opens a detail in the one panel area; an incident card there closes. */
  open: (ref: DetailRef) => {
    const { detail, history } = panelStore.getState();
    if (sameRef(detail, ref)) return;
    if (incidentUiStore.getState().selectedId) incidentUi.select(null);
    panelStore.setState({ detail: ref, history: detail ? [...history, detail].slice(-20) : history });
  },
  back: () => {
    const { history } = panelStore.getState();
    panelStore.setState({ detail: history.at(-1) ?? null, history: history.slice(0, -1) });
  },
  close: () => panelStore.setState({ detail: null, history: [] }),
  showTab: (sideTab: SideTab) => panelStore.setState({ sideTab }),
  setTool: (tool: SpatialTool) =>
    panelStore.setState((s) => ({
      tool,
      sideTab: 'spatial',
      picking: false,
      measuring: tool === 'measure' ? s.measuring : false,
    })),
  startPicking: () => panelStore.setState({ picking: true, measuring: false }),
  cancelPicking: () => panelStore.setState({ picking: false }),
  setCenter: (center: QueryCenter | null) => panelStore.setState({ center, picking: false }),
  setRadius: (radiusKm: RadiusKm) => panelStore.setState({ radiusKm }),
  setTeamType: (teamType: TeamType) => panelStore.setState({ teamType }),
  /** Runs a spatial tool around a place (from its detail panel). */
  around: (tool: SpatialTool, ref: DetailRef, lngLat: LngLat) =>
    panelStore.setState({ tool, sideTab: 'spatial', picking: false, measuring: false, center: { lngLat, from: ref } }),
  startMeasure: () =>
    panelStore.setState({ tool: 'measure', sideTab: 'spatial', measuring: true, measurePoints: [], picking: false }),
  addMeasurePoint: (p: LngLat) => panelStore.setState((s) => ({ measurePoints: [...s.measurePoints, p] })),
  undoMeasurePoint: () => panelStore.setState((s) => ({ measurePoints: s.measurePoints.slice(0, -1) })),
  /** Esc: stop adding points; the line and its figures stay until cleared. */
  endMeasure: () => panelStore.setState({ measuring: false }),
  clearMeasure: () => panelStore.setState({ measuring: false, measurePoints: [] }),
  reset: () =>
    panelStore.setState({
      detail: null,
      history: [],
      sideTab: 'feed',
      picking: false,
      center: null,
      measuring: false,
      measurePoints: [],
    }),
};

// NOTE: one panel area: selecting an incident (feed, map) closes an open place detail.
incidentUiStore.subscribe((state, prev) => {
  if (state.selectedId && state.selectedId !== prev.selectedId && panelStore.getState().detail) {
    panelStore.setState({ detail: null, history: [] });
  }
});
