import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { TownshipCode } from '@common/domain/county';
import type { RiskLevel, Sector } from '@common/schemas/enterprise';
import type { TeamStatus } from '@common/schemas/rescue-team';
import { THEMATIC_LAYERS } from './map-controller';
import type { FeatureRef, ThematicLayer } from './map-controller';
import type { HazardGradeKey } from './symbology';

/**
 * Transient UI state of the map's layers: what is shown, filtered and how enterprises are coloured.
 * Never replicated data, never the camera. An empty filter list means "all".
 */
export type MapFilters = {
  sectors: Array<Sector>;
  riskLevels: Array<RiskLevel>;
  townships: Array<TownshipCode>;
  hazardGrades: Array<HazardGradeKey>;
  teamStatuses: Array<TeamStatus>;
};

export type ColourMode = 'risk' | 'coverage';

export type MapLayersState = {
  visible: Record<ThematicLayer, boolean>;
  filters: MapFilters;
  colourMode: ColourMode;
  selected: FeatureRef | null;
};

export const NO_FILTERS: MapFilters = {
  sectors: [],
  riskLevels: [],
  townships: [],
  hazardGrades: [],
  teamStatuses: [],
};

const allVisible = Object.fromEntries(THEMATIC_LAYERS.map((l) => [l, true])) as Record<ThematicLayer, boolean>;

export const mapLayersStore = createStore<MapLayersState>(() => ({
  visible: allVisible,
  filters: NO_FILTERS,
  colourMode: 'risk',
  selected: null,
}));

export function useMapLayers<T>(selector: (state: MapLayersState) => T): T {
  return useStore(mapLayersStore, selector);
}

export const mapLayers = {
  setVisible: (layer: ThematicLayer, visible: boolean) =>
    mapLayersStore.setState((s) => ({ visible: { ...s.visible, [layer]: visible } })),
  setFilter: <K extends keyof MapFilters>(key: K, values: MapFilters[K]) =>
    mapLayersStore.setState((s) => ({ filters: { ...s.filters, [key]: values } })),
  clearFilters: () => mapLayersStore.setState({ filters: NO_FILTERS }),
  setColourMode: (colourMode: ColourMode) => mapLayersStore.setState({ colourMode }),
  setSelected: (selected: FeatureRef | null) => mapLayersStore.setState({ selected }),
  reset: () =>
    mapLayersStore.setState({ visible: allVisible, filters: NO_FILTERS, colourMode: 'risk', selected: null }),
};

export function activeFilterCount(filters: MapFilters): number {
  return Object.values(filters).filter((v: ReadonlyArray<unknown>) => v.length > 0).length;
}
