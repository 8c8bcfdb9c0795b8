import type { EventOf, EventType, NewEvent } from '@common/protocol/events';
import type { CommandContext } from '../types';

/**
 * A duty event. The duty log is the command center's own record, not an incident's: it is
 * always `real` (a handover summary marks its drill items itself).
 */
export function dutyEvent<T extends Extract<EventType, `duty.${string}`>>(
  ctx: CommandContext,
  type: T,
  payload: EventOf<T>['payload'],
): NewEvent {
  return { type, at: ctx.at, actor: ctx.actor, mode: 'real', commandId: ctx.commandId, payload } as NewEvent;
}
