import { incidentGrade } from '@common/rules/accident-grade';
import { receivedAtProblem } from '@common/rules/intake';
import type { CommandHandlerFactory } from '../types';
import { drillRule, refuse } from '../types';

/**
 * incident.report → incident.reported. The client makes the incident id (so it works offline).
 * The event carries the Art. 3 grade of the reported figures (the ingest API comes through here too).
 */
export const createIncidentReport: CommandHandlerFactory<'incident.report'> = ({ reads }) => {
  return (ctx, payload) => {
    const denied = drillRule(ctx, payload.mode);
    if (denied) return denied;
    if (payload.mode === 'real' && payload.drillId !== undefined) {
      return refuse('invalid_payload', 'payload.drillId: only a drill incident has a drillId');
    }
    const late = receivedAtProblem(payload.report.receivedAt, ctx.at);
    if (late) return refuse('invalid_payload', `payload.report.receivedAt: ${late}`);
    if (reads.getRow('incidents', payload.incidentId)) {
      return refuse('conflict', `incident ${payload.incidentId} already exists`);
    }
    return {
      ok: true,
      events: [
        {
          type: 'incident.reported',
          at: ctx.at,
          actor: ctx.actor,
          mode: payload.mode,
          ...(payload.drillId === undefined ? {} : { drillId: payload.drillId }),
          commandId: ctx.commandId,
          payload: { incidentId: payload.incidentId, report: payload.report, grade: incidentGrade(payload.report) },
        },
      ],
    };
  };
};
