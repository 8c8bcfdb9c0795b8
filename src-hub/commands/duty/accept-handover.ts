import { checkAcceptHandover } from '@common/rules/handover-rules';
import type { CommandHandlerFactory } from '../types';
import { refuse } from '../types';
import { dutyEvent } from './duty-event';

/**
 * duty.acceptHandover → duty.handoverAccepted (接班): the incoming officer has read the handover.
 * Refused when it does not exist, is already acknowledged, or the acceptor handed it over.
 */
export const createDutyAcceptHandover: CommandHandlerFactory<'duty.acceptHandover'> = ({ reads }) => {
  return (ctx, payload) => {
    const row = reads.getRow('dutyLog', payload.handoverId);
    const checked = checkAcceptHandover(row, ctx.actor.userId, payload.handoverId);
    if (!checked.ok) return refuse(checked.error.code, checked.error.message);
    return {
      ok: true,
      events: [dutyEvent(ctx, 'duty.handoverAccepted', { handoverId: payload.handoverId, remarks: payload.remarks })],
    };
  };
};
