import type { HubEvent } from '../protocol/events';
import type { DutyLogEntry, DutySignature } from '../schemas/duty';
import type { RowChange, RowKey } from './tables';

export type DutyEvent = Extract<HubEvent, { type: `duty.${string}` }>;

export function isDutyEvent(event: HubEvent): event is DutyEvent {
  return event.type.startsWith('duty.');
}

/** The row a duty event writes: the entry, or the handover it makes or acknowledges. */
export const dutyRowId = (event: DutyEvent): string =>
  event.type === 'duty.logged' ? event.payload.entryId : event.payload.handoverId;

export function dutyReads(event: DutyEvent): Array<RowKey> {
  return [{ table: 'dutyLog', id: dutyRowId(event) }];
}

/** Who, when, from which workstation: taken from the event's envelope (the hub's word). */
function signature(event: HubEvent): DutySignature {
  return {
    at: event.at,
    seq: event.seq,
    userId: event.actor.userId,
    name: event.actor.displayName,
    role: event.actor.role,
    workstation: event.actor.workstation,
  };
}

/** Duty events → the `dutyLog` row (the hub has checked every rule). */
export function projectDuty(event: DutyEvent, current: DutyLogEntry | undefined): Array<RowChange> {
  switch (event.type) {
    case 'duty.logged': {
      const value: DutyLogEntry = {
        kind: 'entry',
        id: event.payload.entryId,
        category: event.payload.category,
        text: event.payload.text,
        by: signature(event),
      };
      return [{ table: 'dutyLog', id: value.id, value }];
    }
    case 'duty.handedOver': {
      const value: DutyLogEntry = {
        kind: 'handover',
        id: event.payload.handoverId,
        category: 'handover',
        remarks: event.payload.remarks,
        summary: event.payload.summary,
        by: signature(event),
      };
      return [{ table: 'dutyLog', id: value.id, value }];
    }
    case 'duty.handoverAccepted': {
      if (current?.kind !== 'handover') return [];
      const value: DutyLogEntry = { ...current, accepted: { ...signature(event), remarks: event.payload.remarks } };
      return [{ table: 'dutyLog', id: value.id, value }];
    }
  }
}
