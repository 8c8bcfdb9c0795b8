import { Dexie } from 'dexie';
import type { DexieOptions, Table } from 'dexie';
import type { CommandType } from '@common/protocol/commands';
import type { ErrorBody } from '@common/protocol/errors';
import type { ReplicaRowTypes, ReplicaTable } from '@common/projection/tables';
import { revisionKey, revisionsMiddleware } from './revisions';
import type { RevisionKey } from './revisions';

/** Rows of the `meta` table: replica bookkeeping, written with the events they describe. */
export type MetaRow =
  | { key: 'lastSeq'; value: number }
  | { key: 'lastEventAt'; value: string }
  /** how many writes changed that table (revisions.ts) */
  | { key: RevisionKey; value: number };

/** A command saved locally and not yet answered by the hub. `order` keeps the send order. */
export type OutboxRow = {
  order?: number;
  id: string;
  type: CommandType;
  payload: unknown;
  createdAt: string;
  /** how many times it went on the wire (a resend keeps the same id: the hub dedups) */
  attempts: number;
};

/** A command the hub refused: kept until the user has seen and dismissed it. */
export type FailedCommandRow = {
  id: string;
  type: CommandType;
  payload: unknown;
  createdAt: string;
  failedAt: string;
  error: ErrorBody;
};

type ReplicaTables = { [T in ReplicaTable]: Table<ReplicaRowTypes[T], string> };

/**
 * The renderer's replica of the hub's state. Versions are numbered and only ever appended:
 * never edit a released `version(n)`, add `version(n + 1)` with its upgrade.
 */
export class WatchfloorDb extends Dexie {
  declare incidents: ReplicaTables['incidents'];
  declare incidentNotes: ReplicaTables['incidentNotes'];
  declare enterprises: ReplicaTables['enterprises'];
  declare hazardSources: ReplicaTables['hazardSources'];
  declare rescueTeams: ReplicaTables['rescueTeams'];
  declare plans: ReplicaTables['plans'];
  declare departments: ReplicaTables['departments'];
  declare shelters: ReplicaTables['shelters'];
  declare supplyDepots: ReplicaTables['supplyDepots'];
  declare receptors: ReplicaTables['receptors'];
  declare linkageActions: ReplicaTables['linkageActions'];
  declare dutyLog: ReplicaTables['dutyLog'];
  declare meta: Table<MetaRow, MetaRow['key']>;
  declare outbox: Table<OutboxRow, number>;
  declare failedCommands: Table<FailedCommandRow, string>;

  constructor(name: string, options: Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'> = {}) {
    // NOTE: 'strict' makes Chromium flush each committed transaction to disk before reporting
    // success, so a command shown as "saved" (in the outbox) survives a crash right after.
    // NOTE: cache 'immutable': live-query results are frozen and shared instead of deep-cloned
    // for every reader — cloning 50,000 enterprises cost as much as reading them. Rows from a
    // live query must never be mutated (copy first: `{ ...row }`, `[...rows].sort()`).
    super(name, { ...options, chromeTransactionDurability: 'strict', cache: 'immutable' });
    this.version(1).stores({
      incidents: 'id, reportedAt, updatedAt, state, mode',
      incidentNotes: 'id, incidentId, [incidentId+seq]',
      enterprises: 'id, townshipCode, riskLevel',
      hazardSources: 'id, enterpriseId',
      rescueTeams: 'id, status',
      plans: 'id',
      departments: 'id',
      meta: 'key',
      outbox: '++order, &id, type',
      failedCommands: 'id, failedAt',
    });
    // v2: the places of the situation map. No upgrade step: a replica of v1 could not parse
    // their events (the schemas did not know them), so its lastSeq never passed one.
    this.version(2).stores({
      shelters: 'id, townshipCode',
      supplyDepots: 'id, townshipCode',
      receptors: 'id, kind, townshipCode',
    });
    // v3: linkage orders (联动指令). No upgrade step, for the same reason as v2.
    this.version(3).stores({
      linkageActions: 'id, incidentId, departmentId, state, sentAt',
    });
    // v4: the duty log (值班日志) and shift handovers. No upgrade step, for the same reason as v2.
    this.version(4).stores({
      dutyLog: 'id, kind, by.seq',
    });
    this.use(revisionsMiddleware);
  }

  /** The tables' change counters (revisions.ts), 0 for a table never written. */
  async revisions<T extends ReplicaTable>(tables: ReadonlyArray<T>): Promise<Record<T, number>> {
    const rows = await this.meta.bulkGet(tables.map(revisionKey));
    return Object.fromEntries(tables.map((t, i) => [t, numberOf(rows[i])])) as Record<T, number>;
  }

  replicaTable<T extends ReplicaTable>(table: T): Table<ReplicaRowTypes[T], string> {
    return this.table(table);
  }
}

const numberOf = (row: MetaRow | undefined): number => (typeof row?.value === 'number' ? row.value : 0);

/** One replica per hub and user: a liaison's replica must never show another user's rows. */
export function replicaName(hubUrl: string, username: string): string {
  return `watchfloor:${new URL(hubUrl).host}:${username}`;
}
