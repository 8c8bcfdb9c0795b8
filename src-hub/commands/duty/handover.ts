import type { CommandHandlerFactory } from '../types';
import { refuse } from '../types';
import { dutyEvent } from './duty-event';

/**
 * duty.handover → duty.handedOver (交班): the outgoing officer's summary and remarks, recorded as
 * given — what was handed over is what the log keeps, whatever changes after.
 */
export const createDutyHandover: CommandHandlerFactory<'duty.handover'> = ({ reads }) => {
  return (ctx, payload) => {
    if (reads.getRow('dutyLog', payload.handoverId)) {
      return refuse('conflict', `duty log entry ${payload.handoverId} already exists`);
    }
    // A summary from the future would misstate what was open at hand-over time.
    if (Date.parse(payload.summary.generatedAt) > Date.parse(ctx.at) + 60_000) {
      return refuse('invalid_payload', `summary.generatedAt ${payload.summary.generatedAt} is in the future`);
    }
    return {
      ok: true,
      events: [
        dutyEvent(ctx, 'duty.handedOver', {
          handoverId: payload.handoverId,
          summary: payload.summary,
          remarks: payload.remarks,
        }),
      ],
    };
  };
};
