import { ulid } from 'ulid';
import { z } from 'zod';
import { CommandAckSchema } from '@common/protocol/ack';
import { COMMAND_PAYLOADS } from '@common/protocol/commands';
import type { CommandPayloadInput, CommandType } from '@common/protocol/commands';
import { describeZodError } from '@common/protocol/errors';
import type { ErrorBody } from '@common/protocol/errors';
import { EventSchema } from '@common/protocol/events';
import type { HubEvent } from '@common/protocol/events';
import { SYNC_PAGE_DEFAULT } from '@common/protocol/limits';
import type { FailedCommandRow, OutboxRow, WatchfloorDb } from '../db/db';
import { SILENT_LOGGER } from '../logger';
import type { Logger } from '../logger';
import type { ConnectionState, ConnectionStore } from './connection-store';
import { applyEventBatch, readLastEventAt, readLastSeq } from './replica-writer';
import type { Transport } from './transport';

export type SyncEngineOptions = {
  db: WatchfloorDb;
  transport: Transport;
  store: ConnectionStore;
  logger?: Logger;
  now?: () => Date;
  makeId?: () => string;
  /** events per `sync` page */
  pageSize?: number;
  requestTimeoutMs?: number;
  /** wait before retrying after a refused page, a persisting gap or a command timeout */
  retryDelayMs?: number;
  /** failed connect attempts in a row before the indicator says offline instead of reconnecting */
  offlineAfterErrors?: number;
  /** the hub refused a command: tell the user (the row is also kept in failedCommands) */
  onCommandFailed?: (failure: FailedCommandRow) => void;
  /** the token was refused or the session ended: back to login (the outbox is kept) */
  onSessionEnded?: (message: string) => void;
};

/** Thrown by enqueue when the payload fails the shared command schema: nothing was saved. */
export class InvalidCommandError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'InvalidCommandError';
  }
}

/** The envelope of a sync answer; each event in it is then validated on its own with EventSchema. */
const SyncAnswerSchema = z.union([
  z.object({
    ok: z.literal(true),
    events: z.array(z.unknown()),
    headSeq: z.int().min(0),
    more: z.boolean(),
    toSeq: z.int().min(0),
  }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

/** Errors after which the command stays in the outbox and is resent later with the same id. */
const TRANSIENT_ERRORS = new Set(['rate_limited', 'internal']);
const MAX_INTERNAL_ATTEMPTS = 3;

/**
 * The client side of the wire protocol: keeps the Dexie replica caught up with the hub's log
 * and sends the outbox.
 *
 * Events: every pushed event is validated, then parked in `pending` by seq. One pump applies
 * contiguous runs from lastSeq + 1 in one transaction per batch; a catch-up (`sync` pages from
 * lastSeq until `more` is false) runs first after each connect and whenever a gap, a bad event
 * or a refused page is seen. Live events that arrive meanwhile wait in `pending`; those at or
 * below lastSeq are dropped.
 *
 * A sync page is authoritative for the range it covers (the hub leaves out events this user may
 * not see), so seqs missing inside a page are skipped, not chased; only the live stream has gaps.
 *
 * A fresh replica (lastSeq 0) pages from 0 rather than loading a `snapshot`: every row then
 * comes through the one validated path (EventSchema + the shared projectEvent), so a replica
 * equals the hub's projection by construction, and the first sync shows progress (catchUp).
 *
 * Commands: saved to the outbox first (strict durability: that is "saved"), sent one at a
 * time in order; removed on an ok ack; moved to failedCommands and reported on a refusal; kept
 * and resent with the same id after a disconnect or timeout (the hub dedups by id).
 */
export class SyncEngine {
  private readonly db: WatchfloorDb;
  private readonly transport: Transport;
  private readonly store: ConnectionStore;
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly makeId: () => string;
  private readonly pageSize: number;
  private readonly requestTimeoutMs: number;
  private readonly retryDelayMs: number;
  private readonly offlineAfterErrors: number;
  private readonly onCommandFailed: (failure: FailedCommandRow) => void;
  private readonly onSessionEnded: (message: string) => void;

  private lastSeq = 0;
  private connected = false;
  private paused = false;
  private stopped = true;
  private everConnected = false;
  private connectErrors = 0;

  private readonly pending = new Map<number, HubEvent>();
  private resyncNeeded = false;
  private eventWake = false;
  private eventPump: Promise<void> | null = null;
  private outboxWake = false;
  private outboxPump: Promise<void> | null = null;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(options: SyncEngineOptions) {
    this.db = options.db;
    this.transport = options.transport;
    this.store = options.store;
    this.log = options.logger ?? SILENT_LOGGER;
    this.now = options.now ?? (() => new Date());
    this.makeId = options.makeId ?? (() => ulid());
    this.pageSize = options.pageSize ?? SYNC_PAGE_DEFAULT;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
    this.retryDelayMs = options.retryDelayMs ?? 3_000;
    this.offlineAfterErrors = options.offlineAfterErrors ?? 3;
    this.onCommandFailed = options.onCommandFailed ?? (() => {});
    this.onSessionEnded = options.onSessionEnded ?? (() => {});
  }

  async start(): Promise<void> {
    this.stopped = false;
    const [lastSeq, lastEventAt] = await Promise.all([readLastSeq(this.db), readLastEventAt(this.db)]);
    // NOTE: stop() may have come while reading (React StrictMode mounts twice): open no socket then.
    if (this.stopped) return;
    this.lastSeq = lastSeq;
    this.set({ status: 'connecting', lastSeq, lastEventAt, catchUp: null, lastError: null });
    await this.refreshCounts();
    if (this.stopped) return;
    this.transport.start({
      connected: () => this.handleConnected(),
      disconnected: (reason) => this.handleDisconnected(reason),
      connectError: (message) => this.handleConnectError(message),
      event: (raw) => this.handleEvent(raw),
      sessionEnded: (message) => this.endSession(message),
    });
  }

  stop(): void {
    this.stopped = true;
    this.connected = false;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.transport.stop();
  }

  /** The browser says the network is gone: show offline now instead of waiting for a timeout. */
  pause(): void {
    if (this.stopped || this.paused) return;
    this.paused = true;
    this.connected = false;
    this.transport.pause();
    this.set({ status: 'offline' });
  }

  resume(): void {
    if (this.stopped || !this.paused) return;
    this.paused = false;
    this.set({ status: 'reconnecting' });
    this.transport.resume();
  }

  /**
   * Validates and saves a command to the outbox, then sends it when online. Resolves with the
   * command id once it is durably saved; throws InvalidCommandError (and saves nothing) when the
   * payload fails the shared schema.
   */
  async enqueue<T extends CommandType>(type: T, payload: CommandPayloadInput<T>): Promise<string> {
    const parsed = COMMAND_PAYLOADS[type].safeParse(payload);
    if (!parsed.success) throw new InvalidCommandError(describeZodError(parsed.error, 'payload'));
    const row: OutboxRow = {
      id: this.makeId(),
      type,
      payload: parsed.data,
      createdAt: this.now().toISOString(),
      attempts: 0,
    };
    await this.db.outbox.add(row);
    await this.refreshCounts();
    this.kickOutbox();
    return row.id;
  }

  async dismissFailure(id: string): Promise<void> {
    await this.db.failedCommands.delete(id);
    await this.refreshCounts();
  }

  /** Resolves when nothing is in flight (for tests and orderly shutdown). */
  async idle(): Promise<void> {
    while (this.eventPump || this.outboxPump) {
      await Promise.all([this.eventPump, this.outboxPump]);
    }
  }

  get currentLastSeq(): number {
    return this.lastSeq;
  }

  // --- connection ---------------------------------------------------------------------------

  private handleConnected(): void {
    if (this.stopped) return;
    this.connected = true;
    this.everConnected = true;
    this.connectErrors = 0;
    this.set({ status: 'online' });
    this.resyncNeeded = true;
    this.kickEvents();
    this.kickOutbox();
  }

  private handleDisconnected(reason: string): void {
    this.connected = false;
    if (this.stopped) return;
    this.log.info(`disconnected: ${reason}`);
    this.set({ status: this.paused ? 'offline' : 'reconnecting', catchUp: null });
  }

  private handleConnectError(message: string): void {
    if (this.stopped) return;
    if (message === 'unauthorized') {
      this.endSession('unauthorized');
      return;
    }
    this.connectErrors += 1;
    const status =
      this.paused || this.connectErrors >= this.offlineAfterErrors
        ? 'offline'
        : this.everConnected
          ? 'reconnecting'
          : 'connecting';
    this.set({ status });
  }

  private endSession(message: string): void {
    if (this.stopped) return;
    this.log.warn(`session ended: ${message}`);
    this.stop();
    this.set({ status: 'offline', catchUp: null });
    this.onSessionEnded(message);
  }

  // --- events -------------------------------------------------------------------------------

  private handleEvent(raw: unknown): void {
    if (this.stopped) return;
    this.set({ lastReceivedAt: this.now().toISOString() });
    const parsed = EventSchema.safeParse(raw);
    if (!parsed.success) {
      const seq = typeof raw === 'object' && raw !== null && 'seq' in raw ? String(raw.seq) : '?';
      const detail = describeZodError(parsed.error, 'event');
      this.log.error(`refused a bad event (seq ${seq}), resyncing: ${detail}`);
      this.set({ lastError: `bad event seq ${seq}: ${detail}` });
      this.resyncNeeded = true;
      this.kickEvents();
      return;
    }
    const event = parsed.data;
    if (event.seq <= this.lastSeq) {
      this.log.debug(`dropped duplicate event ${event.seq} (lastSeq ${this.lastSeq})`);
      return;
    }
    this.pending.set(event.seq, event);
    this.kickEvents();
  }

  private kickEvents(): void {
    this.eventWake = true;
    if (this.eventPump) return;
    this.eventPump = (async () => {
      while (this.eventWake) {
        this.eventWake = false;
        await this.pumpEvents();
      }
    })().finally(() => {
      this.eventPump = null;
      if (this.eventWake && !this.stopped) this.kickEvents();
    });
  }

  private async pumpEvents(): Promise<void> {
    let resyncedForGap = false;
    try {
      while (this.connected && !this.stopped) {
        if (this.resyncNeeded) {
          this.resyncNeeded = false;
          const ok = await this.catchUp();
          if (!ok) {
            this.retryLater(() => {
              this.resyncNeeded = true;
              this.kickEvents();
            });
            return;
          }
          resyncedForGap = true;
        }
        for (const seq of this.pending.keys()) if (seq <= this.lastSeq) this.pending.delete(seq);
        const batch: Array<HubEvent> = [];
        for (let seq = this.lastSeq + 1; this.pending.has(seq); seq++) batch.push(this.pending.get(seq) as HubEvent);
        if (batch.length > 0) {
          await this.apply(batch);
          resyncedForGap = false;
          continue;
        }
        if (this.pending.size === 0) return;
        // A gap: an event past lastSeq + 1 arrived before the ones between. Fetch the range.
        const first = Math.min(...this.pending.keys());
        if (!resyncedForGap) {
          this.log.warn(`gap: have ${this.lastSeq}, got ${first}; fetching the missing range`);
          this.resyncNeeded = true;
          continue;
        }
        this.log.warn(`gap persists after a resync (have ${this.lastSeq}, next ${first}); retrying later`);
        this.retryLater(() => {
          this.resyncNeeded = true;
          this.kickEvents();
        });
        return;
      }
    } catch (error) {
      this.log.error('applying events failed; resyncing later', error);
      this.set({ lastError: String(error) });
      this.retryLater(() => {
        this.resyncNeeded = true;
        this.kickEvents();
      });
    }
  }

  private async apply(events: ReadonlyArray<HubEvent>, coveredUntil?: number): Promise<void> {
    const before = this.lastSeq;
    this.lastSeq = await applyEventBatch(this.db, events, coveredUntil === undefined ? {} : { coveredUntil });
    for (const e of events) if (e.seq <= this.lastSeq) this.pending.delete(e.seq);
    const newest = events.findLast((e) => e.seq <= this.lastSeq);
    if (this.lastSeq !== before) this.set({ lastSeq: this.lastSeq, lastEventAt: newest?.at ?? null });
  }

  /** Pages `sync` from lastSeq until `more` is false. False when a page was refused or bad. */
  private async catchUp(): Promise<boolean> {
    const fromSeq = this.lastSeq;
    try {
      for (;;) {
        const raw = await this.transport.request(
          'sync',
          { sinceSeq: this.lastSeq, limit: this.pageSize },
          this.requestTimeoutMs,
        );
        const answer = SyncAnswerSchema.safeParse(raw);
        if (!answer.success) {
          this.log.error(`bad sync answer: ${describeZodError(answer.error)}`);
          this.set({ lastError: 'bad sync answer' });
          return false;
        }
        if (!answer.data.ok) {
          this.log.error(`sync refused: ${answer.data.error.code} ${answer.data.error.message}`);
          this.set({ lastError: `sync refused: ${answer.data.error.message}` });
          return false;
        }
        const { events: rawEvents, headSeq, more, toSeq } = answer.data;
        const events: Array<HubEvent> = [];
        let bad: string | null = null;
        for (const rawEvent of rawEvents) {
          const parsed = EventSchema.safeParse(rawEvent);
          if (!parsed.success) {
            bad = describeZodError(parsed.error, 'event');
            break;
          }
          events.push(parsed.data);
        }
        events.sort((a, b) => a.seq - b.seq);
        const before = this.lastSeq;
        const lastInPage = events.at(-1)?.seq ?? this.lastSeq;
        // The page covers (sinceSeq, toSeq]: seqs missing inside it are events this user may not
        // see (the hub filters by audience). After a bad event, only what was applied counts.
        const coveredUntil = bad === null ? Math.max(toSeq, lastInPage) : lastInPage;
        await this.apply(events, coveredUntil);
        this.set({ catchUp: more ? { fromSeq, toSeq: this.lastSeq, headSeq } : null });
        if (bad !== null) {
          this.log.error(`sync page holds a bad event after seq ${this.lastSeq}: ${bad}`);
          this.set({ lastError: `bad event after seq ${this.lastSeq}: ${bad}` });
          return false;
        }
        if (!more) return true;
        if (this.lastSeq === before) {
          this.log.error(`sync page from ${before} made no progress`);
          return false;
        }
      }
    } catch (error) {
      // Timeout or disconnect: the next connect resyncs.
      this.log.warn(`sync interrupted: ${String(error)}`);
      this.set({ catchUp: null });
      return false;
    }
  }

  // --- outbox -------------------------------------------------------------------------------

  private kickOutbox(): void {
    this.outboxWake = true;
    if (this.outboxPump) return;
    this.outboxPump = (async () => {
      while (this.outboxWake) {
        this.outboxWake = false;
        await this.pumpOutbox();
      }
    })().finally(() => {
      this.outboxPump = null;
      if (this.outboxWake && !this.stopped) this.kickOutbox();
    });
  }

  private async pumpOutbox(): Promise<void> {
    try {
      while (this.connected && !this.stopped) {
        const row = await this.db.outbox.orderBy('order').first();
        if (!row || row.order === undefined) return;
        const order = row.order;
        const attempts = row.attempts + 1;
        await this.db.outbox.update(order, { attempts });
        let raw: unknown;
        try {
          raw = await this.transport.request(
            'command',
            { id: row.id, type: row.type, payload: row.payload },
            this.requestTimeoutMs,
          );
        } catch (error) {
          // No answer (timeout, or the connection dropped): keep it; resend later with the same id.
          this.log.warn(`command ${row.id} unanswered (${String(error)}); kept in the outbox`);
          if (this.connected) this.retryLater(() => this.kickOutbox());
          return;
        }
        const ack = CommandAckSchema.safeParse(raw);
        if (!ack.success) {
          this.log.error(`bad ack for ${row.id}: ${describeZodError(ack.error)}; kept in the outbox`);
          this.retryLater(() => this.kickOutbox());
          return;
        }
        if (ack.data.ok) {
          await this.db.outbox.delete(order);
          await this.refreshCounts();
          continue;
        }
        const error = ack.data.error;
        if (error.code === 'unauthorized') {
          this.endSession(error.message);
          return;
        }
        if (TRANSIENT_ERRORS.has(error.code) && (error.code !== 'internal' || attempts < MAX_INTERNAL_ATTEMPTS)) {
          this.log.warn(`command ${row.id} deferred: ${error.code} ${error.message}`);
          this.retryLater(() => this.kickOutbox());
          return;
        }
        await this.fail(row, error);
      }
    } catch (error) {
      this.log.error('outbox pump failed; retrying later', error);
      this.retryLater(() => this.kickOutbox());
    }
  }

  private async fail(row: OutboxRow, error: ErrorBody): Promise<void> {
    const failure: FailedCommandRow = {
      id: row.id,
      type: row.type,
      payload: row.payload,
      createdAt: row.createdAt,
      failedAt: this.now().toISOString(),
      error,
    };
    await this.db.transaction('rw', [this.db.outbox, this.db.failedCommands], async () => {
      if (row.order !== undefined) await this.db.outbox.delete(row.order);
      await this.db.failedCommands.put(failure);
    });
    this.log.warn(`command ${row.id} (${row.type}) refused: ${error.code} ${error.message}`);
    await this.refreshCounts();
    this.onCommandFailed(failure);
  }

  // --- helpers ------------------------------------------------------------------------------

  private retryLater(fn: () => void): void {
    if (this.stopped) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.stopped) fn();
    }, this.retryDelayMs);
    this.timers.add(t);
  }

  private async refreshCounts(): Promise<void> {
    const [outboxCount, failedCount] = await Promise.all([this.db.outbox.count(), this.db.failedCommands.count()]);
    this.set({ outboxCount, failedCount });
  }

  private set(patch: Partial<ConnectionState>): void {
    this.store.setState(patch);
  }
}
