import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { ulid } from 'ulid';
import type { CommandAck } from '@common/protocol/ack';
import type { Actor, HubEvent } from '@common/protocol/events';
import type { ErrorBody } from '@common/protocol/errors';
import { WatchfloorDb } from '../../../src-renderer/src/db/db';
import type { RequestName, Transport, TransportHandlers } from '../../../src-renderer/src/sync/transport';

export const ACTOR: Actor = {
  userId: 'duty',
  username: 'duty',
  displayName: '值班员（演示）',
  role: 'duty_officer',
  workstation: 'ws-1',
};

let dbCounter = 0;
export function freshDb(): WatchfloorDb {
  dbCounter += 1;
  return new WatchfloorDb(`test-${dbCounter}-${ulid()}`, { indexedDB, IDBKeyRange });
}

type SentCommand = { id: string; type: string; payload: unknown };

/**
 * A hub in memory: an ordered log, command handling with dedup by id (as the real hub does),
 * and `sync` pages. Only what the engine tests need.
 */
export class FakeHub {
  readonly log: Array<HubEvent> = [];
  readonly answered = new Map<string, CommandAck>();
  /** commands in the order they took effect (a dedup'd resend does not appear twice) */
  readonly effects: Array<SentCommand> = [];
  /** refuse the next commands with these errors (one per command, in order) */
  readonly refusals: Array<ErrorBody> = [];

  append(make: (seq: number) => HubEvent): HubEvent {
    const event = make(this.log.length + 1);
    this.log.push(event);
    return event;
  }

  reportIncident(title = '演示：某木材加工厂火灾'): { event: HubEvent; incidentId: string } {
    const incidentId = ulid();
    const event = this.append((seq) => reportedEvent(seq, incidentId, title));
    return { event, incidentId };
  }

  noteIncident(incidentId: string, text = '现场已派员'): HubEvent {
    return this.append((seq) => notedEvent(seq, incidentId, text));
  }

  handleCommand(command: SentCommand): CommandAck {
    const previous = this.answered.get(command.id);
    if (previous) return previous.ok ? { ...previous, duplicate: true } : previous;
    const refusal = this.refusals.shift();
    let ack: CommandAck;
    if (refusal) {
      ack = { ok: false, error: refusal };
      // a hub does not remember transient refusals: the resend is a fresh attempt
      if (refusal.code === 'rate_limited') return ack;
    } else {
      this.effects.push(command);
      const event = this.append((seq) => ({
        seq,
        type: 'incident.noted',
        at: new Date().toISOString(),
        actor: ACTOR,
        mode: 'real',
        commandId: command.id,
        payload: { incidentId: ulid(), noteId: ulid(), text: JSON.stringify(command.payload).slice(0, 100) },
      }));
      ack = { ok: true, seq: event.seq };
    }
    this.answered.set(command.id, ack);
    return ack;
  }

  page(
    sinceSeq: number,
    limit: number,
  ): { ok: true; events: Array<HubEvent>; headSeq: number; more: boolean; toSeq: number } {
    const events = this.log.filter((e) => e.seq > sinceSeq).slice(0, limit);
    const last = events.at(-1)?.seq ?? sinceSeq;
    const more = last < this.log.length;
    // as the hub does: the page covers up to its last row, or the head when it is the last page
    return {
      ok: true,
      events,
      headSeq: this.log.length,
      more,
      toSeq: more ? last : Math.max(this.log.length, sinceSeq),
    };
  }
}

export function reportedEvent(seq: number, incidentId: string, title: string): HubEvent {
  return {
    seq,
    type: 'incident.reported',
    at: new Date(Date.UTC(2025, 0, 1, 3, 0, seq)).toISOString(),
    actor: ACTOR,
    mode: 'real',
    commandId: ulid(),
    payload: {
      incidentId,
      report: {
        title,
        category: 'fire',
        source: 'phone',
        occurredAt: '2025-01-01T02:55:00.000Z',
        location: { lng: 109.4, lat: 25.21 },
        casualties: { deaths: 0, seriousInjuries: 0, injured: 1, missing: 0, trapped: 0 },
        directLossWan: 0,
        hazmat: '',
        description: '',
        reporterName: '',
        reporterPhone: '',
      },
    },
  };
}

export function notedEvent(seq: number, incidentId: string, text: string): HubEvent {
  return {
    seq,
    type: 'incident.noted',
    at: new Date(Date.UTC(2025, 0, 1, 3, 0, seq)).toISOString(),
    actor: ACTOR,
    mode: 'real',
    commandId: ulid(),
    payload: { incidentId, noteId: ulid(), text },
  };
}

type CommandBehaviour = 'answer' | 'drop-ack-and-disconnect' | 'disconnect-before-hub';

/** A transport wired to a FakeHub, with switches to lose acks, drop the line and hold sync pages. */
export class FakeTransport implements Transport {
  handlers: TransportHandlers | null = null;
  connected = false;
  readonly requests: Array<{ name: RequestName; payload: unknown }> = [];
  /** what happens to each next command; 'answer' once the list is empty */
  readonly commandBehaviours: Array<CommandBehaviour> = [];
  /** when set, sync answers wait for it (to push live events during catch-up) */
  syncGate: Promise<void> | null = null;
  private rejectPending: Array<(e: Error) => void> = [];

  constructor(readonly hub: FakeHub) {}

  start(handlers: TransportHandlers): void {
    this.handlers = handlers;
  }
  stop(): void {
    this.drop('client stop');
    this.handlers = null;
  }
  pause(): void {
    this.drop('io client disconnect');
  }
  resume(): void {
    this.connect();
  }

  connect(): void {
    this.connected = true;
    this.handlers?.connected();
  }

  drop(reason = 'transport close'): void {
    if (!this.connected) return;
    this.connected = false;
    const rejects = this.rejectPending;
    this.rejectPending = [];
    for (const r of rejects) r(new Error('socket has been disconnected'));
    this.handlers?.disconnected(reason);
  }

  push(event: unknown): void {
    this.handlers?.event(event);
  }

  get syncRequests(): Array<{ sinceSeq: number; limit: number }> {
    return this.requests.filter((r) => r.name === 'sync').map((r) => r.payload as { sinceSeq: number; limit: number });
  }

  get sentCommandIds(): Array<string> {
    return this.requests.filter((r) => r.name === 'command').map((r) => (r.payload as SentCommand).id);
  }

  async request(name: RequestName, payload: unknown, _timeoutMs: number): Promise<unknown> {
    if (!this.connected) throw new Error('not connected');
    this.requests.push({ name, payload });
    return new Promise((resolve, reject) => {
      this.rejectPending.push(reject);
      void (async () => {
        if (name === 'sync') {
          const { sinceSeq, limit } = payload as { sinceSeq: number; limit: number };
          // the page is read when the request arrives, like a hub reading its log
          const page = this.hub.page(sinceSeq, limit);
          if (this.syncGate) await this.syncGate;
          if (this.connected) resolve(page);
          return;
        }
        if (name === 'command') {
          const behaviour = this.commandBehaviours.shift() ?? 'answer';
          if (behaviour === 'disconnect-before-hub') {
            this.drop();
            return;
          }
          const ack = this.hub.handleCommand(payload as SentCommand);
          await Promise.resolve();
          if (behaviour === 'drop-ack-and-disconnect') {
            this.drop();
            return;
          }
          resolve(ack);
          return;
        }
        resolve({ ok: false, error: { code: 'unknown_command', message: 'not in the fake' } });
      })();
    });
  }
}
