import { describe, expect, it } from 'vitest';
import { ALLOWED_ACTIONS, allowedTransitions, transition } from '@common/rules/incident-machine';
import type { IncidentAction, IncidentActionType, MachineState } from '@common/rules/incident-machine';
import { IncidentStateSchema } from '@common/schemas/incident';
import type { IncidentState } from '@common/schemas/incident';

const ACTIONS: Record<IncidentActionType, IncidentAction> = {
  verify: { type: 'verify' },
  activateResponse: { type: 'activateResponse', level: 4 },
  changeLevel: { type: 'changeLevel', level: 3 },
  suspend: { type: 'suspend' },
  resume: { type: 'resume' },
  terminate: { type: 'terminate' },
  close: { type: 'close' },
  dismiss: { type: 'dismiss' },
  update: { type: 'update' },
  reportUpward: { type: 'reportUpward' },
};

/** The machine state each lifecycle state is tested in (responding and later carry level Ⅳ). */
const STATES: Record<IncidentState, MachineState> = {
  reported: { state: 'reported' },
  verified: { state: 'verified' },
  responding: { state: 'responding', level: 4 },
  suspended: { state: 'suspended', level: 4 },
  terminated: { state: 'terminated', level: 4 },
  closed: { state: 'closed', level: 4 },
  dismissed: { state: 'dismissed' },
};

/** The whole table: state × action → next state, or null for refused. */
const EXPECTED: Record<IncidentState, Partial<Record<IncidentActionType, MachineState>>> = {
  reported: {
    verify: { state: 'verified' },
    dismiss: { state: 'dismissed' },
    update: STATES.reported,
    reportUpward: STATES.reported,
  },
  verified: {
    activateResponse: { state: 'responding', level: 4 },
    // 办结 without a county response: no level is carried into closed
    close: { state: 'closed' },
    dismiss: { state: 'dismissed' },
    update: STATES.verified,
    reportUpward: STATES.verified,
  },
  responding: {
    changeLevel: { state: 'responding', level: 3 },
    suspend: { state: 'suspended', level: 4 },
    terminate: { state: 'terminated', level: 4 },
    update: STATES.responding,
    reportUpward: STATES.responding,
  },
  suspended: {
    resume: { state: 'responding', level: 4 },
    terminate: { state: 'terminated', level: 4 },
    update: STATES.suspended,
    reportUpward: STATES.suspended,
  },
  terminated: { close: { state: 'closed', level: 4 }, update: STATES.terminated, reportUpward: STATES.terminated },
  closed: { reportUpward: STATES.closed },
  dismissed: {},
};

const rows = IncidentStateSchema.options.flatMap((state) =>
  (Object.keys(ACTIONS) as Array<IncidentActionType>).map((action) => [state, action] as const),
);

describe('incident state machine: every state × every action', () => {
  it('covers all 7 states and 10 actions (70 cases)', () => {
    expect(rows).toHaveLength(70);
  });

  it.each(rows)('%s + %s', (state, action) => {
    const expected = EXPECTED[state][action];
    const result = transition(STATES[state], ACTIONS[action]);
    if (expected) {
      expect(result).toEqual({ ok: true, next: expected });
      expect(allowedTransitions(state)).toContain(action);
    } else {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid_transition');
      expect(result.error.message).toContain(`the incident is ${state}`);
      expect(result.error.message).toContain(action);
      expect(allowedTransitions(state)).not.toContain(action);
    }
  });

  it('allowedTransitions lists exactly the allowed actions of each state', () => {
    for (const state of IncidentStateSchema.options) {
      expect([...allowedTransitions(state)].sort()).toEqual(Object.keys(EXPECTED[state]).sort());
      expect(allowedTransitions(STATES[state])).toBe(ALLOWED_ACTIONS[state]);
    }
  });

  it('changeLevel raises and lowers, but refuses the level it already has, naming state and level', () => {
    expect(transition({ state: 'responding', level: 4 }, { type: 'changeLevel', level: 2 })).toEqual({
      ok: true,
      next: { state: 'responding', level: 2 },
    });
    expect(transition({ state: 'responding', level: 2 }, { type: 'changeLevel', level: 3 })).toEqual({
      ok: true,
      next: { state: 'responding', level: 3 },
    });
    const same = transition({ state: 'responding', level: 3 }, { type: 'changeLevel', level: 3 });
    expect(same).toEqual({
      ok: false,
      error: { code: 'invalid_transition', message: 'the incident is responding (level Ⅲ): the level is already Ⅲ' },
    });
  });

  it('a suspended response resumes at the level it had', () => {
    const suspended = transition({ state: 'responding', level: 2 }, { type: 'suspend' });
    expect(suspended).toEqual({ ok: true, next: { state: 'suspended', level: 2 } });
    if (!suspended.ok) return;
    expect(transition(suspended.next, { type: 'resume' })).toEqual({
      ok: true,
      next: { state: 'responding', level: 2 },
    });
  });

  it('a refusal names the allowed actions, or none', () => {
    const r = transition({ state: 'dismissed' }, { type: 'verify' });
    expect(r.ok === false && r.error.message).toBe('the incident is dismissed: verify is not allowed (allowed: none)');
  });
});
