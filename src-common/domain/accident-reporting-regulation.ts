// 《生产安全事故报告和调查处理条例》(国务院令第493号, 2007) as data: the accident grades of
// Art. 3 and the reporting deadlines of Art. 9–11 and 13. Source: public summaries of the
// regulation (shared/DOMAIN.md). A county corrects a figure here, never in the rules.
//
// Art. 3 reads "…以上…以下": "以上" includes the number and "以下" excludes it, so each grade is
// given by its inclusive lower bound and the grade above starts where it ends (3 deaths is 较大).
import type { AccidentCategory } from './gb6441';

/** 事故等级, least severe first. Codes are stable identifiers on the wire. */
export const ACCIDENT_GRADES = [
  { code: 'general', zh: '一般事故', en: 'General accident', rank: 1 },
  { code: 'larger', zh: '较大事故', en: 'Larger accident', rank: 2 },
  { code: 'major', zh: '重大事故', en: 'Major accident', rank: 3 },
  { code: 'especially_major', zh: '特别重大事故', en: 'Especially major accident', rank: 4 },
] as const;

export type AccidentGrade = (typeof ACCIDENT_GRADES)[number]['code'];
export const ACCIDENT_GRADE_CODES = ACCIDENT_GRADES.map((g) => g.code) as [AccidentGrade, ...Array<AccidentGrade>];

/** The three criteria of Art. 3; any one of them sets the grade. */
export type GradeCriterion = 'deaths' | 'seriousInjuries' | 'directLossWan';

/**
 * Art. 3 thresholds: for each criterion, the inclusive lower bound ("以上") of each grade above
 * 一般, most severe first. Serious injuries include acute industrial poisoning (急性工业中毒);
 * direct loss is in 万元 (1 亿元 = 10 000 万元).
 */
export const ART3_GRADE_THRESHOLDS: Readonly<
  Record<GradeCriterion, ReadonlyArray<{ grade: Exclude<AccidentGrade, 'general'>; atLeast: number }>>
> = {
  deaths: [
    { grade: 'especially_major', atLeast: 30 },
    { grade: 'major', atLeast: 10 },
    { grade: 'larger', atLeast: 3 },
  ],
  seriousInjuries: [
    { grade: 'especially_major', atLeast: 100 },
    { grade: 'major', atLeast: 50 },
    { grade: 'larger', atLeast: 10 },
  ],
  directLossWan: [
    { grade: 'especially_major', atLeast: 10_000 },
    { grade: 'major', atLeast: 5_000 },
    { grade: 'larger', atLeast: 1_000 },
  ],
};

/** Administrative levels a report passes through, from the county up. */
export const REPORT_LEVELS = ['county', 'city', 'province', 'state'] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const REPORTING_RULES = {
  /** Art. 9: the unit head reports to the county work-safety department within 1 hour of the accident. */
  countyReportMs: 1 * HOUR_MS,
  /** Art. 11: each level passes the report up within 2 hours. */
  perLevelMs: 2 * HOUR_MS,
  /**
   * Art. 10: the highest level a report must reach, by grade — 一般 the city (设区的市),
   * 较大 the province, 重大/特别重大 the State Council department (国务院安全生产监督管理部门).
   */
  highestLevelByGrade: {
    general: 'city',
    larger: 'province',
    major: 'state',
    especially_major: 'state',
  } satisfies Record<AccidentGrade, ReportLevel>,
  /**
   * Art. 13: casualty changes within 30 days of the accident are re-reported (补报); 7 days for
   * road traffic and fire accidents. Counted as 30 × 24 h (7 × 24 h) from occurrence.
   */
  casualtyRereportMs: 30 * DAY_MS,
  casualtyRereportShortMs: 7 * DAY_MS,
} as const;

/**
 * Which GB 6441 categories take the short (7-day) Art. 13 window. NOTE: an interpretation —
 * GB 6441 "车辆伤害" also covers in-plant vehicles, which are not road traffic accidents; the
 * county may narrow this list (or the duty officer picks "other" for an in-plant vehicle).
 */
export const SHORT_REREPORT_CATEGORIES: ReadonlyArray<AccidentCategory> = ['vehicle', 'fire'];
