// Suggested response level (Ⅰ–Ⅳ): the level the grade answers, raised by the county's
// thresholds on figures the grade does not count (missing, endangered, relocated), and to Ⅲ at
// least when the event is beyond the county's capacity. The commander decides; this suggests.
import { BEYOND_CAPACITY_LEVEL, COUNTY_LEVEL_THRESHOLDS, LEVEL_BY_GRADE } from '../domain/response-plan';
import type { LevelCriterion, LevelThreshold } from '../domain/response-plan';
import type { ResponseLevel } from '../schemas/plan';
import type { AccidentGrade } from './accident-grade';

export type LevelFigures = {
  grade: AccidentGrade;
  deaths: number;
  missing: number;
  seriousInjuries: number;
  directLossWan: number;
  endangered?: number;
  relocated?: number;
  /** 超出县级处置能力: a judgement the duty officer or commander records on the incident */
  beyondCountyCapacity?: boolean;
};

export type LevelReason =
  | { kind: 'grade'; grade: AccidentGrade; level: ResponseLevel }
  | { kind: 'threshold'; criterion: LevelCriterion; value: number; atLeast: number; level: ResponseLevel }
  | { kind: 'beyond_capacity'; level: ResponseLevel };

export type LevelSuggestion = { level: ResponseLevel; reasons: Array<LevelReason> };

/** Ⅰ is the most severe: the smaller number wins. */
export function moreSevereLevel(a: ResponseLevel, b: ResponseLevel): ResponseLevel {
  return a < b ? a : b;
}

export function suggestResponseLevel(
  figures: LevelFigures,
  thresholds: ReadonlyArray<LevelThreshold> = COUNTY_LEVEL_THRESHOLDS,
): LevelSuggestion {
  const values: Record<LevelCriterion, number> = {
    deathsOrMissing: figures.deaths + figures.missing,
    endangered: figures.endangered ?? 0,
    seriousInjuries: figures.seriousInjuries,
    directLossWan: figures.directLossWan,
    relocated: figures.relocated ?? 0,
  };
  const reasons: Array<LevelReason> = [];
  const fromGrade = LEVEL_BY_GRADE[figures.grade];
  let level = fromGrade;
  reasons.push({ kind: 'grade', grade: figures.grade, level: fromGrade });
  for (const t of thresholds) {
    for (const [criterion, atLeast] of Object.entries(t.atLeast) as Array<[LevelCriterion, number]>) {
      if (values[criterion] >= atLeast && t.level < level) {
        reasons.push({ kind: 'threshold', criterion, value: values[criterion], atLeast, level: t.level });
      }
    }
    if (reasons.some((r) => r.kind === 'threshold' && r.level === t.level)) level = moreSevereLevel(level, t.level);
  }
  if (figures.beyondCountyCapacity && BEYOND_CAPACITY_LEVEL < level) {
    level = BEYOND_CAPACITY_LEVEL;
    reasons.push({ kind: 'beyond_capacity', level });
  }
  // Keep only the reasons for the level suggested (the grade's reason stays for display).
  return { level, reasons: reasons.filter((r) => r.kind === 'grade' || r.level === level) };
}
