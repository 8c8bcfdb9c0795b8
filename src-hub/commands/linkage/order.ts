import type { EventOf, EventType, NewEvent } from '@common/protocol/events';
import { LINKAGE_ACTOR, linkageTransition } from '@common/rules/linkage-machine';
import type { LinkageActionType } from '@common/rules/linkage-machine';
import type { LinkageAction } from '@common/schemas/linkage-action';
import type { StoreReads } from '../../store/types';
import type { CommandContext, HandlerResult } from '../types';
import { drillRule, refuse } from '../types';

export type OrderCheck = { ok: true; order: LinkageAction } | { ok: false; refusal: HandlerResult };

/**
 * May the sender act on this order? A department step (deliver, sign, feedback, complete,
 * decline) only by a liaison of the order's own department; a command step by the desk roles
 * (checked by COMMAND_ROLES) under the drill rule. `field` names the payload field in messages.
 */
export function orderAccess(
  ctx: CommandContext,
  order: LinkageAction,
  action: LinkageActionType,
  field = 'orderId',
): HandlerResult | null {
  if (LINKAGE_ACTOR[action] === 'department') {
    if (ctx.actor.role !== 'liaison' || ctx.departmentId !== order.departmentId) {
      return refuse(
        'forbidden',
        `payload.${field}: order ${order.id} is for department ${order.departmentId}; only its liaison may ${action} it`,
      );
    }
    return null;
  }
  return drillRule(ctx, order.mode);
}

/**
 * The checks every step on an existing order makes, in the protocol's order: the order exists
 * (`not_found`), the sender may act on it (`forbidden`), then the state machine
 * (`invalid_transition`, naming the state). Nothing is written on a refusal.
 */
export function checkOrderStep(
  reads: StoreReads,
  ctx: CommandContext,
  orderId: string,
  action: LinkageActionType,
  field = 'orderId',
): OrderCheck {
  const order = reads.getRow('linkageActions', orderId);
  if (!order) return { ok: false, refusal: refuse('not_found', `payload.${field}: order ${orderId} does not exist`) };
  const denied = orderAccess(ctx, order, action, field);
  if (denied) return { ok: false, refusal: denied };
  const result = linkageTransition(order.state, action);
  if (!result.ok) return { ok: false, refusal: refuse(result.error.code, result.error.message) };
  return { ok: true, order };
}

/** An event about an order: the order's mode, its incident's drill id, and the routing fields. */
export function orderEvent<T extends Extract<EventType, `linkage.${string}`>>(
  ctx: Pick<CommandContext, 'at' | 'actor' | 'commandId'>,
  reads: StoreReads,
  order: Pick<LinkageAction, 'id' | 'incidentId' | 'departmentId' | 'mode'>,
  type: T,
  payload: Omit<EventOf<T>['payload'], 'orderId' | 'incidentId' | 'departmentId'>,
): NewEvent {
  const drillId = reads.getRow('incidents', order.incidentId)?.drillId;
  return {
    type,
    at: ctx.at,
    actor: ctx.actor,
    mode: order.mode,
    ...(drillId === undefined ? {} : { drillId }),
    commandId: ctx.commandId,
    payload: { ...payload, orderId: order.id, incidentId: order.incidentId, departmentId: order.departmentId },
  } as NewEvent;
}
