import type { CommandHandlerFactory } from '../types';
import { drillRule, refuse } from '../types';

/** incident.note → incident.noted: a line in the incident's log (who, when, from where). */
export const createIncidentNote: CommandHandlerFactory<'incident.note'> = ({ reads }) => {
  return (ctx, payload) => {
    const incident = reads.getRow('incidents', payload.incidentId);
    if (!incident) return refuse('not_found', `incident ${payload.incidentId} does not exist`);
    const denied = drillRule(ctx, incident.mode);
    if (denied) return denied;
    if (reads.getRow('incidentNotes', payload.noteId)) {
      return refuse('conflict', `note ${payload.noteId} already exists`);
    }
    return {
      ok: true,
      events: [
        {
          type: 'incident.noted',
          at: ctx.at,
          actor: ctx.actor,
          mode: incident.mode,
          ...(incident.drillId === undefined ? {} : { drillId: incident.drillId }),
          commandId: ctx.commandId,
          payload: { incidentId: incident.id, noteId: payload.noteId, text: payload.text },
        },
      ],
    };
  };
};
