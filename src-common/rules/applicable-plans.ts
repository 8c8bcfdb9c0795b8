// Which emergency plans (应急预案) apply to an incident, ranked, with the reasons each matched.
// The incident workspace lists them and the linkage proposal takes their per-level actions
// (see linkage proposal in the renderer). Pure: the caller passes the plan rows.
//
// Matching (DOMAIN.md, "Plans"):
//   - the enterprise involved: its 现场处置方案 and 专项 plans covering the accident category (or
//     covering no category in particular), and its 综合 plan whatever the category;
//   - the township: the township's 综合 plan, and its 专项 plans covering the category;
//   - the county: its 专项 plans covering the category, and its 综合 plan always;
//   - departments: their 专项 plans covering the category. A department plan naming no category
//     (medical rescue, communications, information release ...) is a standing support plan, not
//     triggered by the accident type: it is not proposed on its own (the officer adds its orders ad hoc).
// Ranking: enterprise, township, county 专项, county 综合, department — the nearer the plan is to
// the scene, the more specific its actions; within a rank 现场处置 before 专项 before 综合.
import type { AccidentCategory } from '../domain/gb6441';
import type { TownshipCode } from '../domain/county';
import type { Plan, PlanAction, ResponseLevel } from '../schemas/plan';

/** What the match needs to know about the incident. */
export type PlanMatchInput = {
  category: AccidentCategory;
  /** the enterprise involved, if any */
  enterpriseId?: string | undefined;
  /** the incident's township: the reported one, else the enterprise's, else the nearest seat */
  townshipCode?: TownshipCode | undefined;
};

/** Why a plan applies: one or more of these. */
export type PlanMatchReason =
  | 'enterprise' // the plan belongs to the enterprise involved
  | 'township' // the plan belongs to the incident's township
  | 'category' // the plan covers the accident category
  | 'comprehensive'; // a 综合 plan of the owner: applies to any accident there

/** Groups in ranking order (lower first). */
export const PLAN_MATCH_GROUPS = [
  'enterprise',
  'township',
  'county_special',
  'county_comprehensive',
  'department',
] as const;
export type PlanMatchGroup = (typeof PLAN_MATCH_GROUPS)[number];

export type ApplicablePlan<P extends Plan = Plan> = {
  plan: P;
  group: PlanMatchGroup;
  reasons: Array<PlanMatchReason>;
};

const TYPE_ORDER: Readonly<Record<Plan['type'], number>> = { onsite: 0, special: 1, comprehensive: 2 };

function coversCategory(plan: Pick<Plan, 'accidentCategories'>, category: AccidentCategory): boolean {
  return plan.accidentCategories.includes(category);
}

/** The match for one plan, or null when it does not apply. */
export function matchPlan<P extends Plan>(plan: P, input: PlanMatchInput): ApplicablePlan<P> | null {
  const category = coversCategory(plan, input.category);
  const anyCategory = plan.accidentCategories.length === 0;
  switch (plan.ownerKind) {
    case 'enterprise': {
      if (!input.enterpriseId || plan.ownerId !== input.enterpriseId) return null;
      if (plan.type === 'comprehensive') {
        return {
          plan,
          group: 'enterprise',
          reasons: category ? ['enterprise', 'category'] : ['enterprise', 'comprehensive'],
        };
      }
      if (!category && !anyCategory) return null;
      return { plan, group: 'enterprise', reasons: category ? ['enterprise', 'category'] : ['enterprise'] };
    }
    case 'township': {
      if (!input.townshipCode || plan.townshipCode !== input.townshipCode) return null;
      if (plan.type === 'comprehensive') {
        return {
          plan,
          group: 'township',
          reasons: category ? ['township', 'category'] : ['township', 'comprehensive'],
        };
      }
      if (!category && !anyCategory) return null;
      return { plan, group: 'township', reasons: category ? ['township', 'category'] : ['township'] };
    }
    case 'county': {
      if (plan.type === 'comprehensive') {
        return { plan, group: 'county_comprehensive', reasons: category ? ['category'] : ['comprehensive'] };
      }
      return category ? { plan, group: 'county_special', reasons: ['category'] } : null;
    }
    case 'department':
      return category ? { plan, group: 'department', reasons: ['category'] } : null;
  }
}

/**
 * The plans that apply to the incident, best first: by group (PLAN_MATCH_GROUPS), then
 * 现场处置 / 专项 / 综合, then a plan covering the category before one that does not, then by id
 * (so the order is stable).
 */
export function applicablePlans<P extends Plan>(
  plans: ReadonlyArray<P>,
  input: PlanMatchInput,
): Array<ApplicablePlan<P>> {
  const matches: Array<ApplicablePlan<P>> = [];
  for (const plan of plans) {
    const m = matchPlan(plan, input);
    if (m) matches.push(m);
  }
  const groupRank = (g: PlanMatchGroup) => PLAN_MATCH_GROUPS.indexOf(g);
  return matches.sort(
    (a, b) =>
      groupRank(a.group) - groupRank(b.group) ||
      TYPE_ORDER[a.plan.type] - TYPE_ORDER[b.plan.type] ||
      Number(b.reasons.includes('category')) - Number(a.reasons.includes('category')) ||
      (a.plan.id < b.plan.id ? -1 : a.plan.id > b.plan.id ? 1 : 0),
  );
}

/**
 * The plan's actions at a response level. A plan that lists no actions for the level itself uses
 * those of the nearest less severe level it does list: a more severe response still does what a
 * lesser one does (an enterprise's 现场处置方案 usually lists one level only). A plan whose least
 * severe listed level is more severe than the one running is not activated at it: no actions.
 * `fromLevel` says which level the actions were taken from.
 */
export function planActionsAt(
  plan: Pick<Plan, 'levels'>,
  level: ResponseLevel,
): { actions: ReadonlyArray<PlanAction>; fromLevel: ResponseLevel } | null {
  let best: Plan['levels'][number] | undefined;
  for (const entry of plan.levels) {
    // Ⅰ = 1 is the most severe: a less severe level has a larger number.
    if (entry.level < level) continue;
    if (!best || entry.level < best.level) best = entry;
  }
  return best ? { actions: best.actions, fromLevel: best.level } : null;
}
