import type { CommandHandlerFactory } from '../types';
import { checkStep, emit, incidentEvent } from './lifecycle';

/** incident.terminate → incident.terminated (响应终止): responding or suspended → terminated. */
export const createIncidentTerminate: CommandHandlerFactory<'incident.terminate'> = ({ reads }) => {
  return (ctx, payload) => {
    const checked = checkStep(reads, ctx, payload.incidentId, { type: 'terminate' });
    if (!checked.ok) return checked.refusal;
    return emit(
      incidentEvent(ctx, checked.incident, 'incident.terminated', {
        incidentId: checked.incident.id,
        reason: payload.reason,
      }),
    );
  };
};
