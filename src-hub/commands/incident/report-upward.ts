import type { CommandHandlerFactory } from '../types';
import { refuse } from '../types';
import { checkStep, emit, incidentEvent } from './lifecycle';

/** How far ahead of the hub's clock a report time may be (workstation clocks drift). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** incident.reportUpward → incident.reportedUpward: a report to a higher level was made (who, to whom, when). */
export const createIncidentReportUpward: CommandHandlerFactory<'incident.reportUpward'> = ({ reads }) => {
  return (ctx, payload) => {
    const checked = checkStep(reads, ctx, payload.incidentId, { type: 'reportUpward' });
    if (!checked.ok) return checked.refusal;
    if (Date.parse(payload.reportedAt) > Date.parse(ctx.at) + FUTURE_TOLERANCE_MS) {
      return refuse('invalid_payload', `payload.reportedAt: ${payload.reportedAt} is in the future`);
    }
    return emit(
      incidentEvent(ctx, checked.incident, 'incident.reportedUpward', { ...payload, incidentId: checked.incident.id }),
    );
  };
};
