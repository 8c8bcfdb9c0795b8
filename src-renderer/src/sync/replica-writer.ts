import type { Table } from 'dexie';
import { eventReads, projectEvent } from '@common/projection/project';
import type { RowLookup } from '@common/projection/project';
import { REPLICA_TABLES } from '@common/projection/tables';
import type { ReplicaRow, ReplicaRowTypes, ReplicaTable } from '@common/projection/tables';
import type { HubEvent } from '@common/protocol/events';
import type { WatchfloorDb } from '../db/db';

const key = (table: ReplicaTable, id: string): string => `${table}\u0000${id}`;

export async function readLastSeq(db: WatchfloorDb): Promise<number> {
  const row = await db.meta.get('lastSeq');
  return row?.key === 'lastSeq' ? row.value : 0;
}

/** Hub time of the newest event applied to this replica. */
export async function readLastEventAt(db: WatchfloorDb): Promise<string | null> {
  const row = await db.meta.get('lastEventAt');
  return row?.key === 'lastEventAt' ? row.value : null;
}

/**
 * Applies events (sorted by seq) in ONE transaction with the shared projection, and advances
 * lastSeq in the same transaction: either the whole batch and its lastSeq are on disk, or none
 * of it. Events at or below lastSeq are skipped.
 *
 * Live events must be contiguous from lastSeq + 1: the batch stops at the first gap. A `sync`
 * page is different: the hub filters it by what this user may see, so it is authoritative for
 * the range it covers — pass `coveredUntil` and seqs missing inside it are taken as not meant
 * for this client, and lastSeq moves to `coveredUntil`. Returns the new lastSeq.
 */
export async function applyEventBatch(
  db: WatchfloorDb,
  events: ReadonlyArray<HubEvent>,
  options: { coveredUntil?: number } = {},
): Promise<number> {
  const { coveredUntil } = options;
  const tables = [...REPLICA_TABLES.map((t) => db.table(t)), db.meta];
  return db.transaction('rw', tables, async () => {
    const start = await readLastSeq(db);
    const toApply: Array<HubEvent> = [];
    let seq = start;
    for (const event of events) {
      if (event.seq <= seq) continue;
      if (event.seq !== seq + 1 && coveredUntil === undefined) break;
      toApply.push(event);
      seq = event.seq;
    }
    if (coveredUntil !== undefined && coveredUntil > seq) seq = coveredUntil;
    if (seq === start) return start;

    // Read every row the batch needs in one bulkGet per table, then project in memory.
    const rows = new Map<string, ReplicaRow | null>();
    const wanted = new Map<ReplicaTable, Set<string>>();
    for (const event of toApply) {
      for (const read of eventReads(event)) {
        const ids = wanted.get(read.table) ?? new Set<string>();
        ids.add(read.id);
        wanted.set(read.table, ids);
      }
    }
    for (const [table, idSet] of wanted) {
      const ids = [...idSet];
      const found = await (db.table(table) as Table<ReplicaRow, string>).bulkGet(ids);
      ids.forEach((id, i) => rows.set(key(table, id), found[i] ?? null));
    }

    const lookup: RowLookup = <T extends ReplicaTable>(table: T, id: string) =>
      (rows.get(key(table, id)) ?? undefined) as ReplicaRowTypes[T] | undefined;
    const dirty = new Map<string, { table: ReplicaTable; id: string }>();
    for (const event of toApply) {
      for (const change of projectEvent(event, lookup)) {
        const k = key(change.table, change.id);
        rows.set(k, change.value);
        dirty.set(k, { table: change.table, id: change.id });
      }
    }

    const puts = new Map<ReplicaTable, Array<ReplicaRow>>();
    const deletes = new Map<ReplicaTable, Array<string>>();
    for (const [k, { table, id }] of dirty) {
      const value = rows.get(k);
      if (value) {
        const list = puts.get(table) ?? [];
        list.push(value);
        puts.set(table, list);
      } else {
        const list = deletes.get(table) ?? [];
        list.push(id);
        deletes.set(table, list);
      }
    }
    for (const [table, values] of puts) await (db.table(table) as Table<ReplicaRow, string>).bulkPut(values);
    for (const [table, ids] of deletes) await db.table(table).bulkDelete(ids);
    await db.meta.put({ key: 'lastSeq', value: seq });
    const newest = toApply.at(-1);
    if (newest) await db.meta.put({ key: 'lastEventAt', value: newest.at });
    return seq;
  });
}
