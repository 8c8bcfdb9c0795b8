import type { NewEvent } from '@common/protocol/events';
import { deadlineAfter } from '@common/rules/linkage-machine';
import type { Incident } from '@common/schemas/incident';
import type { LinkageAction } from '@common/schemas/linkage-action';
import type { RescueTeam } from '@common/schemas/rescue-team';
import type { StoreReads } from '../../store/types';
import type { CommandContext, HandlerResult } from '../types';
import { refuse } from '../types';

/** One order to send, in the shape both `linkage.send` and `linkage.reassign` give. */
export type OrderToSend = {
  orderId: string;
  departmentId: string;
  task: string;
  planId?: string | undefined;
  teamId?: string | undefined;
  signMinutes: number;
  completeMinutes?: number | undefined;
  reassignedFrom?: string | undefined;
};

/** Incidents past these states take no new orders. */
const NO_ORDERS: ReadonlyArray<Incident['state']> = ['closed', 'dismissed'];

export function incidentTakesOrders(incident: Incident, field = 'incidentId'): HandlerResult | null {
  if (NO_ORDERS.includes(incident.state)) {
    return refuse('invalid_transition', `payload.${field}: the incident is ${incident.state}: cannot send orders`);
  }
  return null;
}

/**
 * Checks a set of orders against the store and each other; all or nothing. `path(i, field)`
 * names the field in a refusal (e.g. `payload.orders[3].departmentId`). Returns the teams
 * each order dispatches, in order.
 */
export function checkOrders(
  reads: StoreReads,
  orders: ReadonlyArray<OrderToSend>,
  path: (i: number, field: string) => string,
): { ok: true; teams: Array<RescueTeam | undefined> } | { ok: false; refusal: HandlerResult } {
  const ids = new Set<string>();
  const teamIds = new Set<string>();
  const knownDepartments = new Set<string>();
  const teams: Array<RescueTeam | undefined> = [];
  for (const [i, o] of orders.entries()) {
    const no = (code: 'conflict' | 'not_found' | 'invalid_payload', field: string, message: string) =>
      ({ ok: false, refusal: refuse(code, `${path(i, field)}: ${message}`) }) as const;
    if (ids.has(o.orderId) || reads.getRow('linkageActions', o.orderId)) {
      return no('conflict', 'orderId', `order ${o.orderId} already exists`);
    }
    ids.add(o.orderId);
    // NOTE: a set names few departments many times (200 orders to 30): look each up once.
    if (!knownDepartments.has(o.departmentId) && !reads.getRow('departments', o.departmentId)) {
      return no('not_found', 'departmentId', `department ${o.departmentId} does not exist`);
    }
    knownDepartments.add(o.departmentId);
    if (o.planId !== undefined && !reads.getRow('plans', o.planId)) {
      return no('not_found', 'planId', `plan ${o.planId} does not exist`);
    }
    if (o.teamId === undefined) {
      teams.push(undefined);
      continue;
    }
    const team = reads.getRow('rescueTeams', o.teamId);
    if (!team) return no('not_found', 'teamId', `team ${o.teamId} does not exist`);
    if (team.departmentId !== o.departmentId) {
      return no(
        'invalid_payload',
        'teamId',
        `team ${o.teamId} belongs to department ${team.departmentId}, not ${o.departmentId}`,
      );
    }
    if (teamIds.has(team.id)) return no('conflict', 'teamId', `team ${team.id} is named by two orders of this set`);
    if (team.status !== 'available') {
      return no('conflict', 'teamId', `team ${team.id} is ${team.status}, not available`);
    }
    teamIds.add(team.id);
    teams.push(team);
  }
  return { ok: true, teams };
}

/** The events of one order sent: `linkage.sent`, and the named team dispatched. */
export function sentEvents(
  ctx: CommandContext,
  incident: Incident,
  o: OrderToSend,
  team: RescueTeam | undefined,
): Array<NewEvent> {
  const envelope = {
    at: ctx.at,
    actor: ctx.actor,
    mode: incident.mode,
    ...(incident.drillId === undefined ? {} : { drillId: incident.drillId }),
    commandId: ctx.commandId,
  };
  const events: Array<NewEvent> = [
    {
      ...envelope,
      type: 'linkage.sent',
      payload: {
        orderId: o.orderId,
        incidentId: incident.id,
        departmentId: o.departmentId,
        task: o.task,
        ...(o.planId === undefined ? {} : { planId: o.planId }),
        ...(o.teamId === undefined ? {} : { teamId: o.teamId }),
        // The hub's clock sets the deadlines, never the sender's.
        signDeadline: deadlineAfter(ctx.at, o.signMinutes),
        ...(o.completeMinutes === undefined ? {} : { completeDeadline: deadlineAfter(ctx.at, o.completeMinutes) }),
        ...(o.reassignedFrom === undefined ? {} : { reassignedFrom: o.reassignedFrom }),
      },
    },
  ];
  if (team) {
    events.push({
      ...envelope,
      type: 'team.statusChanged',
      payload: { teamId: team.id, status: 'dispatched', orderId: o.orderId, incidentId: incident.id },
    });
  }
  return events;
}

/**
 * An order that dispatched a team ends before the team did anything (declined, cancelled): a
 * team still only `dispatched` is available again; one already moving turns back (`returning`).
 */
export function releaseTeam(reads: StoreReads, ctx: CommandContext, order: LinkageAction): Array<NewEvent> {
  if (order.teamId === undefined) return [];
  const team = reads.getRow('rescueTeams', order.teamId);
  if (!team) return [];
  const status =
    team.status === 'dispatched'
      ? 'available'
      : team.status === 'en_route' || team.status === 'on_scene'
        ? 'returning'
        : undefined;
  if (status === undefined) return [];
  const drillId = reads.getRow('incidents', order.incidentId)?.drillId;
  return [
    {
      type: 'team.statusChanged',
      at: ctx.at,
      actor: ctx.actor,
      mode: order.mode,
      ...(drillId === undefined ? {} : { drillId }),
      commandId: ctx.commandId,
      payload: { teamId: team.id, status, orderId: order.id, incidentId: order.incidentId },
    },
  ];
}
