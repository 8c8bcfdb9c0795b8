import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { REPLICA_TABLES } from '@common/projection/tables';
import type { ReplicaTable } from '@common/projection/tables';

/**
 * A change counter per replica table, kept in `meta` and bumped in the same transaction as every
 * write to that table, whoever makes it (the sync engine, a test, a later feature).
 *
 * WHY: something derived from a big table and kept between sessions (the map's projection of
 * 50,000 enterprises, projection-cache.ts) is tagged with the revisions it was derived from. The
 * next session checks two small rows instead of reading the tables again, and a live query on
 * them wakes only when those tables change.
 */

export type RevisionKey = `revision:${ReplicaTable}`;
export const revisionKey = (table: ReplicaTable): RevisionKey => `revision:${table}`;

const META = 'meta';
const counted: ReadonlySet<string> = new Set(REPLICA_TABLES);

/** Dexie middleware: every read-write transaction over a replica table also covers `meta`. */
export const revisionsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ReplicaRevisions',
  create: (down: DBCore): Partial<DBCore> => ({
    transaction(stores, mode, options) {
      const widen = mode === 'readwrite' && !stores.includes(META) && stores.some((s) => counted.has(s));
      return down.transaction(widen ? [...stores, META] : stores, mode, options);
    },
    table(name: string): DBCoreTable {
      const table = down.table(name);
      if (!counted.has(name)) return table;
      return {
        ...table,
        async mutate(req: DBCoreMutateRequest) {
          const result = await table.mutate(req);
          await bump(down.table(META), req.trans, revisionKey(name as ReplicaTable));
          return result;
        },
      };
    },
  }),
};

async function bump(meta: DBCoreTable, trans: DBCoreTransaction, key: RevisionKey): Promise<void> {
  const row = (await meta.get({ trans, key })) as { value?: unknown } | undefined;
  const value = typeof row?.value === 'number' ? row.value + 1 : 1;
  await meta.mutate({ type: 'put', trans, values: [{ key, value }] });
}
