import type { CommandHandlerFactory } from '../types';
import { checkStep, emit, incidentEvent } from './lifecycle';

/** incident.resume → incident.resumed: suspended → responding at the same level. */
export const createIncidentResume: CommandHandlerFactory<'incident.resume'> = ({ reads }) => {
  return (ctx, payload) => {
    const checked = checkStep(reads, ctx, payload.incidentId, { type: 'resume' });
    if (!checked.ok) return checked.refusal;
    return emit(incidentEvent(ctx, checked.incident, 'incident.resumed', { incidentId: checked.incident.id }));
  };
};
