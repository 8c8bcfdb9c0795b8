// The linkage order's life (联动指令) as a state machine, shared by the hub (which refuses an
// invalid step with `invalid_transition`) and the screens (which offer only the valid ones).
//
//   sent ──deliver──▶ delivered            (the department's workstation has it)
//   sent / delivered ──sign──▶ signed        (签收, by a named liaison; late if past the deadline)
//   signed / in_progress ──feedback──▶ in_progress
//   signed / in_progress ──complete──▶ completed
//   sent / delivered ──decline(reason)──▶ declined ──reassign(department)──▶ (a new order, sent)
//   any open state, or declined ──cancel(reason)──▶ cancelled   (by the officer)
// Overdue is a flag raised by the hub's timers on a sent/delivered order, not a state.
import type { LinkageState } from '../schemas/linkage-action';

export type LinkageActionType = 'deliver' | 'sign' | 'feedback' | 'complete' | 'decline' | 'cancel' | 'reassign';

export const LINKAGE_ALLOWED: Readonly<Record<LinkageState, ReadonlyArray<LinkageActionType>>> = {
  sent: ['deliver', 'sign', 'decline', 'cancel'],
  delivered: ['sign', 'decline', 'cancel'],
  signed: ['feedback', 'complete', 'cancel'],
  in_progress: ['feedback', 'complete', 'cancel'],
  completed: [],
  declined: ['reassign', 'cancel'],
  cancelled: [],
};

/** The state each action leads to (reassign leaves the old order declined, with a link). */
const NEXT: Readonly<Record<LinkageActionType, (from: LinkageState) => LinkageState>> = {
  deliver: () => 'delivered',
  sign: () => 'signed',
  feedback: () => 'in_progress',
  complete: () => 'completed',
  decline: () => 'declined',
  cancel: () => 'cancelled',
  reassign: (from) => from,
};

/** Who takes each step: the receiving department's liaison, or the command center. */
export const LINKAGE_ACTOR: Readonly<Record<LinkageActionType, 'department' | 'command'>> = {
  deliver: 'department',
  sign: 'department',
  feedback: 'department',
  complete: 'department',
  decline: 'department',
  cancel: 'command',
  reassign: 'command',
};

/** Open orders still wait on the department; only these can turn overdue. */
export const LINKAGE_AWAITING_SIGNATURE: ReadonlyArray<LinkageState> = ['sent', 'delivered'];
export const LINKAGE_OPEN: ReadonlyArray<LinkageState> = ['sent', 'delivered', 'signed', 'in_progress'];

export type LinkageTransition =
  { ok: true; next: LinkageState } | { ok: false; error: { code: 'invalid_transition'; message: string } };

export function linkageAllowed(state: LinkageState): ReadonlyArray<LinkageActionType> {
  return LINKAGE_ALLOWED[state];
}

export function linkageTransition(state: LinkageState, action: LinkageActionType): LinkageTransition {
  if (!LINKAGE_ALLOWED[state].includes(action)) {
    const allowed = LINKAGE_ALLOWED[state];
    return {
      ok: false,
      error: {
        code: 'invalid_transition',
        message: `the order is ${state}: cannot ${action} (allowed: ${allowed.length ? allowed.join(', ') : 'none'})`,
      },
    };
  }
  return { ok: true, next: NEXT[action](state) };
}

/** A deadline `minutes` after `fromIso`, as an ISO instant. */
export function deadlineAfter(fromIso: string, minutes: number): string {
  return new Date(Date.parse(fromIso) + minutes * 60_000).toISOString();
}

/**
 * The overdue levels an unsigned order has reached at `nowMs`: 0 before the deadline, 1 from
 * the deadline, and one more per `escalateEveryMinutes` after it, capped at `maxLevel`.
 */
export function overdueLevelAt(
  signDeadlineIso: string,
  nowMs: number,
  escalateEveryMinutes: number,
  maxLevel: number,
): number {
  const late = nowMs - Date.parse(signDeadlineIso);
  if (late < 0) return 0;
  return Math.min(maxLevel, 1 + Math.floor(late / (escalateEveryMinutes * 60_000)));
}

/** When the order reaches overdue `level` (1 = the deadline itself). */
export function overdueLevelDueAt(signDeadlineIso: string, level: number, escalateEveryMinutes: number): number {
  return Date.parse(signDeadlineIso) + (level - 1) * escalateEveryMinutes * 60_000;
}
