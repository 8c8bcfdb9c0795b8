import type { CommandHandlerFactory } from '../types';
import { refuse } from '../types';
import { checkOrders, incidentTakesOrders, sentEvents } from './drafts';
import { checkOrderStep, orderEvent } from './order';

/**
 * linkage.reassign: a declined order re-sent to another department as a new order. Emits
 * `linkage.reassigned` on the old order (which stays declined, with the link) and `linkage.sent`
 * for the new one (with `reassignedFrom`); the task and plan carry over unless a new task is given.
 */
export const createLinkageReassign: CommandHandlerFactory<'linkage.reassign'> = ({ reads }) => {
  return (ctx, payload) => {
    const checked = checkOrderStep(reads, ctx, payload.orderId, 'reassign');
    if (!checked.ok) return checked.refusal;
    const old = checked.order;
    if (old.reassignedTo !== undefined) {
      return refuse('conflict', `payload.orderId: order ${old.id} was already reassigned to ${old.reassignedTo}`);
    }
    const incident = reads.getRow('incidents', old.incidentId);
    if (!incident) return refuse('not_found', `incident ${old.incidentId} of order ${old.id} does not exist`);
    const closed = incidentTakesOrders(incident, 'orderId');
    if (closed) return closed;
    const next = {
      orderId: payload.newOrderId,
      departmentId: payload.departmentId,
      task: payload.task ?? old.task,
      planId: old.planId,
      teamId: payload.teamId,
      signMinutes: payload.signMinutes,
      completeMinutes: payload.completeMinutes,
      reassignedFrom: old.id,
    };
    const fields: Record<string, string> = { orderId: 'newOrderId' };
    const valid = checkOrders(reads, [next], (_i, field) => `payload.${fields[field] ?? field}`);
    if (!valid.ok) return valid.refusal;
    return {
      ok: true,
      events: [
        orderEvent(ctx, reads, old, 'linkage.reassigned', {
          toOrderId: payload.newOrderId,
          toDepartmentId: payload.departmentId,
        }),
        ...sentEvents(ctx, incident, next, valid.teams[0]),
      ],
    };
  };
};
