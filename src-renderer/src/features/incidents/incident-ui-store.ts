import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { LngLat } from '@common/schemas/common';
import { NO_FILTER } from './workspace-logic';
import type { IncidentFilter } from './workspace-logic';

/** Transient UI state of the incident features (never replicated data). */
export type IncidentUiState = {
  selectedId: string | null;
  reportOpen: boolean;
  /** the map's next click sets `picked` */
  picking: boolean;
  picked: LngLat | null;
  /** the feed's filter */
  filter: IncidentFilter;
};

export const incidentUiStore = createStore<IncidentUiState>(() => ({
  selectedId: null,
  reportOpen: false,
  picking: false,
  picked: null,
  filter: NO_FILTER,
}));

export function useIncidentUi<T>(selector: (state: IncidentUiState) => T): T {
  return useStore(incidentUiStore, selector);
}

export const incidentUi = {
  select: (selectedId: string | null) => incidentUiStore.setState({ selectedId }),
  openReport: () => incidentUiStore.setState({ reportOpen: true, picked: null, picking: false }),
  closeReport: () => incidentUiStore.setState({ reportOpen: false, picking: false, picked: null }),
  startPicking: () => incidentUiStore.setState({ picking: true }),
  setPicked: (picked: LngLat | null) => incidentUiStore.setState({ picked, picking: false }),
  setFilter: (patch: Partial<IncidentFilter>) =>
    incidentUiStore.setState((s) => ({ filter: { ...s.filter, ...patch } })),
};
