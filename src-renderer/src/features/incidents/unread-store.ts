import { useEffect } from 'react';
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { logger } from '../../logger';
import { isUnread, markRead, parseReadState } from './unread-logic';
import type { ReadState } from './unread-logic';

/** localStorage key per replica (hub + user, the Dexie database's name): per user, per workstation. */
const keyOf = (dbName: string) => `watchfloor.read.v1:${dbName}`;

type UnreadState = { key: string | null; state: ReadState | null };

const unreadStore = createStore<UnreadState>(() => ({ key: null, state: null }));

function save(key: string, state: ReadState): void {
  try {
    localStorage.setItem(key, JSON.stringify(state));
  } catch (error) {
    logger.warn('could not save read marks', error);
  }
}

export const unread = {
  /** Loads this user's marks; with none yet, starts them at `floor` once the replica has caught up. */
  load(dbName: string, floor: number | null): void {
    const key = keyOf(dbName);
    const current = unreadStore.getState();
    if (current.key === key && current.state) return;
    const stored = parseReadState(localStorage.getItem(key));
    if (stored) {
      unreadStore.setState({ key, state: stored });
      return;
    }
    if (floor === null) {
      unreadStore.setState({ key, state: null });
      return;
    }
    const fresh: ReadState = { floor, read: {} };
    save(key, fresh);
    unreadStore.setState({ key, state: fresh });
  },
  markRead(incidentId: string, lastSeq: number): void {
    const { key, state } = unreadStore.getState();
    if (!key || !state) return;
    const next = markRead(state, incidentId, lastSeq);
    if (next === state) return;
    save(key, next);
    unreadStore.setState({ state: next });
  },
};

/** Whether the incident changed since this user last opened it (false before the marks are loaded). */
export function useIsUnread(): (incident: { id: string; lastSeq: number }) => boolean {
  const state = useStore(unreadStore, (s) => s.state);
  return (incident) => isUnread(state, incident);
}

/** Marks the open incident read, now and whenever it changes while it stays open. */
export function useMarkRead(incident: { id: string; lastSeq: number } | undefined): void {
  const id = incident?.id;
  const lastSeq = incident?.lastSeq;
  const loaded = useStore(unreadStore, (s) => s.state !== null);
  useEffect(() => {
    if (id !== undefined && lastSeq !== undefined && loaded) unread.markRead(id, lastSeq);
  }, [id, lastSeq, loaded]);
}
