import { createStore, useStore } from 'zustand';

export type DutyTab = 'log' | 'shift' | 'handover';

type DutyUiState = { open: boolean; tab: DutyTab; reviewing: string | null };

/** Transient UI state of the duty log: the drawer, its tab, the handover being acknowledged. */
export const dutyUiStore = createStore<DutyUiState>(() => ({ open: false, tab: 'log', reviewing: null }));

export const dutyUi = {
  open: (tab: DutyTab = 'log') => dutyUiStore.setState({ open: true, tab }),
  close: () => dutyUiStore.setState({ open: false }),
  tab: (tab: DutyTab) => dutyUiStore.setState({ tab }),
  review: (handoverId: string | null) => dutyUiStore.setState({ reviewing: handoverId }),
  reset: () => dutyUiStore.setState({ open: false, tab: 'log', reviewing: null }),
};

export function useDutyUi<T>(selector: (s: DutyUiState) => T): T {
  return useStore(dutyUiStore, selector);
}
