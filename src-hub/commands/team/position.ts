import { COUNTY } from '@common/domain/county';
import type { CommandHandlerFactory } from '../types';
import { refuse } from '../types';
import { teamAccess } from './access';

/** team.position → team.positionUpdated: where the team is now (GPS gateway, simulator, liaison). */
export const createTeamPosition: CommandHandlerFactory<'team.position'> = ({ reads }) => {
  return (ctx, payload) => {
    const team = reads.getRow('rescueTeams', payload.teamId);
    if (!team) return refuse('not_found', `payload.teamId: team ${payload.teamId} does not exist`);
    // NOTE: an admin (field-data account) has no drill restriction; positions are real-world facts.
    const denied = teamAccess(ctx, team, 'real');
    if (denied) return denied;
    const [west, south, east, north] = COUNTY.bbox;
    const { lng, lat } = payload.location;
    if (lng < west || lng > east || lat < south || lat > north) {
      return refuse(
        'invalid_payload',
        `payload.location: ${lng},${lat} is outside the county (${west}–${east} E, ${south}–${north} N)`,
      );
    }
    return {
      ok: true,
      events: [
        {
          type: 'team.positionUpdated',
          at: ctx.at,
          actor: ctx.actor,
          mode: 'real',
          commandId: ctx.commandId,
          payload: { teamId: team.id, location: payload.location },
        },
      ],
    };
  };
};
