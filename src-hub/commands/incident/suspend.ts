import type { CommandHandlerFactory } from '../types';
import { checkStep, emit, incidentEvent } from './lifecycle';

/** incident.suspend → incident.suspended: responding → suspended, with a reason. */
export const createIncidentSuspend: CommandHandlerFactory<'incident.suspend'> = ({ reads }) => {
  return (ctx, payload) => {
    const checked = checkStep(reads, ctx, payload.incidentId, { type: 'suspend' });
    if (!checked.ok) return checked.refusal;
    return emit(
      incidentEvent(ctx, checked.incident, 'incident.suspended', {
        incidentId: checked.incident.id,
        reason: payload.reason,
      }),
    );
  };
};
