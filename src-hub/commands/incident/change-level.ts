import type { CommandHandlerFactory } from '../types';
import { refuse } from '../types';
import { checkStep, emit, incidentEvent } from './lifecycle';

/** incident.changeLevel → incident.levelChanged: raise or lower the response level while responding. */
export const createIncidentChangeLevel: CommandHandlerFactory<'incident.changeLevel'> = ({ reads }) => {
  return (ctx, payload) => {
    const checked = checkStep(reads, ctx, payload.incidentId, { type: 'changeLevel', level: payload.level });
    if (!checked.ok) return checked.refusal;
    const from = checked.incident.level;
    if (from === undefined) return refuse('internal', `incident ${checked.incident.id} is responding without a level`);
    return emit(
      incidentEvent(ctx, checked.incident, 'incident.levelChanged', {
        incidentId: checked.incident.id,
        from,
        level: payload.level,
        reason: payload.reason,
      }),
    );
  };
};
