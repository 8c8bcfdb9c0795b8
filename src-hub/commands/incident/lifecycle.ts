import type { EventOf, EventType, NewEvent } from '@common/protocol/events';
import { transition } from '@common/rules/incident-machine';
import type { IncidentAction } from '@common/rules/incident-machine';
import type { Incident } from '@common/schemas/incident';
import type { StoreReads } from '../../store/types';
import type { CommandContext, HandlerResult } from '../types';
import { drillRule, refuse } from '../types';

export type StepCheck = { ok: true; incident: Incident } | { ok: false; refusal: HandlerResult };

/**
 * The checks every incident step makes, in the protocol's order: the incident exists
 * (`not_found`), the drill rule (`forbidden`), then the state machine (`invalid_transition`,
 * naming the current state). Nothing is written on a refusal.
 */
export function checkStep(
  reads: StoreReads,
  ctx: CommandContext,
  incidentId: string,
  action: IncidentAction,
): StepCheck {
  const incident = reads.getRow('incidents', incidentId);
  if (!incident) return { ok: false, refusal: refuse('not_found', `incident ${incidentId} does not exist`) };
  const denied = drillRule(ctx, incident.mode);
  if (denied) return { ok: false, refusal: denied };
  const result = transition(
    { state: incident.state, ...(incident.level === undefined ? {} : { level: incident.level }) },
    action,
  );
  if (!result.ok) return { ok: false, refusal: refuse(result.error.code, result.error.message) };
  return { ok: true, incident };
}

/** An event about an incident, carrying its mode and drill id. */
export function incidentEvent<T extends EventType>(
  ctx: CommandContext,
  incident: Pick<Incident, 'mode' | 'drillId'>,
  type: T,
  payload: EventOf<T>['payload'],
): NewEvent {
  return {
    type,
    at: ctx.at,
    actor: ctx.actor,
    mode: incident.mode,
    ...(incident.drillId === undefined ? {} : { drillId: incident.drillId }),
    commandId: ctx.commandId,
    payload,
  } as NewEvent;
}

/** A one-event success. */
export function emit(event: NewEvent): HandlerResult {
  return { ok: true, events: [event] };
}
