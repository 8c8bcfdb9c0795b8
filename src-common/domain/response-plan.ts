// Response levels (响应分级) as data, from the national 国家安全生产事故灾难应急预案 (public
// summaries, shared/DOMAIN.md) and the county's own 总体应急预案.
// NOTE: only the national Ⅰ criteria are from a source; the Ⅱ and Ⅲ thresholds below are the
// county's to set and are [unverified] placeholders that mirror the Art. 3 grade bounds.
import type { AccidentGrade } from './accident-reporting-regulation';
import type { ResponseLevel } from '../schemas/plan';

/** The level that answers each accident grade: 特别重大 Ⅰ, 重大 Ⅱ, 较大 Ⅲ, 一般 Ⅳ. */
export const LEVEL_BY_GRADE: Readonly<Record<AccidentGrade, ResponseLevel>> = {
  especially_major: 1,
  major: 2,
  larger: 3,
  general: 4,
};

/** Figures a response plan counts besides the grade (missing and endangered people, people relocated). */
export type LevelCriterion = 'deathsOrMissing' | 'endangered' | 'seriousInjuries' | 'directLossWan' | 'relocated';

export type LevelThreshold = {
  level: Exclude<ResponseLevel, 4>;
  /** inclusive lower bounds; a criterion left out does not raise to this level */
  atLeast: Partial<Record<LevelCriterion, number>>;
  source: string;
  verified: boolean;
};

/** Most severe first. Any one criterion reached suggests that level. */
export const COUNTY_LEVEL_THRESHOLDS: ReadonlyArray<LevelThreshold> = [
  {
    level: 1,
    // ≥30 dead or missing, or ≥30 lives endangered, or ≥100 poisoned/seriously injured, or ≥1 亿元, or ≥10 万 relocated
    atLeast: { deathsOrMissing: 30, endangered: 30, seriousInjuries: 100, directLossWan: 10_000, relocated: 100_000 },
    source: '国家安全生产事故灾难应急预案 Ⅰ级响应',
    verified: false,
  },
  {
    level: 2,
    atLeast: { deathsOrMissing: 10, endangered: 10, seriousInjuries: 50, directLossWan: 5_000, relocated: 50_000 },
    source: '融安县突发事件总体应急预案 Ⅱ级（placeholder）',
    verified: false,
  },
  {
    level: 3,
    atLeast: { deathsOrMissing: 3, endangered: 3, seriousInjuries: 10, directLossWan: 1_000, relocated: 10_000 },
    source: '融安县突发事件总体应急预案 Ⅲ级（placeholder）',
    verified: false,
  },
];

/** An event beyond the county's capacity (超出县级处置能力) is answered at Ⅲ at least. */
export const BEYOND_CAPACITY_LEVEL: ResponseLevel = 3;
