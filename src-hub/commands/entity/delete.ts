import type { CommandHandlerFactory } from '../types';
import { refuse } from '../types';

/** entity.delete → entity.deleted (admin). */
export const createEntityDelete: CommandHandlerFactory<'entity.delete'> = ({ reads }) => {
  return (ctx, payload) => {
    if (!reads.getRow(payload.kind, payload.id))
      return refuse('not_found', `${payload.kind} ${payload.id} does not exist`);
    return {
      ok: true,
      events: [
        {
          type: 'entity.deleted',
          at: ctx.at,
          actor: ctx.actor,
          mode: 'real',
          commandId: ctx.commandId,
          payload: { kind: payload.kind, id: payload.id },
        },
      ],
    };
  };
};
