import type { CommandHandlerFactory } from '../types';
import { checkStep, emit, incidentEvent } from './lifecycle';

/** incident.verify → incident.verified (核实): reported → verified. */
export const createIncidentVerify: CommandHandlerFactory<'incident.verify'> = ({ reads }) => {
  return (ctx, payload) => {
    const checked = checkStep(reads, ctx, payload.incidentId, { type: 'verify' });
    if (!checked.ok) return checked.refusal;
    return emit(incidentEvent(ctx, checked.incident, 'incident.verified', { incidentId: checked.incident.id }));
  };
};
