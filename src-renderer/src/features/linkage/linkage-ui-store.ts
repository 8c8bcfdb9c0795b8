import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ResponseLevel } from '@common/schemas/plan';

/**
 * The order-set editor's target: the incident, and the response level whose plan actions it
 * proposes (`fromPlans`), or an ad hoc set that starts empty. Transient UI state only.
 */
export type ComposeTarget = { incidentId: string; level: ResponseLevel | null; fromPlans: boolean };

export type LinkageUiState = { compose: ComposeTarget | null };

export const linkageUiStore = createStore<LinkageUiState>(() => ({ compose: null }));

export function useLinkageUi<T>(selector: (state: LinkageUiState) => T): T {
  return useStore(linkageUiStore, selector);
}

export const linkageUi = {
  /** the level was activated or raised: propose the applicable plans' actions for it */
  propose: (incidentId: string, level: ResponseLevel) =>
    linkageUiStore.setState({ compose: { incidentId, level, fromPlans: true } }),
  /** orders sent at any time from the workspace: an empty set, plan actions on request */
  adHoc: (incidentId: string, level: ResponseLevel | null) =>
    linkageUiStore.setState({ compose: { incidentId, level, fromPlans: false } }),
  close: () => linkageUiStore.setState({ compose: null }),
};
