import type { CommandHandlerFactory } from '../types';
import { releaseTeam } from './drafts';
import { checkOrderStep, orderEvent } from './order';

/** linkage.cancel → linkage.cancelled: the officer withdraws an open or declined order. */
export const createLinkageCancel: CommandHandlerFactory<'linkage.cancel'> = ({ reads }) => {
  return (ctx, payload) => {
    const checked = checkOrderStep(reads, ctx, payload.orderId, 'cancel');
    if (!checked.ok) return checked.refusal;
    return {
      ok: true,
      events: [
        orderEvent(ctx, reads, checked.order, 'linkage.cancelled', { reason: payload.reason }),
        ...releaseTeam(reads, ctx, checked.order),
      ],
    };
  };
};
