import type { CommandHandlerFactory } from '../types';
import { drillRule, refuse } from '../types';

const FINAL_STATES = new Set(['closed', 'dismissed']);

/** incident.update → incident.updated: a change to reported facts (not to the lifecycle state). */
export const createIncidentUpdate: CommandHandlerFactory<'incident.update'> = ({ reads }) => {
  return (ctx, payload) => {
    const incident = reads.getRow('incidents', payload.incidentId);
    if (!incident) return refuse('not_found', `incident ${payload.incidentId} does not exist`);
    const denied = drillRule(ctx, incident.mode);
    if (denied) return denied;
    if (FINAL_STATES.has(incident.state)) {
      return refuse('invalid_transition', `incident ${incident.id} is ${incident.state}; it can no longer change`);
    }
    return {
      ok: true,
      events: [
        {
          type: 'incident.updated',
          at: ctx.at,
          actor: ctx.actor,
          mode: incident.mode,
          ...(incident.drillId === undefined ? {} : { drillId: incident.drillId }),
          commandId: ctx.commandId,
          payload: { incidentId: incident.id, patch: payload.patch },
        },
      ],
    };
  };
};
