import type { CommandHandlerFactory } from '../types';

/** entity.upsert → entity.upserted: base data (admin). Base data is always real. */
export const createEntityUpsert: CommandHandlerFactory<'entity.upsert'> = () => {
  return (ctx, payload) => ({
    ok: true,
    events: [
      {
        type: 'entity.upserted',
        at: ctx.at,
        actor: ctx.actor,
        mode: 'real',
        commandId: ctx.commandId,
        payload,
      },
    ],
  });
};
