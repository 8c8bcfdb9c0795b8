import { WatchfloorDb, replicaName } from './db';

/** The one Dexie instance of the running app (opened after login, for that hub and user). */
let current: WatchfloorDb | null = null;

export function openAppDb(hubUrl: string, username: string): WatchfloorDb {
  const name = replicaName(hubUrl, username);
  if (current && current.name === name) return current;
  current?.close();
  current = new WatchfloorDb(name);
  return current;
}

export function appDb(): WatchfloorDb {
  if (!current) throw new Error('the replica is opened at login');
  return current;
}
