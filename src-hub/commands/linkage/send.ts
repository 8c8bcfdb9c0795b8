import type { NewEvent } from '@common/protocol/events';
import type { CommandHandlerFactory } from '../types';
import { drillRule, refuse } from '../types';
import { checkOrders, incidentTakesOrders, sentEvents } from './drafts';

/**
 * linkage.send → one `linkage.sent` per order (+ `team.statusChanged` dispatched for an order
 * naming a team). All or nothing: one bad order refuses the whole set, naming its field. Orders
 * take the incident's mode; the hub's clock sets the deadlines.
 */
export const createLinkageSend: CommandHandlerFactory<'linkage.send'> = ({ reads }) => {
  return (ctx, payload) => {
    const incident = reads.getRow('incidents', payload.incidentId);
    if (!incident) return refuse('not_found', `payload.incidentId: incident ${payload.incidentId} does not exist`);
    const denied = drillRule(ctx, incident.mode) ?? incidentTakesOrders(incident);
    if (denied) return denied;
    const checked = checkOrders(reads, payload.orders, (i, field) => `payload.orders[${i}].${field}`);
    if (!checked.ok) return checked.refusal;
    const events: Array<NewEvent> = [];
    payload.orders.forEach((o, i) => events.push(...sentEvents(ctx, incident, o, checked.teams[i])));
    return { ok: true, events };
  };
};
