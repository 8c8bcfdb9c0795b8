import type { HubEvent, NewEvent } from '@common/protocol/events';
import { canonicalJson } from './canonical-json';

/** An events row as SQLite holds it. */
export type EventRow = {
  seq: number;
  type: string;
  at: string;
  actor: string;
  mode: string;
  drill_id: string | null;
  command_id: string;
  payload: string;
  prev_hash: string;
  hash: string;
};

/** The object that is hashed: exactly the fields an events row can give back. */
export function hashedEventView(event: HubEvent): Record<string, unknown> {
  return {
    seq: event.seq,
    type: event.type,
    at: event.at,
    actor: event.actor,
    mode: event.mode,
    drillId: event.drillId,
    commandId: event.commandId,
    payload: event.payload,
  };
}

export function withSeq(event: NewEvent, seq: number): HubEvent {
  return { ...event, seq } as HubEvent;
}

/** Row columns for one event; actor and payload are stored as canonical JSON. */
export function eventToColumns(event: HubEvent): Omit<EventRow, 'prev_hash' | 'hash'> {
  return {
    seq: event.seq,
    type: event.type,
    at: event.at,
    actor: canonicalJson(event.actor),
    mode: event.mode,
    drill_id: event.drillId ?? null,
    command_id: event.commandId,
    payload: canonicalJson(event.payload),
  };
}

/** Rebuilds the event from a row. Throws on unreadable JSON. */
export function rowToEvent(row: EventRow): HubEvent {
  const event: Record<string, unknown> = {
    seq: row.seq,
    type: row.type,
    at: row.at,
    actor: JSON.parse(row.actor) as unknown,
    mode: row.mode,
    commandId: row.command_id,
    payload: JSON.parse(row.payload) as unknown,
  };
  if (row.drill_id !== null) event.drillId = row.drill_id;
  return event as HubEvent;
}
