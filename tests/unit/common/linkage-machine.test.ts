import { describe, expect, it } from 'vitest';
import {
  LINKAGE_ACTOR,
  LINKAGE_ALLOWED,
  deadlineAfter,
  linkageAllowed,
  linkageTransition,
  overdueLevelAt,
  overdueLevelDueAt,
} from '@common/rules/linkage-machine';
import type { LinkageActionType } from '@common/rules/linkage-machine';
import { LinkageStateSchema } from '@common/schemas/linkage-action';
import type { LinkageState } from '@common/schemas/linkage-action';
import { TEAM_STATUS_NEXT, teamStatusTransition } from '@common/rules/team-status';
import { TeamStatusSchema } from '@common/schemas/rescue-team';

const ACTIONS: ReadonlyArray<LinkageActionType> = [
  'deliver',
  'sign',
  'feedback',
  'complete',
  'decline',
  'cancel',
  'reassign',
];

/** The order's life as the issue gives it: [from, action, to]. Everything else is refused. */
const ALLOWED: ReadonlyArray<[LinkageState, LinkageActionType, LinkageState]> = [
  ['sent', 'deliver', 'delivered'],
  ['sent', 'sign', 'signed'],
  ['delivered', 'sign', 'signed'],
  ['signed', 'feedback', 'in_progress'],
  ['in_progress', 'feedback', 'in_progress'],
  ['signed', 'complete', 'completed'],
  ['in_progress', 'complete', 'completed'],
  ['sent', 'decline', 'declined'],
  ['delivered', 'decline', 'declined'],
  ['declined', 'reassign', 'declined'],
  ['sent', 'cancel', 'cancelled'],
  ['delivered', 'cancel', 'cancelled'],
  ['signed', 'cancel', 'cancelled'],
  ['in_progress', 'cancel', 'cancelled'],
  ['declined', 'cancel', 'cancelled'],
];

describe('linkage order state machine', () => {
  const states = LinkageStateSchema.options;
  const cases = states.flatMap((s) => ACTIONS.map((a) => [s, a] as const));

  it.each(cases)('%s --%s-->', (state, action) => {
    const expected = ALLOWED.find(([f, a]) => f === state && a === action);
    const result = linkageTransition(state, action);
    if (expected) {
      expect(result).toEqual({ ok: true, next: expected[2] });
      expect(linkageAllowed(state)).toContain(action);
    } else {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid_transition');
      expect(result.error.message).toContain(`the order is ${state}: cannot ${action}`);
      expect(linkageAllowed(state)).not.toContain(action);
    }
  });

  it('names the allowed steps in a refusal, and "none" for a finished order', () => {
    expect(linkageTransition('signed', 'deliver')).toEqual({
      ok: false,
      error: {
        code: 'invalid_transition',
        message: 'the order is signed: cannot deliver (allowed: feedback, complete, cancel)',
      },
    });
    expect(linkageTransition('completed', 'cancel')).toMatchObject({
      error: { message: 'the order is completed: cannot cancel (allowed: none)' },
    });
  });

  it('finished orders allow nothing; the table covers every state', () => {
    expect(LINKAGE_ALLOWED.completed).toEqual([]);
    expect(LINKAGE_ALLOWED.cancelled).toEqual([]);
    expect(Object.keys(LINKAGE_ALLOWED).sort()).toEqual([...states].sort());
  });

  it('the department takes its steps, the command center cancels and reassigns', () => {
    expect(ACTIONS.filter((a) => LINKAGE_ACTOR[a] === 'command')).toEqual(['cancel', 'reassign']);
  });
});

describe('deadline arithmetic', () => {
  const deadline = '2026-06-01T02:15:00.000Z';
  const at = (iso: string) => Date.parse(iso);

  it('deadlineAfter adds whole minutes on the hub clock', () => {
    expect(deadlineAfter('2026-06-01T02:00:00.000Z', 15)).toBe(deadline);
    expect(deadlineAfter('2026-06-01T23:50:30.250Z', 20)).toBe('2026-06-02T00:10:30.250Z');
    expect(deadlineAfter('2026-06-01T00:00:00.000Z', 1440)).toBe('2026-06-02T00:00:00.000Z');
  });

  it('overdueLevelAt: 0 before the deadline, 1 from the deadline itself, +1 per escalation period, capped', () => {
    expect(overdueLevelAt(deadline, at('2026-06-01T02:14:59.999Z'), 10, 2)).toBe(0);
    expect(overdueLevelAt(deadline, at(deadline), 10, 2)).toBe(1);
    expect(overdueLevelAt(deadline, at('2026-06-01T02:24:59.999Z'), 10, 2)).toBe(1);
    expect(overdueLevelAt(deadline, at('2026-06-01T02:25:00.000Z'), 10, 2)).toBe(2);
    expect(overdueLevelAt(deadline, at('2026-06-01T09:00:00.000Z'), 10, 2)).toBe(2);
    expect(overdueLevelAt(deadline, at('2026-06-01T02:35:00.000Z'), 10, 5)).toBe(3);
    expect(overdueLevelAt(deadline, at('2026-06-01T02:34:59.999Z'), 10, 5)).toBe(2);
  });

  it('overdueLevelDueAt is the first instant of each level (the inverse at the boundaries)', () => {
    for (const level of [1, 2, 3, 4]) {
      const due = overdueLevelDueAt(deadline, level, 10);
      expect(overdueLevelAt(deadline, due, 10, 9)).toBe(level);
      expect(overdueLevelAt(deadline, due - 1, 10, 9)).toBe(level - 1);
    }
    expect(new Date(overdueLevelDueAt(deadline, 1, 10)).toISOString()).toBe(deadline);
    expect(new Date(overdueLevelDueAt(deadline, 3, 10)).toISOString()).toBe('2026-06-01T02:35:00.000Z');
  });
});

describe('rescue team status moves', () => {
  it('follows a dispatch: available → dispatched → en_route → on_scene → returning → available', () => {
    const path = ['available', 'dispatched', 'en_route', 'on_scene', 'returning', 'available'] as const;
    for (let i = 1; i < path.length; i++) {
      expect(teamStatusTransition(path[i - 1] ?? 'available', path[i] ?? 'available')).toEqual({ ok: true });
    }
  });

  it('off duty and back; a recall; refuses teleports, naming the state', () => {
    expect(teamStatusTransition('available', 'unavailable')).toEqual({ ok: true });
    expect(teamStatusTransition('unavailable', 'available')).toEqual({ ok: true });
    expect(teamStatusTransition('en_route', 'returning')).toEqual({ ok: true });
    expect(teamStatusTransition('available', 'on_scene')).toEqual({
      ok: false,
      error: {
        code: 'invalid_transition',
        message: 'the team is available: cannot become on_scene (allowed: dispatched, unavailable)',
      },
    });
    expect(teamStatusTransition('unavailable', 'dispatched').ok).toBe(false);
    expect(teamStatusTransition('on_scene', 'available').ok).toBe(false);
  });

  it('no status moves to itself and the table covers every status', () => {
    for (const s of TeamStatusSchema.options) expect(TEAM_STATUS_NEXT[s]).not.toContain(s);
    expect(Object.keys(TEAM_STATUS_NEXT).sort()).toEqual([...TeamStatusSchema.options].sort());
  });
});
