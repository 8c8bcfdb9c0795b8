import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { eventReads, projectEvent } from '@common/projection/project';
import { REPLICA_TABLES } from '@common/projection/tables';
import type { ReplicaRow, ReplicaRowTypes, ReplicaRows, ReplicaTable, RowChange } from '@common/projection/tables';
import type { CommandAck } from '@common/protocol/ack';
import type { HubEvent, NewEvent } from '@common/protocol/events';
import type { Role } from '@common/schemas/user';
import { GENESIS_HASH, canonicalJson, chainHash } from './canonical-json';
import { eventToColumns, hashedEventView, rowToEvent, withSeq } from './event-rows';
import type { EventRow } from './event-rows';
import { MIGRATIONS } from './migrations/index';
import type { BatchTx, HubStore, SessionRecord, StoredCommand, UserRecord } from './types';
import { verifyChain } from './verify';

export const DB_FILE = 'watchfloor.db';

/** SQL table per replicated table (names are constants, never built from input). */
const PROJECTION_TABLES: Record<ReplicaTable, string> = {
  incidents: 'p_incidents',
  incidentNotes: 'p_incident_notes',
  enterprises: 'p_enterprises',
  hazardSources: 'p_hazard_sources',
  rescueTeams: 'p_rescue_teams',
  plans: 'p_plans',
  departments: 'p_departments',
  shelters: 'p_shelters',
  supplyDepots: 'p_supply_depots',
  receptors: 'p_receptors',
  linkageActions: 'p_linkage_actions',
  dutyLog: 'p_duty_log',
};

type UserRow = {
  id: string;
  username: string;
  display_name: string;
  role: string;
  department_id: string | null;
  password_hash: string | null;
  salt: string | null;
  params: string | null;
  disabled: number;
};
type SessionRow = {
  id: string;
  token_hash: string;
  user_id: string;
  workstation: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
};

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    departmentId: row.department_id,
    password:
      row.password_hash !== null && row.salt !== null && row.params !== null
        ? { hash: row.password_hash, salt: row.salt, params: row.params }
        : null,
    disabled: row.disabled !== 0,
  };
}

function toSession(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    userId: row.user_id,
    workstation: row.workstation,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

export function openDatabase(file: string, options: { readonly?: boolean } = {}): Database.Database {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    // NOTE: FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on power loss, and an
    // answered command must survive that.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
  }
  db.pragma('busy_timeout = 5000');
  return db;
}

export function migrate(db: Database.Database): Array<number> {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const done = new Set(
    db
      .prepare<[], { id: number }>('SELECT id FROM schema_migrations')
      .all()
      .map((r) => r.id),
  );
  const applied: Array<number> = [];
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  for (const m of [...MIGRATIONS].sort((a, b) => a.id - b.id)) {
    if (done.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.id, m.name, new Date().toISOString());
    })();
    applied.push(m.id);
  }
  return applied;
}

/** Opens (creating if needed) the store in `dataDir`, applying pending migrations. */
export function openSqliteStore(dataDir: string): HubStore {
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, DB_FILE));
  migrate(db);

  const stmt = {
    lastEvent: db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1'),
    insertEvent: db.prepare(
      `INSERT INTO events (seq, type, at, actor, mode, drill_id, command_id, payload, prev_hash, hash)
       VALUES (@seq, @type, @at, @actor, @mode, @drill_id, @command_id, @payload, @prev_hash, @hash)`,
    ),
    setHead: db.prepare('UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1'),
    readEvents: db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?'),
    getCommand: db.prepare<[string], { id: string; user_id: string; type: string; answer: string; at: string }>(
      'SELECT * FROM commands WHERE id = ?',
    ),
    insertCommand: db.prepare('INSERT INTO commands (id, user_id, type, answer, at) VALUES (?, ?, ?, ?, ?)'),
    getUserByUsername: db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?'),
    getUserById: db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?'),
    countUsers: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users'),
    putUser: db.prepare(
      `INSERT INTO users (id, username, display_name, role, department_id, password_hash, salt, params, disabled, created_at, updated_at)
       VALUES (@id, @username, @display_name, @role, @department_id, @password_hash, @salt, @params, @disabled, @now, @now)
       ON CONFLICT (id) DO UPDATE SET username = excluded.username, display_name = excluded.display_name,
         role = excluded.role, department_id = excluded.department_id,
         password_hash = COALESCE(excluded.password_hash, users.password_hash),
         salt = COALESCE(excluded.salt, users.salt), params = COALESCE(excluded.params, users.params),
         disabled = excluded.disabled, updated_at = excluded.updated_at`,
    ),
    createSession: db.prepare(
      `INSERT INTO sessions (id, token_hash, user_id, workstation, created_at, expires_at, revoked_at)
       VALUES (@id, @token_hash, @user_id, @workstation, @created_at, @expires_at, NULL)`,
    ),
    getSessionByTokenHash: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE token_hash = ?'),
    getSession: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?'),
    revokeSession: db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    revokeUserSessions: db.prepare('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL'),
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
  };
  const projection = Object.fromEntries(
    REPLICA_TABLES.map((t) => {
      const name = PROJECTION_TABLES[t];
      return [
        t,
        {
          get: db.prepare<[string], { row: string }>(`SELECT row FROM ${name} WHERE id = ?`),
          put: db.prepare(`INSERT OR REPLACE INTO ${name} (id, seq, row) VALUES (?, ?, ?)`),
          del: db.prepare(`DELETE FROM ${name} WHERE id = ?`),
          all: db.prepare<[], { row: string }>(`SELECT row FROM ${name} ORDER BY id`),
        },
      ];
    }),
  ) as Record<
    ReplicaTable,
    {
      get: Database.Statement<[string], { row: string }>;
      put: Database.Statement;
      del: Database.Statement;
      all: Database.Statement<[], { row: string }>;
    }
  >;

  // The chain head as committed; `pending` is the head inside the open batch.
  let head = stmt.lastEvent.get() ?? { seq: 0, hash: GENESIS_HASH };
  let pending = { ...head };
  let inBatch = false;

  function getRow<T extends ReplicaTable>(table: T, id: string): ReplicaRowTypes[T] | undefined {
    const row = projection[table].get.get(id);
    return row ? (JSON.parse(row.row) as ReplicaRowTypes[T]) : undefined;
  }

  function getCommand(id: string): StoredCommand | undefined {
    const row = stmt.getCommand.get(id);
    if (!row) return undefined;
    return {
      id: row.id,
      userId: row.user_id,
      type: row.type,
      answer: JSON.parse(row.answer) as CommandAck,
      at: row.at,
    };
  }

  function applyProjection(event: HubEvent): void {
    const rows = new Map<string, ReplicaRow>();
    for (const key of eventReads(event)) {
      const row = getRow(key.table, key.id);
      if (row) rows.set(`${key.table}\u0000${key.id}`, row);
    }
    const changes: Array<RowChange> = projectEvent(event, (table, id) => rows.get(`${table}\u0000${id}`) as never);
    for (const change of changes) {
      const p = projection[change.table];
      if (change.value === null) p.del.run(change.id);
      else p.put.run(change.id, event.seq, JSON.stringify(change.value));
    }
  }

  function append(events: ReadonlyArray<NewEvent>): Array<HubEvent> {
    if (!inBatch) throw new Error('append outside a batch');
    const out: Array<HubEvent> = [];
    for (const e of events) {
      const event = withSeq(e, pending.seq + 1);
      const columns = eventToColumns(event);
      const hash = chainHash(pending.hash, canonicalJson(hashedEventView(event)));
      stmt.insertEvent.run({ ...columns, prev_hash: pending.hash, hash });
      applyProjection(event);
      pending = { seq: event.seq, hash };
      out.push(event);
    }
    return out;
  }

  const tx: BatchTx = {
    getRow,
    getCommand,
    append,
    attempt<T>(fn: () => T): T {
      const before = { ...pending };
      try {
        return db.transaction(fn)();
      } catch (err) {
        pending = before;
        throw err;
      }
    },
    recordCommand(c: StoredCommand): void {
      stmt.insertCommand.run(c.id, c.userId, c.type, JSON.stringify(c.answer), c.at);
    },
  };

  const runBatch = db.transaction(<T>(fn: (t: BatchTx) => T): T => {
    const result = fn(tx);
    if (pending.seq !== head.seq) stmt.setHead.run(pending.seq, pending.hash);
    return result;
  });

  const snapshotTx = db.transaction((): { seq: number; tables: ReplicaRows } => {
    const seq = stmt.lastEvent.get()?.seq ?? 0;
    const tables = Object.fromEntries(
      REPLICA_TABLES.map((t) => [t, projection[t].all.all().map((r) => JSON.parse(r.row) as unknown)]),
    ) as ReplicaRows;
    return { seq, tables };
  });

  return {
    headSeq: () => head.seq,
    batch<T>(fn: (t: BatchTx) => T): T {
      if (inBatch) throw new Error('batches do not nest');
      inBatch = true;
      pending = { ...head };
      try {
        const result = runBatch(fn) as T;
        head = pending;
        return result;
      } catch (err) {
        pending = { ...head };
        throw err;
      } finally {
        inBatch = false;
      }
    },
    getRow,
    listRows<T extends ReplicaTable>(table: T): Array<ReplicaRowTypes[T]> {
      return projection[table].all.all().map((r) => JSON.parse(r.row) as ReplicaRowTypes[T]);
    },
    getCommand,
    readEvents(sinceSeq, limit) {
      return stmt.readEvents.all(sinceSeq, limit).map(rowToEvent);
    },
    snapshot: () => snapshotTx(),
    getUserByUsername(username) {
      const row = stmt.getUserByUsername.get(username);
      return row ? toUser(row) : undefined;
    },
    getUserById(id) {
      const row = stmt.getUserById.get(id);
      return row ? toUser(row) : undefined;
    },
    putUser(user) {
      stmt.putUser.run({
        id: user.id,
        username: user.username,
        display_name: user.displayName,
        role: user.role,
        department_id: user.departmentId,
        password_hash: user.password?.hash ?? null,
        salt: user.password?.salt ?? null,
        params: user.password?.params ?? null,
        disabled: user.disabled ? 1 : 0,
        now: new Date().toISOString(),
      });
    },
    countUsers: () => stmt.countUsers.get()?.n ?? 0,
    createSession(s) {
      stmt.createSession.run({
        id: s.id,
        token_hash: s.tokenHash,
        user_id: s.userId,
        workstation: s.workstation,
        created_at: s.createdAt,
        expires_at: s.expiresAt,
      });
    },
    getSessionByTokenHash(tokenHash) {
      const row = stmt.getSessionByTokenHash.get(tokenHash);
      return row ? toSession(row) : undefined;
    },
    getSession(id) {
      const row = stmt.getSession.get(id);
      return row ? toSession(row) : undefined;
    },
    revokeSession(id, at) {
      stmt.revokeSession.run(at, id);
    },
    revokeUserSessions(userId, at) {
      stmt.revokeUserSessions.run(at, userId);
    },
    getMeta: (key) => stmt.getMeta.get(key)?.value,
    setMeta(key, value) {
      stmt.setMeta.run(key, value);
    },
    verify: () => verifyChain(db),
    close() {
      if (db.open) db.close();
    },
  };
}
