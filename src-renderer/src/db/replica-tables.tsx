import { createContext, useContext, useEffect } from 'react';
import type { Context, ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReplicaRowTypes } from '@common/projection/tables';
import { useDb } from './db-context';
import { useDeferredReadsReleased } from './deferred-reads';

/**
 * The base-data tables that the map, the panels and the forms all read whole. Each is read ONCE
 * per change with one live query and shared through its own context: reading 50,000
 * enterprises is the slowest step of opening the map, so it must not happen once per reader,
 * and a team moving must re-render only what shows teams.
 */
export const SHARED_TABLES = [
  'enterprises',
  'hazardSources',
  'rescueTeams',
  'plans',
  'departments',
  'shelters',
  'supplyDepots',
  'receptors',
] as const;
export type SharedTable = (typeof SHARED_TABLES)[number];

/** Read only after the map has drawn its data (deferred-reads.ts): undefined until then. */
const DEFERRED_TABLES: ReadonlySet<SharedTable> = new Set(['enterprises', 'plans']);

type Rows<T extends SharedTable> = ReadonlyArray<ReplicaRowTypes[T]> | undefined;

const CONTEXTS = Object.fromEntries(SHARED_TABLES.map((t) => [t, createContext<unknown>(undefined)])) as {
  [T in SharedTable]: Context<Rows<T>>;
};

function TableProvider<T extends SharedTable>({ table, children }: { table: T; children: ReactNode }) {
  const db = useDb();
  const released = useDeferredReadsReleased(DEFERRED_TABLES.has(table));
  const rows = useLiveQuery(
    (): Promise<unknown> => (released ? db.replicaTable(table).toArray() : Promise.resolve(undefined)),
    [db, table, released],
  ) as Rows<T>;
  const read = rows !== undefined;
  useEffect(() => {
    // for the map bench's breakdown of opening the map
    if (read) performance.mark(`wf:rows:${table}`);
  }, [read, table]);
  const Provider = CONTEXTS[table].Provider;
  return <Provider value={rows}>{children}</Provider>;
}

export function ReplicaTablesProvider({ children }: { children: ReactNode }) {
  return SHARED_TABLES.reduceRight<ReactNode>(
    (inner, table) => (
      <TableProvider key={table} table={table}>
        {inner}
      </TableProvider>
    ),
    children,
  );
}

/** All rows of a shared table; undefined until it has been read once. */
export function useReplicaRows<T extends SharedTable>(table: T): Rows<T> {
  return useContext(CONTEXTS[table]);
}
