import type { EventOf, HubEvent } from '../protocol/events';
import type { LinkageAction, LinkageState } from '../schemas/linkage-action';
import type { RescueTeam } from '../schemas/rescue-team';
import type { RowChange, RowKey } from './tables';

export type LinkageEvent = Extract<HubEvent, { type: `linkage.${string}` }>;
export type TeamEvent = Extract<HubEvent, { type: `team.${string}` }>;

export function isLinkageEvent(event: HubEvent): event is LinkageEvent {
  return event.type.startsWith('linkage.');
}
export function isTeamEvent(event: HubEvent): event is TeamEvent {
  return event.type.startsWith('team.');
}

export function linkageReads(event: LinkageEvent): Array<RowKey> {
  return [{ table: 'linkageActions', id: event.payload.orderId }];
}
export function teamReads(event: TeamEvent): Array<RowKey> {
  return [{ table: 'rescueTeams', id: event.payload.teamId }];
}

/** A step of the order: the new state, who took it and when, from which workstation. */
function step(order: LinkageAction, event: HubEvent, state: LinkageState, fields: Partial<LinkageAction>): RowChange {
  const value: LinkageAction = {
    ...order,
    ...fields,
    state,
    history: [
      ...order.history,
      { state, at: event.at, seq: event.seq, by: event.actor.displayName, workstation: event.actor.workstation },
    ],
    updatedAt: event.at,
    lastSeq: event.seq,
  };
  return { table: 'linkageActions', id: value.id, value };
}

function sent(event: EventOf<'linkage.sent'>): LinkageAction {
  const { orderId, incidentId, departmentId, task, planId, teamId, signDeadline, completeDeadline, reassignedFrom } =
    event.payload;
  return {
    id: orderId,
    incidentId,
    mode: event.mode,
    departmentId,
    task,
    ...(planId === undefined ? {} : { planId }),
    ...(teamId === undefined ? {} : { teamId }),
    state: 'sent',
    sentAt: event.at,
    sentBy: event.actor.displayName,
    signDeadline,
    ...(completeDeadline === undefined ? {} : { completeDeadline }),
    ...(reassignedFrom === undefined ? {} : { reassignedFrom }),
    signedLate: false,
    overdueLevel: 0,
    feedback: [],
    history: [
      {
        state: 'sent',
        at: event.at,
        seq: event.seq,
        by: event.actor.displayName,
        workstation: event.actor.workstation,
      },
    ],
    updatedAt: event.at,
    lastSeq: event.seq,
  };
}

/** Linkage events → the `linkageActions` row (the hub has checked every transition). */
export function projectLinkage(event: LinkageEvent, current: LinkageAction | undefined): Array<RowChange> {
  if (event.type === 'linkage.sent') {
    return [{ table: 'linkageActions', id: event.payload.orderId, value: sent(event) }];
  }
  if (!current) return [];
  switch (event.type) {
    case 'linkage.delivered':
      return [step(current, event, 'delivered', { deliveredAt: event.at })];
    case 'linkage.signed':
      return [
        step(current, event, 'signed', {
          signedAt: event.at,
          signedBy: event.actor.displayName,
          signedLate: event.payload.late,
          deliveredAt: current.deliveredAt ?? event.at,
        }),
      ];
    case 'linkage.feedbackPosted': {
      const { feedbackId, text, personnel, vehicles, position } = event.payload;
      const entry = {
        id: feedbackId,
        at: event.at,
        by: event.actor.displayName,
        workstation: event.actor.workstation,
        text,
        personnel,
        vehicles,
        ...(position === undefined ? {} : { position }),
      };
      // The first feedback moves signed → in_progress; later ones add to the list only.
      if (current.state === 'in_progress') {
        const value: LinkageAction = {
          ...current,
          feedback: [...current.feedback, entry],
          updatedAt: event.at,
          lastSeq: event.seq,
        };
        return [{ table: 'linkageActions', id: value.id, value }];
      }
      return [step(current, event, 'in_progress', { feedback: [...current.feedback, entry] })];
    }
    case 'linkage.completed':
      return [step(current, event, 'completed', { completedAt: event.at })];
    case 'linkage.declined':
      return [step(current, event, 'declined', { declinedAt: event.at, declineReason: event.payload.reason })];
    case 'linkage.cancelled':
      return [step(current, event, 'cancelled', { cancelledAt: event.at, cancelReason: event.payload.reason })];
    case 'linkage.reassigned': {
      const value: LinkageAction = {
        ...current,
        reassignedTo: event.payload.toOrderId,
        updatedAt: event.at,
        lastSeq: event.seq,
      };
      return [{ table: 'linkageActions', id: value.id, value }];
    }
    case 'linkage.overdue': {
      const value: LinkageAction = {
        ...current,
        overdueLevel: Math.max(current.overdueLevel, event.payload.level),
        overdueAt: current.overdueAt ?? event.at,
        updatedAt: event.at,
        lastSeq: event.seq,
      };
      return [{ table: 'linkageActions', id: value.id, value }];
    }
  }
}

/** Team events → the `rescueTeams` row. */
export function projectTeam(event: TeamEvent, current: RescueTeam | undefined): Array<RowChange> {
  if (!current) return [];
  switch (event.type) {
    case 'team.statusChanged':
      return [{ table: 'rescueTeams', id: current.id, value: { ...current, status: event.payload.status } }];
    case 'team.positionUpdated':
      return [{ table: 'rescueTeams', id: current.id, value: { ...current, location: event.payload.location } }];
  }
}
