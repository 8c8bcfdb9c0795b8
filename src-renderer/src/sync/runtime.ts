import type { FailedCommandRow } from '../db/db';
import { openAppDb } from '../db/instance';
import { logger } from '../logger';
import { connectionStore, INITIAL_CONNECTION_STATE } from './connection-store';
import type { Session } from './session';
import { createSocketTransport } from './socket-transport';
import { SyncEngine } from './sync-engine';

/** The running app's one engine (one socket, one replica), started after login. */
let engine: SyncEngine | null = null;
let detachNetworkListeners: (() => void) | null = null;

export function currentEngine(): SyncEngine {
  if (!engine) throw new Error('sync is started at login');
  return engine;
}

export async function startSync(
  session: Session,
  callbacks: { onCommandFailed: (failure: FailedCommandRow) => void; onSessionEnded: (message: string) => void },
): Promise<SyncEngine> {
  stopSync();
  connectionStore.setState({ ...INITIAL_CONNECTION_STATE });
  const db = openAppDb(session.hubUrl, session.user.username);
  const transport = createSocketTransport({
    hubUrl: session.hubUrl,
    auth: { token: session.token, workstation: session.workstation },
  });
  const next = new SyncEngine({ db, transport, store: connectionStore, logger, ...callbacks });
  engine = next;
  // The browser knows first when the network goes: say offline at once, reconnect when it is back.
  const onOffline = () => next.pause();
  const onOnline = () => next.resume();
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);
  detachNetworkListeners = () => {
    window.removeEventListener('offline', onOffline);
    window.removeEventListener('online', onOnline);
  };
  await next.start();
  if (!navigator.onLine) next.pause();
  return next;
}

export function stopSync(): void {
  detachNetworkListeners?.();
  detachNetworkListeners = null;
  engine?.stop();
  engine = null;
}
