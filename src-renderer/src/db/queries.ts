import { useLiveQuery } from 'dexie-react-hooks';
import type { CommandPayload, CommandType } from '@common/protocol/commands';
import type { Incident, IncidentNote } from '@common/schemas/incident';
import type { RescueTeam } from '@common/schemas/rescue-team';
import type { FailedCommandRow, OutboxRow } from './db';
import { useDb } from './db-context';
import { useReplicaRows } from './replica-tables';

const NONE: Array<never> = [];

/** Newest first. */
export function useIncidents(): Array<Incident> {
  const db = useDb();
  return useLiveQuery(() => db.incidents.orderBy('reportedAt').reverse().toArray(), [db]) ?? NONE;
}

export function useIncident(id: string | null): Incident | undefined {
  const db = useDb();
  return useLiveQuery(() => (id ? db.incidents.get(id) : undefined), [db, id]);
}

export function useIncidentNotes(incidentId: string | null): Array<IncidentNote> {
  const db = useDb();
  return (
    useLiveQuery(
      () =>
        incidentId
          ? db.incidentNotes.where('[incidentId+seq]').between([incidentId, 0], [incidentId, Infinity]).toArray()
          : NONE,
      [db, incidentId],
    ) ?? NONE
  );
}

export function useRescueTeams(): ReadonlyArray<RescueTeam> {
  return useReplicaRows('rescueTeams') ?? NONE;
}

export type PendingCommand<T extends CommandType> = Omit<OutboxRow, 'type' | 'payload'> & {
  type: T;
  payload: CommandPayload<T>;
};

/** Commands of one type still in the outbox (saved, not yet answered), oldest first. */
export function usePendingCommands<T extends CommandType>(type: T): Array<PendingCommand<T>> {
  const db = useDb();
  return (
    (useLiveQuery(() => db.outbox.where('type').equals(type).sortBy('order'), [db, type]) as
      Array<PendingCommand<T>> | undefined) ?? NONE
  );
}

export function useFailedCommands(): Array<FailedCommandRow> {
  const db = useDb();
  return useLiveQuery(() => db.failedCommands.orderBy('failedAt').reverse().toArray(), [db]) ?? NONE;
}
