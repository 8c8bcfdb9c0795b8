import { incidentGrade } from '@common/rules/accident-grade';
import type { CommandHandlerFactory } from '../types';
import { checkStep, emit, incidentEvent } from './lifecycle';

/**
 * incident.update → incident.updated: a change to reported facts (not to the lifecycle state).
 * The machine allows it until the incident is closed or dismissed. The event carries the grade
 * of the figures after the patch, which the projection records (with its history).
 */
export const createIncidentUpdate: CommandHandlerFactory<'incident.update'> = ({ reads }) => {
  return (ctx, payload) => {
    const checked = checkStep(reads, ctx, payload.incidentId, { type: 'update' });
    if (!checked.ok) return checked.refusal;
    const { incident } = checked;
    const grade = incidentGrade({
      casualties: { ...incident.casualties, ...payload.patch.casualties },
      directLossWan: payload.patch.directLossWan ?? incident.directLossWan,
    });
    return emit(
      incidentEvent(ctx, incident, 'incident.updated', { incidentId: incident.id, patch: payload.patch, grade }),
    );
  };
};
