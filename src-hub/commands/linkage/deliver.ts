import type { NewEvent } from '@common/protocol/events';
import type { CommandHandlerFactory } from '../types';
import { refuse } from '../types';
import { orderAccess, orderEvent } from './order';

/**
 * linkage.deliver → linkage.delivered for each order still `sent`: the liaison's workstation
 * has them. Idempotent for a reconnecting inbox: orders already delivered, signed or further on
 * (or closed) are skipped, and if none is left the answer is the seq since which they hold.
 * An unknown order or another department's refuses the whole list.
 */
export const createLinkageDeliver: CommandHandlerFactory<'linkage.deliver'> = ({ reads }) => {
  return (ctx, payload) => {
    const events: Array<NewEvent> = [];
    const seen = new Set<string>();
    let holdsSince = 0;
    for (const [i, orderId] of payload.orderIds.entries()) {
      if (seen.has(orderId)) continue;
      seen.add(orderId);
      const order = reads.getRow('linkageActions', orderId);
      if (!order) return refuse('not_found', `payload.orderIds[${i}]: order ${orderId} does not exist`);
      const denied = orderAccess(ctx, order, 'deliver', `orderIds[${i}]`);
      if (denied) return denied;
      if (order.state === 'sent') events.push(orderEvent(ctx, reads, order, 'linkage.delivered', {}));
      else holdsSince = Math.max(holdsSince, order.lastSeq);
    }
    return { ok: true, events, holdsSince };
  };
};
