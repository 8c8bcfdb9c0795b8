import type { CommandHandlerFactory } from '../types';
import { checkStep, emit, incidentEvent } from './lifecycle';

/** incident.dismiss → incident.dismissed (误报): reported or verified → dismissed, with a reason. */
export const createIncidentDismiss: CommandHandlerFactory<'incident.dismiss'> = ({ reads }) => {
  return (ctx, payload) => {
    const checked = checkStep(reads, ctx, payload.incidentId, { type: 'dismiss' });
    if (!checked.ok) return checked.refusal;
    return emit(
      incidentEvent(ctx, checked.incident, 'incident.dismissed', {
        incidentId: checked.incident.id,
        reason: payload.reason,
      }),
    );
  };
};
