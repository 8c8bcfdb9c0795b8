import type { CommandHandlerFactory } from '../types';
import { checkStep, emit, incidentEvent } from './lifecycle';

/** incident.activateResponse → incident.responseActivated (启动响应): verified → responding at a level. */
export const createIncidentActivateResponse: CommandHandlerFactory<'incident.activateResponse'> = ({ reads }) => {
  return (ctx, payload) => {
    const checked = checkStep(reads, ctx, payload.incidentId, { type: 'activateResponse', level: payload.level });
    if (!checked.ok) return checked.refusal;
    return emit(
      incidentEvent(ctx, checked.incident, 'incident.responseActivated', {
        incidentId: checked.incident.id,
        level: payload.level,
      }),
    );
  };
};
