import type { HubEvent } from '../protocol/events';
import type { Incident } from '../schemas/incident';
import type { ReplicaRowTypes, ReplicaTable, RowChange, RowKey } from './tables';

/**
 * The one projection from events to rows, used by the hub (its snapshot tables) and by every
 * replica (Dexie). Pure: the caller reads the rows named by `eventReads`, then writes the changes.
 */
export function eventReads(event: HubEvent): Array<RowKey> {
  switch (event.type) {
    case 'incident.reported':
    case 'incident.updated':
    case 'incident.noted':
      return [{ table: 'incidents', id: event.payload.incidentId }];
    case 'entity.upserted':
    case 'entity.deleted':
      return [];
  }
}

export type RowLookup = <T extends ReplicaTable>(table: T, id: string) => ReplicaRowTypes[T] | undefined;

export function projectEvent(event: HubEvent, lookup: RowLookup): Array<RowChange> {
  switch (event.type) {
    case 'incident.reported': {
      const incident: Incident = {
        ...event.payload.report,
        id: event.payload.incidentId,
        mode: event.mode,
        ...(event.drillId === undefined ? {} : { drillId: event.drillId }),
        state: 'reported',
        reportedAt: event.at,
        reportedBy: event.actor.displayName,
        updatedAt: event.at,
        noteCount: 0,
        lastSeq: event.seq,
      };
      return [{ table: 'incidents', id: incident.id, value: incident }];
    }
    case 'incident.updated': {
      const current = lookup('incidents', event.payload.incidentId);
      if (!current) return [];
      const { casualties, ...rest } = event.payload.patch;
      const next: Incident = {
        ...current,
        ...rest,
        casualties: { ...current.casualties, ...casualties },
        updatedAt: event.at,
        lastSeq: event.seq,
      };
      return [{ table: 'incidents', id: next.id, value: next }];
    }
    case 'incident.noted': {
      const current = lookup('incidents', event.payload.incidentId);
      const changes: Array<RowChange> = [
        {
          table: 'incidentNotes',
          id: event.payload.noteId,
          value: {
            id: event.payload.noteId,
            incidentId: event.payload.incidentId,
            text: event.payload.text,
            at: event.at,
            by: event.actor.userId,
            byName: event.actor.displayName,
            workstation: event.actor.workstation,
            seq: event.seq,
          },
        },
      ];
      if (current) {
        changes.push({
          table: 'incidents',
          id: current.id,
          value: { ...current, noteCount: current.noteCount + 1, updatedAt: event.at, lastSeq: event.seq },
        });
      }
      return changes;
    }
    case 'entity.upserted':
      return [{ table: event.payload.kind, id: event.payload.value.id, value: event.payload.value } as RowChange];
    case 'entity.deleted':
      return [{ table: event.payload.kind, id: event.payload.id, value: null }];
  }
}
