import type { Mode } from '@common/schemas/common';
import type { RescueTeam } from '@common/schemas/rescue-team';
import type { CommandContext, HandlerResult } from '../types';
import { drillRule, refuse } from '../types';

/**
 * A team is moved by the command center (the desk roles; positions also by the admin's
 * field-data account) or by a liaison of the team's own department. COMMAND_ROLES has already
 * limited the roles; here the liaison's department and the drill rule.
 */
export function teamAccess(ctx: CommandContext, team: RescueTeam, mode: Mode): HandlerResult | null {
  if (ctx.actor.role === 'liaison' && ctx.departmentId !== team.departmentId) {
    return refuse(
      'forbidden',
      `payload.teamId: team ${team.id} belongs to department ${team.departmentId}; only its liaison or the desk may move it`,
    );
  }
  return drillRule(ctx, mode);
}
