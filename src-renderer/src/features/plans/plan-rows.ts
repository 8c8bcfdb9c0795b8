import { PLAN_STATE_SEVERITY } from '@common/rules/plan-status';
import type { PlanState } from '@common/rules/plan-status';
import type { Plan } from '@common/schemas/plan';

/** The states of a plan, worst first (the rule's own severity order), as the panel counts them. */
export const PLAN_STATES: ReadonlyArray<PlanState> = PLAN_STATE_SEVERITY;
export type { PlanState };

/** What the plan-status rule in src-common says about one plan (dates as ISO strings or epoch ms). */
export type PlanStatusLike = {
  state: PlanState;
  drillDueAt?: string | number | Date | null;
  revisionDueAt?: string | number | Date | null;
  filingDueAt?: string | number | Date | null;
};

export type PlanRow = {
  plan: Plan;
  status: PlanStatusLike;
  /** township of the plan, or of its enterprise */
  townshipCode: string | undefined;
  /** the due date that matters: the one missed (overdue) or the next one (current); ms */
  dueAt: number | null;
  dueKind: DueKind | null;
  /** now − dueAt in ms: positive when overdue; the sort key */
  overdueMs: number;
};

export type PlanFilter = {
  state?: PlanState | null;
  type?: Plan['type'] | null;
  ownerKind?: Plan['ownerKind'] | null;
  townshipCode?: string | null;
};

export const toMs = (d: string | number | Date | null | undefined): number | null => {
  if (d === null || d === undefined) return null;
  const ms = d instanceof Date ? d.getTime() : typeof d === 'number' ? d : Date.parse(d);
  return Number.isFinite(ms) ? ms : null;
};

export type DueKind = 'filing' | 'revision' | 'drill';

/** The due date a state is about: the missed one, or for a current plan the soonest coming. */
export function relevantDueOf(status: PlanStatusLike): { kind: DueKind; at: number } | null {
  const dues: Array<{ kind: DueKind; at: number | null }> = [
    { kind: 'filing', at: toMs(status.filingDueAt) },
    { kind: 'revision', at: toMs(status.revisionDueAt) },
    { kind: 'drill', at: toMs(status.drillDueAt) },
  ];
  const pick = (kind: DueKind) => {
    const due = dues.find((d) => d.kind === kind);
    return due && due.at !== null ? { kind, at: due.at } : null;
  };
  switch (status.state) {
    case 'filing_overdue':
      return pick('filing');
    case 'revision_overdue':
      return pick('revision');
    case 'drill_overdue':
      return pick('drill');
    case 'current': {
      let soonest: { kind: DueKind; at: number } | null = null;
      for (const d of dues) if (d.at !== null && (!soonest || d.at < soonest.at)) soonest = { kind: d.kind, at: d.at };
      return soonest;
    }
  }
}

export function relevantDue(status: PlanStatusLike): number | null {
  return relevantDueOf(status)?.at ?? null;
}

/**
 * One row per plan with its status from `statusOf` (the src-common rule, injected so this stays
 * pure), its township, and how overdue it is.
 */
export function planRows(
  plans: ReadonlyArray<Plan>,
  statusOf: (plan: Plan) => PlanStatusLike,
  enterpriseTownship: (enterpriseId: string) => string | undefined,
  now: number,
): Array<PlanRow> {
  return plans.map((plan) => {
    const status = statusOf(plan);
    const due = relevantDueOf(status);
    const dueAt = due?.at ?? null;
    const townshipCode =
      plan.townshipCode ??
      (plan.ownerKind === 'enterprise' && plan.ownerId ? enterpriseTownship(plan.ownerId) : undefined);
    return {
      plan,
      status,
      townshipCode,
      dueAt,
      dueKind: due?.kind ?? null,
      // NOTE: an overdue plan with no known due date still sorts before every current plan.
      overdueMs: dueAt === null ? (status.state === 'current' ? -Infinity : 0) : now - dueAt,
    };
  });
}

export function filterPlanRows(rows: ReadonlyArray<PlanRow>, filter: PlanFilter): Array<PlanRow> {
  return rows.filter(
    (r) =>
      (!filter.state || r.status.state === filter.state) &&
      (!filter.type || r.plan.type === filter.type) &&
      (!filter.ownerKind || r.plan.ownerKind === filter.ownerKind) &&
      (!filter.townshipCode || r.townshipCode === filter.townshipCode),
  );
}

/**
 * Most overdue first; then the current plans, soonest due first (what a drill coordinator
 * schedules next). Ties by name, so the order is stable.
 */
export function sortMostOverdue(rows: ReadonlyArray<PlanRow>): Array<PlanRow> {
  const overdue = (r: PlanRow) => r.status.state !== 'current';
  return [...rows].sort(
    (a, b) =>
      Number(overdue(b)) - Number(overdue(a)) ||
      (b.overdueMs === a.overdueMs ? 0 : b.overdueMs > a.overdueMs ? 1 : -1) ||
      a.plan.name.localeCompare(b.plan.name, 'zh-CN'),
  );
}

export function countByState(rows: ReadonlyArray<PlanRow>): Record<PlanState, number> {
  const counts: Record<PlanState, number> = { filing_overdue: 0, revision_overdue: 0, drill_overdue: 0, current: 0 };
  for (const r of rows) counts[r.status.state] += 1;
  return counts;
}

const DAY_MS = 86_400_000;

/** Whole days overdue (≥ 1 once past the due instant), or days left (≥ 0). */
export function daysFrom(dueAt: number, now: number): { overdue: boolean; days: number } {
  const diff = now - dueAt;
  return diff > 0
    ? { overdue: true, days: Math.max(1, Math.floor(diff / DAY_MS)) }
    : { overdue: false, days: Math.floor(-diff / DAY_MS) };
}
