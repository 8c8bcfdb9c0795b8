// The incident lifecycle (应急处置) as a state machine, shared by the hub (which refuses an
// invalid step with `invalid_transition`) and the console (which offers only the valid ones).
//
//   reported ──verify──▶ verified ──activateResponse(level)──▶ responding(level)
//   reported / verified ──dismiss(reason)──▶ dismissed (误报)
//   responding ──changeLevel(level)──▶ responding(new level)      (raise or lower)
//   responding ──suspend──▶ suspended ──resume──▶ responding (same level)
//   responding / suspended ──terminate──▶ terminated ──close──▶ closed
//   verified ──close(summary)──▶ closed   (办结：核实后无需县级响应 — handled at the enterprise or
//                                          township level; the summary says so. Lead's decision.)
// `update` (a change to reported facts) and `reportUpward` keep the state; they are refused only
// once the incident is closed or dismissed (reportUpward: dismissed only — a late report after
// close is still a fact worth recording).
import type { ResponseLevel } from '../schemas/plan';
import type { IncidentState } from '../schemas/incident';

export type IncidentAction =
  | { type: 'verify' }
  | { type: 'activateResponse'; level: ResponseLevel }
  | { type: 'changeLevel'; level: ResponseLevel }
  | { type: 'suspend' }
  | { type: 'resume' }
  | { type: 'terminate' }
  | { type: 'close' }
  | { type: 'dismiss' }
  | { type: 'update' }
  | { type: 'reportUpward' };
export type IncidentActionType = IncidentAction['type'];

/** The machine's view of an incident: its state and, while responding or suspended, the level. */
export type MachineState = { state: IncidentState; level?: ResponseLevel };

export type TransitionResult =
  { ok: true; next: MachineState } | { ok: false; error: { code: 'invalid_transition'; message: string } };

/** Which actions each state allows, in the order the console shows them. */
export const ALLOWED_ACTIONS: Readonly<Record<IncidentState, ReadonlyArray<IncidentActionType>>> = {
  reported: ['verify', 'dismiss', 'update', 'reportUpward'],
  verified: ['activateResponse', 'close', 'dismiss', 'update', 'reportUpward'],
  responding: ['changeLevel', 'suspend', 'terminate', 'update', 'reportUpward'],
  suspended: ['resume', 'terminate', 'update', 'reportUpward'],
  terminated: ['close', 'update', 'reportUpward'],
  closed: ['reportUpward'],
  dismissed: [],
};

/** The command each action is sent as. */
export const ACTION_COMMANDS = {
  verify: 'incident.verify',
  activateResponse: 'incident.activateResponse',
  changeLevel: 'incident.changeLevel',
  suspend: 'incident.suspend',
  resume: 'incident.resume',
  terminate: 'incident.terminate',
  close: 'incident.close',
  dismiss: 'incident.dismiss',
  update: 'incident.update',
  reportUpward: 'incident.reportUpward',
} as const satisfies Record<IncidentActionType, string>;

/** The actions the incident allows now (for the console's buttons). */
export function allowedTransitions(state: IncidentState | MachineState): ReadonlyArray<IncidentActionType> {
  return ALLOWED_ACTIONS[typeof state === 'string' ? state : state.state];
}

export function canPerform(state: IncidentState | MachineState, action: IncidentActionType): boolean {
  return allowedTransitions(state).includes(action);
}

const LEVEL_NAMES: Readonly<Record<ResponseLevel, string>> = { 1: 'Ⅰ', 2: 'Ⅱ', 3: 'Ⅲ', 4: 'Ⅳ' };
export const levelName = (level: ResponseLevel): string => LEVEL_NAMES[level];

function refuse(current: MachineState, message: string): TransitionResult {
  const where = current.level === undefined ? current.state : `${current.state} (level ${levelName(current.level)})`;
  return { ok: false, error: { code: 'invalid_transition', message: `the incident is ${where}: ${message}` } };
}

/** The state after `action`, or a refusal whose message names the current state. */
export function transition(current: MachineState, action: IncidentAction): TransitionResult {
  if (!canPerform(current, action.type)) {
    return refuse(
      current,
      `${action.type} is not allowed (allowed: ${allowedTransitions(current).join(', ') || 'none'})`,
    );
  }
  switch (action.type) {
    case 'verify':
      return { ok: true, next: { state: 'verified' } };
    case 'activateResponse':
      return { ok: true, next: { state: 'responding', level: action.level } };
    case 'changeLevel':
      if (action.level === current.level) return refuse(current, `the level is already ${levelName(action.level)}`);
      return { ok: true, next: { state: 'responding', level: action.level } };
    case 'suspend':
      return {
        ok: true,
        next: { state: 'suspended', ...(current.level === undefined ? {} : { level: current.level }) },
      };
    case 'resume':
      return {
        ok: true,
        next: { state: 'responding', ...(current.level === undefined ? {} : { level: current.level }) },
      };
    case 'terminate':
      return {
        ok: true,
        next: { state: 'terminated', ...(current.level === undefined ? {} : { level: current.level }) },
      };
    case 'close':
      return { ok: true, next: { state: 'closed', ...(current.level === undefined ? {} : { level: current.level }) } };
    case 'dismiss':
      return { ok: true, next: { state: 'dismissed' } };
    case 'update':
    case 'reportUpward':
      return { ok: true, next: current };
  }
}
