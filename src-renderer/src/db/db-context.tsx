import { createContext, useContext } from 'react';
import type { WatchfloorDb } from './db';

export const DbContext = createContext<WatchfloorDb | null>(null);

/** The signed-in user's replica (provided by the main screen). */
export function useDb(): WatchfloorDb {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb outside the main screen');
  return db;
}
