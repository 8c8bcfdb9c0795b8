import type { CommandHandlerFactory } from '../types';
import { releaseTeam } from './drafts';
import { checkOrderStep, orderEvent } from './order';

/** linkage.decline → linkage.declined: the department cannot take the order; the officer must reassign or cancel. */
export const createLinkageDecline: CommandHandlerFactory<'linkage.decline'> = ({ reads }) => {
  return (ctx, payload) => {
    const checked = checkOrderStep(reads, ctx, payload.orderId, 'decline');
    if (!checked.ok) return checked.refusal;
    return {
      ok: true,
      events: [
        orderEvent(ctx, reads, checked.order, 'linkage.declined', { reason: payload.reason }),
        ...releaseTeam(reads, ctx, checked.order),
      ],
    };
  };
};
