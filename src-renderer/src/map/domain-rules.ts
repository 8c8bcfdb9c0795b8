import type { Enterprise } from '@common/schemas/enterprise';
import type { HazardSource } from '@common/schemas/hazard-source';
import type { Plan } from '@common/schemas/plan';
import { gradeHazardSource } from '@common/rules/gb18218';
import { enterpriseCoverage, plansByEnterprise } from '@common/rules/plan-status';
import type { CoverageState, HazardGradeKey } from './symbology';

/** The map's view of the domain rules in src-common: grades and plan states, never re-derived here. */

export function hazardGradeKey(hs: HazardSource): HazardGradeKey {
  return gradeHazardSource(hs).grade ?? 0;
}

/** Coverage of many enterprises at once: plans grouped by owner first (50k × all plans would be slow). */
export function coverageStates(
  enterprises: ReadonlyArray<Enterprise>,
  plans: ReadonlyArray<Plan>,
  now: Date,
): Array<CoverageState> {
  const byEnterprise = plansByEnterprise(plans);
  return enterprises.map((e) => enterpriseCoverage(e, byEnterprise.get(e.id) ?? [], now).state);
}
