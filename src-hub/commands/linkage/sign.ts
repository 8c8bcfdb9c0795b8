import type { CommandHandlerFactory } from '../types';
import { checkOrderStep, orderEvent } from './order';

/**
 * linkage.sign → linkage.signed (签收). Signing implies delivery (the projection fills
 * `deliveredAt`). Past the sign-off deadline by the hub's clock the signature is recorded as
 * late, not refused: a late answer is still an answer.
 */
export const createLinkageSign: CommandHandlerFactory<'linkage.sign'> = ({ reads }) => {
  return (ctx, payload) => {
    const checked = checkOrderStep(reads, ctx, payload.orderId, 'sign');
    if (!checked.ok) return checked.refusal;
    const late = Date.parse(ctx.at) > Date.parse(checked.order.signDeadline);
    return { ok: true, events: [orderEvent(ctx, reads, checked.order, 'linkage.signed', { late })] };
  };
};
