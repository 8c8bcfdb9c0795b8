import type { CommandHandlerFactory } from '../types';
import { refuse } from '../types';
import { dutyEvent } from './duty-event';

/** duty.log → duty.logged: a line of the duty log (值班日志), with who, when and where. */
export const createDutyLog: CommandHandlerFactory<'duty.log'> = ({ reads }) => {
  return (ctx, payload) => {
    if (reads.getRow('dutyLog', payload.entryId)) {
      return refuse('conflict', `duty log entry ${payload.entryId} already exists`);
    }
    return {
      ok: true,
      events: [
        dutyEvent(ctx, 'duty.logged', { entryId: payload.entryId, category: payload.category, text: payload.text }),
      ],
    };
  };
};
