import { teamStatusTransition } from '@common/rules/team-status';
import type { CommandHandlerFactory } from '../types';
import { refuse } from '../types';
import { teamAccess } from './access';

/**
 * team.status → team.statusChanged, along the plausible moves (rules/team-status.ts). With
 * `orderId`, the dispatch order this step belongs to (it must name the team); the event then
 * carries the order's incident and mode.
 */
export const createTeamStatus: CommandHandlerFactory<'team.status'> = ({ reads }) => {
  return (ctx, payload) => {
    const team = reads.getRow('rescueTeams', payload.teamId);
    if (!team) return refuse('not_found', `payload.teamId: team ${payload.teamId} does not exist`);
    let order;
    if (payload.orderId !== undefined) {
      order = reads.getRow('linkageActions', payload.orderId);
      if (!order) return refuse('not_found', `payload.orderId: order ${payload.orderId} does not exist`);
      if (order.teamId !== team.id) {
        return refuse('invalid_payload', `payload.orderId: order ${order.id} does not dispatch team ${team.id}`);
      }
    }
    const mode = order?.mode ?? 'real';
    const denied = teamAccess(ctx, team, mode);
    if (denied) return denied;
    if (payload.status === 'dispatched') {
      return refuse(
        'invalid_payload',
        'payload.status: a team is dispatched by a linkage order naming it (linkage.send)',
      );
    }
    const moved = teamStatusTransition(team.status, payload.status);
    if (!moved.ok) return refuse(moved.error.code, `payload.status: ${moved.error.message}`);
    const drillId = order ? reads.getRow('incidents', order.incidentId)?.drillId : undefined;
    return {
      ok: true,
      events: [
        {
          type: 'team.statusChanged',
          at: ctx.at,
          actor: ctx.actor,
          mode,
          ...(drillId === undefined ? {} : { drillId }),
          commandId: ctx.commandId,
          payload: {
            teamId: team.id,
            status: payload.status,
            ...(order ? { orderId: order.id, incidentId: order.incidentId } : {}),
          },
        },
      ],
    };
  };
};
