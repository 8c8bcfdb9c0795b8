import type { CommandHandlerFactory } from '../types';
import { checkOrderStep, orderEvent } from './order';

/** linkage.complete → linkage.completed: the department reports the task done (signed or in progress). */
export const createLinkageComplete: CommandHandlerFactory<'linkage.complete'> = ({ reads }) => {
  return (ctx, payload) => {
    const checked = checkOrderStep(reads, ctx, payload.orderId, 'complete');
    if (!checked.ok) return checked.refusal;
    const text = payload.text === undefined || payload.text === '' ? {} : { text: payload.text };
    return { ok: true, events: [orderEvent(ctx, reads, checked.order, 'linkage.completed', text)] };
  };
};
