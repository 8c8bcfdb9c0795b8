// Accident grade (事故等级) under Art. 3 of 国务院令第493号. Thresholds are data in
// domain/accident-reporting-regulation.ts; the county's missing-as-deaths choice in
// domain/county-incident-settings.ts. Any one criterion sets the grade; the most severe wins.
import { ACCIDENT_GRADES, ART3_GRADE_THRESHOLDS } from '../domain/accident-reporting-regulation';
import type { AccidentGrade, GradeCriterion } from '../domain/accident-reporting-regulation';
import { COUNTY_INCIDENT_SETTINGS } from '../domain/county-incident-settings';

export type { AccidentGrade, GradeCriterion } from '../domain/accident-reporting-regulation';

/** The figures Art. 3 grades by. `missing` counts only when the county setting says so. */
export type GradeFigures = {
  deaths: number;
  /** serious injuries, acute industrial poisoning included */
  seriousInjuries: number;
  missing?: number;
  /** estimated direct economic loss, 万元 */
  directLossWan: number;
};

export type GradeOptions = { countMissingAsDeaths: boolean };

export type GradeAssessment = {
  grade: AccidentGrade;
  /** the criteria that reach `grade` (empty for 一般: nothing reached 较大) */
  decidedBy: Array<GradeCriterion>;
  /** the deaths figure used: deaths, plus missing when the county counts them */
  deathsCounted: number;
};

const RANK: Readonly<Record<AccidentGrade, number>> = Object.fromEntries(
  ACCIDENT_GRADES.map((g) => [g.code, g.rank]),
) as Record<AccidentGrade, number>;

/** > 0 when a is more severe than b. */
export function compareGrades(a: AccidentGrade, b: AccidentGrade): number {
  return RANK[a] - RANK[b];
}

function gradeOf(criterion: GradeCriterion, value: number): AccidentGrade {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${criterion} must be a number ≥ 0, got ${value}`);
  for (const t of ART3_GRADE_THRESHOLDS[criterion]) if (value >= t.atLeast) return t.grade;
  return 'general';
}

/** The grade and the criteria that decided it. */
export function assessAccidentGrade(
  figures: GradeFigures,
  options: GradeOptions = COUNTY_INCIDENT_SETTINGS,
): GradeAssessment {
  const deathsCounted = figures.deaths + (options.countMissingAsDeaths ? (figures.missing ?? 0) : 0);
  const byCriterion: Record<GradeCriterion, AccidentGrade> = {
    deaths: gradeOf('deaths', deathsCounted),
    seriousInjuries: gradeOf('seriousInjuries', figures.seriousInjuries),
    directLossWan: gradeOf('directLossWan', figures.directLossWan),
  };
  let grade: AccidentGrade = 'general';
  for (const g of Object.values(byCriterion)) if (compareGrades(g, grade) > 0) grade = g;
  const decidedBy =
    grade === 'general'
      ? []
      : (Object.keys(byCriterion) as Array<GradeCriterion>).filter((c) => byCriterion[c] === grade);
  return { grade, decidedBy, deathsCounted };
}

export function accidentGrade(figures: GradeFigures, options: GradeOptions = COUNTY_INCIDENT_SETTINGS): AccidentGrade {
  return assessAccidentGrade(figures, options).grade;
}

/** The grade of an incident (or a report) from its casualties and loss. */
export function incidentGrade(
  incident: { casualties: { deaths: number; seriousInjuries: number; missing: number }; directLossWan: number },
  options: GradeOptions = COUNTY_INCIDENT_SETTINGS,
): AccidentGrade {
  return accidentGrade(
    {
      deaths: incident.casualties.deaths,
      seriousInjuries: incident.casualties.seriousInjuries,
      missing: incident.casualties.missing,
      directLossWan: incident.directLossWan,
    },
    options,
  );
}
