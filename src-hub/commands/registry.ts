import { createEntityDelete } from './entity/delete';
import { createEntityUpsert } from './entity/upsert';
import { createIncidentNote } from './incident/note';
import { createIncidentReport } from './incident/report';
import { createIncidentUpdate } from './incident/update';
import type { CommandDeps, CommandHandlers } from './types';

/** One handler per command type; adding a command type to src-common without one fails to compile. */
export function createCommandHandlers(deps: CommandDeps): CommandHandlers {
  return {
    'incident.report': createIncidentReport(deps),
    'incident.update': createIncidentUpdate(deps),
    'incident.note': createIncidentNote(deps),
    'entity.upsert': createEntityUpsert(deps),
    'entity.delete': createEntityDelete(deps),
  };
}
