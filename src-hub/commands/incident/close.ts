import type { CommandHandlerFactory } from '../types';
import { checkStep, emit, incidentEvent } from './lifecycle';

/** incident.close → incident.closed (善后/结案): terminated → closed, or verified → closed when no county response is needed (办结), with a summary. */
export const createIncidentClose: CommandHandlerFactory<'incident.close'> = ({ reads }) => {
  return (ctx, payload) => {
    const checked = checkStep(reads, ctx, payload.incidentId, { type: 'close' });
    if (!checked.ok) return checked.refusal;
    return emit(
      incidentEvent(ctx, checked.incident, 'incident.closed', {
        incidentId: checked.incident.id,
        summary: payload.summary,
      }),
    );
  };
};
