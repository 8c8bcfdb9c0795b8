// Plan coverage (应急预案): is a plan filed, reviewed and drilled on time? Periods are data in
// domain/plan-periods.ts; day arithmetic (China time, Mon–Fri working days) in ./calendar.ts.
//
// Due dates (all "the end of that China-time day", see endOfChinaDay):
//   filing    publishedAt + 20 working days; null once filedAt is set
//   revision  (revisedAt ?? publishedAt) + 36 months
//   drill     (lastDrilledAt ?? publishedAt) + the plan's drill period:
//             county / department / township plans      24 months
//             enterprise 现场处置方案 (onsite)              6 months
//             enterprise 综合/专项, sector of high risk     6 months (条例 第八条)
//             enterprise 综合/专项, other or unknown       12 months (管理办法 第三十三条)
//   A plan never drilled is due one period after publication.
//
// Severity, worst first: revision_overdue > drill_overdue > filing_overdue > current.
// Why: a plan not reviewed for 3 years may name people, phones and resources that are gone, so
// it cannot be relied on at all; an undrilled plan is sound on paper but untested; a missing
// filing is an administrative lapse that does not change what happens at the scene.
import { PLAN_PERIODS, HIGH_RISK_DRILL_SECTORS } from '../domain/plan-periods';
import type { PlanPeriodKey } from '../domain/plan-periods';
import type { Enterprise, Sector } from '../schemas/enterprise';
import type { Plan } from '../schemas/plan';
import { addMonths, addWorkingDays, chinaDate, endOfChinaDay } from './calendar';

export type PlanState = 'current' | 'filing_overdue' | 'revision_overdue' | 'drill_overdue';

/** Worst first; `current` last. */
export const PLAN_STATE_SEVERITY: ReadonlyArray<PlanState> = [
  'revision_overdue',
  'drill_overdue',
  'filing_overdue',
  'current',
];

export type PlanStatus = {
  /** the worst of `reasons`, or `current` when there is none */
  state: PlanState;
  /** when the next drill is due; null when no drill period applies to the plan (none today) */
  drillDueAt: string | null;
  revisionDueAt: string;
  /** the filing deadline while the plan is unfiled; null once it is filed */
  filingDueAt: string | null;
  /** every overdue state, worst first; empty when current */
  reasons: Array<PlanState>;
};

const HIGH_RISK = new Set<Sector>(HIGH_RISK_DRILL_SECTORS);

/** Which drill period governs a plan. */
export function drillPeriodKey(plan: Plan, ownerSector?: Sector): PlanPeriodKey {
  if (plan.ownerKind !== 'enterprise') return 'drill_government';
  if (plan.type === 'onsite') return 'drill_enterprise_onsite';
  if (ownerSector !== undefined && HIGH_RISK.has(ownerSector)) return 'drill_high_risk_unit';
  return 'drill_enterprise_comprehensive_special';
}

function monthsDue(from: string, key: PlanPeriodKey): string | null {
  const months = PLAN_PERIODS[key].months;
  return months === undefined ? null : endOfChinaDay(addMonths(chinaDate(from), months));
}

const isPast = (due: string | null, now: Date): boolean => due !== null && now.getTime() > Date.parse(due);

export function planStatus(plan: Plan, ctx: { now: Date; ownerSector?: Sector }): PlanStatus {
  const { now } = ctx;
  const filingDays = PLAN_PERIODS.filing.workingDays ?? 20;
  const filingDueAt =
    plan.filedAt === undefined ? endOfChinaDay(addWorkingDays(chinaDate(plan.publishedAt), filingDays)) : null;
  const revisionDueAt = monthsDue(plan.revisedAt ?? plan.publishedAt, 'revision') ?? plan.publishedAt;
  const drillDueAt = monthsDue(plan.lastDrilledAt ?? plan.publishedAt, drillPeriodKey(plan, ctx.ownerSector));

  const overdue = new Set<PlanState>();
  if (isPast(revisionDueAt, now)) overdue.add('revision_overdue');
  if (isPast(drillDueAt, now)) overdue.add('drill_overdue');
  if (isPast(filingDueAt, now)) overdue.add('filing_overdue');
  const reasons = PLAN_STATE_SEVERITY.filter((s) => overdue.has(s));
  return { state: reasons[0] ?? 'current', drillDueAt, revisionDueAt, filingDueAt, reasons };
}

export type CoverageState = 'current' | 'revision_overdue' | 'drill_overdue' | 'none';

/** Worst first. */
export const COVERAGE_STATE_SEVERITY: ReadonlyArray<CoverageState> = [
  'none',
  'revision_overdue',
  'drill_overdue',
  'current',
];

/**
 * An enterprise's plan coverage: the worst state among the plans it owns (ownerKind
 * 'enterprise', ownerId = its id), `none` when it owns none. NOTE: a plan that is only
 * `filing_overdue` counts as `current` here — the map view shows whether the enterprise is
 * prepared; the plans panel shows the filing lapse.
 */
export function enterpriseCoverage(
  enterprise: Enterprise,
  plans: ReadonlyArray<Plan>,
  now: Date,
): { state: CoverageState; plans: Array<{ plan: Plan; status: PlanStatus }> } {
  const own = plans
    .filter((p) => p.ownerKind === 'enterprise' && p.ownerId === enterprise.id)
    .map((plan) => ({ plan, status: planStatus(plan, { now, ownerSector: enterprise.sector }) }));
  if (own.length === 0) return { state: 'none', plans: own };
  const states = new Set<CoverageState>(
    own.map(({ status }) => (status.state === 'filing_overdue' ? 'current' : status.state)),
  );
  const state = COVERAGE_STATE_SEVERITY.find((s) => states.has(s)) ?? 'current';
  return { state, plans: own };
}

/**
 * Plans owned by enterprises, by enterprise id — for colouring many enterprises at once, pass
 * `byEnterprise.get(e.id) ?? []` to `enterpriseCoverage` instead of every plan each time.
 */
export function plansByEnterprise(plans: ReadonlyArray<Plan>): Map<string, Array<Plan>> {
  const out = new Map<string, Array<Plan>>();
  for (const p of plans) {
    if (p.ownerKind !== 'enterprise' || p.ownerId === undefined) continue;
    const list = out.get(p.ownerId);
    if (list) list.push(p);
    else out.set(p.ownerId, [p]);
  }
  return out;
}
