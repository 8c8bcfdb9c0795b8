import type { CommandAck } from '@common/protocol/ack';
import type { HubEvent, NewEvent } from '@common/protocol/events';
import type { ReplicaRowTypes, ReplicaRows, ReplicaTable } from '@common/projection/tables';
import type { Role } from '@common/schemas/user';

/** A stored command answer: the first answer given to a command id. */
export type StoredCommand = { id: string; userId: string; type: string; answer: CommandAck; at: string };

export type PasswordRecord = { hash: string; salt: string; params: string };

export type UserRecord = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  password: PasswordRecord | null;
  disabled: boolean;
};

export type SessionRecord = {
  id: string;
  tokenHash: string;
  userId: string;
  workstation: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
};

export type VerifyResult =
  | { ok: true; count: number; headSeq: number }
  | { ok: false; seq: number; reason: 'missing' | 'altered' | 'unreadable'; detail: string; checked: number };

/** Reads a command handler may make; inside a batch they see the batch's own earlier writes. */
export type StoreReads = {
  getRow<T extends ReplicaTable>(table: T, id: string): ReplicaRowTypes[T] | undefined;
};

/** The write side of one batch transaction. */
export type BatchTx = StoreReads & {
  getCommand(id: string): StoredCommand | undefined;
  /**
   * Runs `fn` in a savepoint: if it throws, its writes (events, projections, answer) are undone
   * and the error is rethrown; the rest of the batch goes on.
   */
  attempt<T>(fn: () => T): T;
  /** Gives each event its seq and hash, inserts it and applies the shared projection. */
  append(events: ReadonlyArray<NewEvent>): Array<HubEvent>;
  recordCommand(command: StoredCommand): void;
};

/**
 * The hub's storage. SQLite is the embedded default; the interface is what a PostgreSQL
 * store would implement for a multi-hub deployment.
 */
export type HubStore = {
  headSeq(): number;
  /** One transaction around `fn`: everything it appends commits together, or nothing does. */
  batch<T>(fn: (tx: BatchTx) => T): T;
  getRow: StoreReads['getRow'];
  /** Every row of one projected table, by id (start-up scans such as the overdue timers). */
  listRows<T extends ReplicaTable>(table: T): Array<ReplicaRowTypes[T]>;
  getCommand(id: string): StoredCommand | undefined;
  /** Events with seq > sinceSeq, ascending, at most `limit`. */
  readEvents(sinceSeq: number, limit: number): Array<HubEvent>;
  /** Every replicated table at one seq, read in one read transaction. */
  snapshot(): { seq: number; tables: ReplicaRows };

  getUserByUsername(username: string): UserRecord | undefined;
  getUserById(id: string): UserRecord | undefined;
  /** Inserts or replaces a user; a null password keeps the stored one (or none). */
  putUser(user: UserRecord): void;
  countUsers(): number;

  createSession(session: SessionRecord): void;
  getSessionByTokenHash(tokenHash: string): SessionRecord | undefined;
  getSession(id: string): SessionRecord | undefined;
  revokeSession(id: string, at: number): void;
  revokeUserSessions(userId: string, at: number): void;

  getMeta(key: string): string | undefined;
  setMeta(key: string, value: string): void;

  verify(): VerifyResult;
  close(): void;
};
