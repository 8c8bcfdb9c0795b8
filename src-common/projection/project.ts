import type { HubEvent } from '../protocol/events';
import { incidentGrade } from '../rules/accident-grade';
import { receivedTime } from '../rules/intake';
import { suggestResponseLevel } from '../rules/response-level';
import type { Incident, IncidentState } from '../schemas/incident';
import { dutyReads, dutyRowId, isDutyEvent, projectDuty } from './project-duty';
import { isLinkageEvent, isTeamEvent, linkageReads, projectLinkage, projectTeam, teamReads } from './project-linkage';
import type { ReplicaRowTypes, ReplicaTable, RowChange, RowKey } from './tables';

/** The response level the incident's current figures suggest (county thresholds, data). */
function suggestedLevelOf(incident: Incident): Incident['suggestedLevel'] {
  return suggestResponseLevel({
    grade: incident.grade,
    deaths: incident.casualties.deaths,
    missing: incident.casualties.missing,
    seriousInjuries: incident.casualties.seriousInjuries,
    directLossWan: incident.directLossWan,
    ...(incident.casualties.endangered === undefined ? {} : { endangered: incident.casualties.endangered }),
    ...(incident.casualties.relocated === undefined ? {} : { relocated: incident.casualties.relocated }),
    ...(incident.beyondCountyCapacity === undefined ? {} : { beyondCountyCapacity: incident.beyondCountyCapacity }),
  }).level;
}

/**
 * A stored row with every derived field present: rows projected before grade, histories and
 * reports existed get them here (grade from the figures, known since the report, seq 0).
 */
export function normalizeIncident(row: Incident): Incident {
  const partial = row as Partial<Incident> & Omit<Incident, 'grade'>;
  const grade = partial.grade ?? incidentGrade(row);
  const withGrade: Incident = {
    ...row,
    grade,
    gradeHistory: partial.gradeHistory ?? [{ grade, at: row.reportedAt, seq: 0 }],
    levelHistory: partial.levelHistory ?? [],
    // NOTE: like the grade, a row from before the history existed has only its current figures,
    // which the report is taken to have given (seq 0: known since before the history was kept).
    casualtyHistory: partial.casualtyHistory ?? [
      {
        casualties: row.casualties,
        directLossWan: row.directLossWan,
        at: row.reportedAt,
        seq: 0,
        by: row.reportedBy,
        workstation: '',
      },
    ],
    reports: partial.reports ?? [],
    stateHistory: partial.stateHistory ?? [],
    suggestedLevel: 4,
  };
  return { ...withGrade, suggestedLevel: partial.suggestedLevel ?? suggestedLevelOf(withGrade) };
}

/**
 * Re-grades: the grade the hub wrote into the event (so a county's later change of thresholds
 * does not rewrite history on replay), else from the figures. A new grade joins the history
 * with the event's time and seq.
 */
function regrade(incident: Incident, event: HubEvent, given: Incident['grade'] | undefined): Incident {
  const grade = given ?? incidentGrade(incident);
  const changed = grade !== incident.grade || incident.gradeHistory.length === 0;
  const next: Incident = {
    ...incident,
    grade,
    gradeHistory: changed ? [...incident.gradeHistory, { grade, at: event.at, seq: event.seq }] : incident.gradeHistory,
  };
  return { ...next, suggestedLevel: suggestedLevelOf(next) };
}

const CASUALTY_KEYS = [
  'deaths',
  'seriousInjuries',
  'injured',
  'missing',
  'trapped',
  'endangered',
  'relocated',
] as const;

/** Appends the figures to the casualty history when they differ from the last entry (or there is none). */
function recordCasualties(incident: Incident, event: HubEvent): Incident {
  const last = incident.casualtyHistory.at(-1);
  const same =
    last !== undefined &&
    last.directLossWan === incident.directLossWan &&
    CASUALTY_KEYS.every((k) => last.casualties[k] === incident.casualties[k]);
  if (same) return incident;
  const entry = {
    casualties: incident.casualties,
    directLossWan: incident.directLossWan,
    at: event.at,
    seq: event.seq,
    by: event.actor.displayName,
    workstation: event.actor.workstation,
  };
  return { ...incident, casualtyHistory: [...incident.casualtyHistory, entry] };
}

/** A lifecycle step: the new state, who took it and when. */
function step(current: Incident, event: HubEvent, state: IncidentState, fields: Partial<Incident> = {}): RowChange {
  const next: Incident = {
    ...current,
    ...fields,
    state,
    stateHistory: [
      ...current.stateHistory,
      { state, at: event.at, seq: event.seq, by: event.actor.displayName, workstation: event.actor.workstation },
    ],
    updatedAt: event.at,
    lastSeq: event.seq,
  };
  return { table: 'incidents', id: next.id, value: next };
}

/**
 * The one projection from events to rows, used by the hub (its snapshot tables) and by every
 * replica (Dexie). Pure: the caller reads the rows named by `eventReads`, then writes the changes.
 */
export function eventReads(event: HubEvent): Array<RowKey> {
  if (isLinkageEvent(event)) return linkageReads(event);
  if (isTeamEvent(event)) return teamReads(event);
  if (isDutyEvent(event)) return dutyReads(event);
  switch (event.type) {
    case 'incident.reported':
    case 'incident.updated':
    case 'incident.noted':
    case 'incident.verified':
    case 'incident.responseActivated':
    case 'incident.levelChanged':
    case 'incident.suspended':
    case 'incident.resumed':
    case 'incident.terminated':
    case 'incident.closed':
    case 'incident.dismissed':
    case 'incident.reportedUpward':
      return [{ table: 'incidents', id: event.payload.incidentId }];
    case 'entity.upserted':
    case 'entity.deleted':
      return [];
  }
}

export type RowLookup = <T extends ReplicaTable>(table: T, id: string) => ReplicaRowTypes[T] | undefined;

export function projectEvent(event: HubEvent, lookup: RowLookup): Array<RowChange> {
  const incident = (id: string): Incident | undefined => {
    const row = lookup('incidents', id);
    return row ? normalizeIncident(row) : undefined;
  };
  if (isLinkageEvent(event)) return projectLinkage(event, lookup('linkageActions', event.payload.orderId));
  if (isTeamEvent(event)) return projectTeam(event, lookup('rescueTeams', event.payload.teamId));
  if (isDutyEvent(event)) return projectDuty(event, lookup('dutyLog', dutyRowId(event)));
  switch (event.type) {
    case 'incident.reported': {
      const reported: Incident = {
        ...event.payload.report,
        id: event.payload.incidentId,
        mode: event.mode,
        ...(event.drillId === undefined ? {} : { drillId: event.drillId }),
        state: 'reported',
        reportedAt: receivedTime(event.payload.report.receivedAt, event.at),
        reportedBy: event.actor.displayName,
        updatedAt: event.at,
        noteCount: 0,
        lastSeq: event.seq,
        grade: 'general',
        gradeHistory: [],
        suggestedLevel: 4,
        levelHistory: [],
        casualtyHistory: [],
        reports: [],
        stateHistory: [
          {
            state: 'reported',
            at: event.at,
            seq: event.seq,
            by: event.actor.displayName,
            workstation: event.actor.workstation,
          },
        ],
      };
      const next = recordCasualties(regrade(reported, event, event.payload.grade), event);
      return [{ table: 'incidents', id: next.id, value: next }];
    }
    case 'incident.updated': {
      const current = incident(event.payload.incidentId);
      if (!current) return [];
      const { casualties, ...rest } = event.payload.patch;
      const next = recordCasualties(
        regrade(
          {
            ...current,
            ...rest,
            casualties: { ...current.casualties, ...casualties },
            updatedAt: event.at,
            lastSeq: event.seq,
          },
          event,
          event.payload.grade,
        ),
        event,
      );
      return [{ table: 'incidents', id: next.id, value: next }];
    }
    case 'incident.verified': {
      const current = incident(event.payload.incidentId);
      return current ? [step(current, event, 'verified', { verifiedAt: event.at })] : [];
    }
    case 'incident.responseActivated': {
      const current = incident(event.payload.incidentId);
      if (!current) return [];
      const { level } = event.payload;
      return [
        step(current, event, 'responding', {
          level,
          respondingSince: current.respondingSince ?? event.at,
          levelHistory: [
            ...current.levelHistory,
            { level, at: event.at, seq: event.seq, by: event.actor.displayName, reason: '' },
          ],
        }),
      ];
    }
    case 'incident.levelChanged': {
      const current = incident(event.payload.incidentId);
      if (!current) return [];
      const { level, reason } = event.payload;
      const next: Incident = {
        ...current,
        level,
        levelHistory: [
          ...current.levelHistory,
          { level, at: event.at, seq: event.seq, by: event.actor.displayName, reason },
        ],
        updatedAt: event.at,
        lastSeq: event.seq,
      };
      return [{ table: 'incidents', id: next.id, value: next }];
    }
    case 'incident.suspended': {
      const current = incident(event.payload.incidentId);
      return current
        ? [step(current, event, 'suspended', { suspendedAt: event.at, suspendedReason: event.payload.reason })]
        : [];
    }
    case 'incident.resumed': {
      const current = incident(event.payload.incidentId);
      return current ? [step(current, event, 'responding')] : [];
    }
    case 'incident.terminated': {
      const current = incident(event.payload.incidentId);
      return current
        ? [step(current, event, 'terminated', { terminatedAt: event.at, terminatedReason: event.payload.reason })]
        : [];
    }
    case 'incident.closed': {
      const current = incident(event.payload.incidentId);
      return current
        ? [step(current, event, 'closed', { closedAt: event.at, closeSummary: event.payload.summary })]
        : [];
    }
    case 'incident.dismissed': {
      const current = incident(event.payload.incidentId);
      return current
        ? [step(current, event, 'dismissed', { dismissedAt: event.at, dismissedReason: event.payload.reason })]
        : [];
    }
    case 'incident.reportedUpward': {
      const current = incident(event.payload.incidentId);
      if (!current) return [];
      const { recipientLevel, recipient, reportedAt, by } = event.payload;
      const next: Incident = {
        ...current,
        reports: [...current.reports, { recipientLevel, recipient, reportedAt, by, seq: event.seq }],
        updatedAt: event.at,
        lastSeq: event.seq,
      };
      return [{ table: 'incidents', id: next.id, value: next }];
    }
    case 'incident.noted': {
      const current = incident(event.payload.incidentId);
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
