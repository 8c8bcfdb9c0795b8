import { createStore } from 'zustand/vanilla';

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'offline';

export type ConnectionState = {
  status: ConnectionStatus;
  /** commands saved locally and not yet answered */
  outboxCount: number;
  /** commands the hub refused that the user has not dismissed */
  failedCount: number;
  lastSeq: number;
  /** hub time (`at`) of the newest event in the replica, null before the first */
  lastEventAt: string | null;
  /** when this client last received a pushed event (its own clock), null before the first */
  lastReceivedAt: string | null;
  /** catching up after (re)connect: how far, for progress display */
  catchUp: { fromSeq: number; toSeq: number; headSeq: number } | null;
  /** last sync problem worth showing (bad event, page refused) */
  lastError: string | null;
};

export const INITIAL_CONNECTION_STATE: ConnectionState = {
  status: 'connecting',
  outboxCount: 0,
  failedCount: 0,
  lastSeq: 0,
  lastEventAt: null,
  lastReceivedAt: null,
  catchUp: null,
  lastError: null,
};

export type ConnectionStore = ReturnType<typeof createConnectionStore>;

/** Lives outside React; components read it through selector hooks (useConnection). */
export function createConnectionStore() {
  return createStore<ConnectionState>(() => ({ ...INITIAL_CONNECTION_STATE }));
}

/** The app's one connection store. */
export const connectionStore = createConnectionStore();
