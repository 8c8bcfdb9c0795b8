import type { CommandHandlerFactory } from '../types';
import { refuse } from '../types';
import { checkOrderStep, orderEvent } from './order';

/** linkage.feedback → linkage.feedbackPosted: progress from the department (text, people, vehicles, position). */
export const createLinkageFeedback: CommandHandlerFactory<'linkage.feedback'> = ({ reads }) => {
  return (ctx, payload) => {
    const checked = checkOrderStep(reads, ctx, payload.orderId, 'feedback');
    if (!checked.ok) return checked.refusal;
    // NOTE: a resend with a new command id but the same feedback id must not add the entry twice.
    if (checked.order.feedback.some((f) => f.id === payload.feedbackId)) {
      return refuse('conflict', `payload.feedbackId: feedback ${payload.feedbackId} was already posted`);
    }
    const { feedbackId, text, personnel, vehicles, position } = payload;
    return {
      ok: true,
      events: [
        orderEvent(ctx, reads, checked.order, 'linkage.feedbackPosted', {
          feedbackId,
          text,
          personnel,
          vehicles,
          ...(position === undefined ? {} : { position }),
        }),
      ],
    };
  };
};
