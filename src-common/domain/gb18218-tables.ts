// GB 18218-2018《危险化学品重大危险源辨识》and the grading method of 《危险化学品重大危险源
// 监督管理暂行规定》(原国家安监总局令第40号, 附件1 危险化学品重大危险源分级方法), as summarised in
// shared/DOMAIN.md. Every threshold is data here so that a county can correct it; the rule that
// uses them is rules/gb18218.ts.
//
// NOTE: items marked `verified: false` could not be checked against the original text of the
// standard: the critical quantities are the widely transcribed values of GB 18218-2018 Table 1,
// and the hazard category of each listed chemical (which sets its β when it is not a named toxic
// gas) is our reading of its GHS classification in 危险化学品目录 (2015).

/**
 * Hazard categories of GB 18218-2018 Table 2 (J: health hazards, W: physical hazards), with β
 * (DOMAIN.md: J1 4, J2 1, J3/J4 2, J5 1, W1.x 2, W2 1.5, W5.1 1.5, W6.1/W7.1 1.5, others 1).
 * The Chinese descriptions are paraphrased, not quoted. Table 2 also gives a critical quantity
 * per category for unlisted chemicals; Watchfloor asks for Q explicitly instead (not verified).
 */
export const HAZARD_CATEGORIES = [
  { code: 'J1', zh: '急性毒性（类别1，所有暴露途径，气体）', beta: 4 },
  { code: 'J2', zh: '急性毒性（类别1，所有暴露途径，固体、液体）', beta: 1 },
  { code: 'J3', zh: '急性毒性（类别2、类别3，所有暴露途径，气体）', beta: 2 },
  { code: 'J4', zh: '急性毒性（类别2、类别3，吸入途径，固体、液体，不含固体尘埃）', beta: 2 },
  { code: 'J5', zh: '急性毒性（类别2，所有暴露途径，液体，J4除外）', beta: 1 },
  { code: 'W1.1', zh: '不稳定爆炸物', beta: 2 },
  { code: 'W1.2', zh: '1.1项爆炸物', beta: 2 },
  { code: 'W1.3', zh: '1.2、1.3、1.5、1.6项爆炸物', beta: 2 },
  { code: 'W2', zh: '易燃气体（类别1和类别2）', beta: 1.5 },
  { code: 'W3', zh: '气溶胶（类别1和类别2）', beta: 1 },
  { code: 'W4', zh: '氧化性气体', beta: 1 },
  { code: 'W5.1', zh: '易燃液体（类别1；类别2、3工作温度高于沸点）', beta: 1.5 },
  { code: 'W5.2', zh: '易燃液体（类别2、3，具有引发重大事故的特殊工艺条件）', beta: 1 },
  { code: 'W5.3', zh: '易燃液体（不属于W5.1或W5.2的其他类别2）', beta: 1 },
  { code: 'W5.4', zh: '易燃液体（不属于W5.1或W5.2的其他类别3）', beta: 1 },
  { code: 'W6.1', zh: '自反应物质和混合物（A型和B型）', beta: 1.5 },
  { code: 'W6.2', zh: '自反应物质和混合物（C型、D型、E型）', beta: 1 },
  { code: 'W7.1', zh: '有机过氧化物（A型和B型）', beta: 1.5 },
  { code: 'W7.2', zh: '有机过氧化物（C型、D型、E型、F型）', beta: 1 },
  { code: 'W8', zh: '自燃液体和自燃固体', beta: 1 },
  { code: 'W9.1', zh: '氧化性固体和液体（类别1）', beta: 1 },
  { code: 'W9.2', zh: '氧化性固体和液体（类别2、类别3）', beta: 1 },
  { code: 'W10', zh: '易燃固体', beta: 1 },
  { code: 'W11', zh: '遇水放出易燃气体的物质和混合物', beta: 1 },
] as const;

export type HazardCategory = (typeof HAZARD_CATEGORIES)[number]['code'];
export const HAZARD_CATEGORY_CODES = HAZARD_CATEGORIES.map((c) => c.code) as [HazardCategory, ...Array<HazardCategory>];

/**
 * β for the named toxic gases (分级方法 表2). A named gas takes this β whatever its hazard
 * category would give. Identified by CAS number.
 */
export const NAMED_TOXIC_GASES = [
  { casNo: '630-08-0', zh: '一氧化碳', beta: 2 },
  { casNo: '7446-09-5', zh: '二氧化硫', beta: 2 },
  { casNo: '7664-41-7', zh: '氨', beta: 2 },
  { casNo: '75-21-8', zh: '环氧乙烷', beta: 2 },
  { casNo: '7647-01-0', zh: '氯化氢', beta: 3 },
  { casNo: '74-83-9', zh: '溴甲烷', beta: 3 },
  { casNo: '7782-50-5', zh: '氯', beta: 4 },
  { casNo: '7783-06-4', zh: '硫化氢', beta: 5 },
  { casNo: '7664-39-3', zh: '氟化氢', beta: 5 },
  { casNo: '10102-44-0', zh: '二氧化氮', beta: 10 },
  { casNo: '74-90-8', zh: '氰化氢', beta: 10 },
  { casNo: '75-44-5', zh: '碳酰氯（光气）', beta: 20 },
  { casNo: '7803-51-2', zh: '磷化氢', beta: 20 },
  { casNo: '624-83-9', zh: '异氰酸甲酯', beta: 20 },
] as const;

export type ListedChemical = {
  /** the key: a chemical is recognised by its CAS number, not by one of its many names */
  casNo: string;
  zh: string;
  en: string;
  /** critical quantity Q, tonnes (GB 18218-2018 Table 1) */
  criticalT: number;
  /** sets β when the chemical is not a named toxic gas */
  category: HazardCategory;
  verified: boolean;
};

/** Critical quantities of the chemicals Watchfloor knows by name (GB 18218-2018 Table 1, excerpt). */
export const LISTED_CHEMICALS: ReadonlyArray<ListedChemical> = [
  // the nine of shared/DOMAIN.md
  { casNo: '7664-41-7', zh: '氨', en: 'Ammonia', criticalT: 10, category: 'W2', verified: false },
  { casNo: '7782-50-5', zh: '氯', en: 'Chlorine', criticalT: 5, category: 'J3', verified: false },
  { casNo: '68476-85-7', zh: '液化石油气', en: 'LPG', criticalT: 50, category: 'W2', verified: false },
  { casNo: '86290-81-5', zh: '汽油', en: 'Gasoline', criticalT: 200, category: 'W5.3', verified: false },
  { casNo: '67-56-1', zh: '甲醇', en: 'Methanol', criticalT: 500, category: 'W5.3', verified: false },
  { casNo: '71-43-2', zh: '苯', en: 'Benzene', criticalT: 50, category: 'W5.3', verified: false },
  { casNo: '8006-14-2', zh: '天然气', en: 'Natural gas', criticalT: 50, category: 'W2', verified: false },
  { casNo: '75-44-5', zh: '光气', en: 'Phosgene', criticalT: 0.3, category: 'J1', verified: false },
  { casNo: '74-86-2', zh: '乙炔', en: 'Acetylene', criticalT: 1, category: 'W2', verified: false },
  // a few more of Table 1 that the demo county's sectors use
  { casNo: '1333-74-0', zh: '氢', en: 'Hydrogen', criticalT: 5, category: 'W2', verified: false },
  { casNo: '7783-06-4', zh: '硫化氢', en: 'Hydrogen sulfide', criticalT: 5, category: 'J3', verified: false },
  { casNo: '108-88-3', zh: '甲苯', en: 'Toluene', criticalT: 500, category: 'W5.3', verified: false },
];

/**
 * α by the number of people who could be exposed outside the site, within 500 m of its boundary
 * (分级方法 表3). Bands are checked in order; the first whose `minPeople` is reached applies.
 */
export const ALPHA_BANDS = [
  { minPeople: 100, alpha: 2.0, label: '100人以上' },
  { minPeople: 50, alpha: 1.5, label: '50～99人' },
  { minPeople: 30, alpha: 1.2, label: '30～49人' },
  { minPeople: 1, alpha: 1.0, label: '1～29人' },
  { minPeople: 0, alpha: 0.5, label: '0人' },
] as const;

/** A unit is a major hazard source when S = Σ q/Q reaches this (GB 18218-2018 4.2). */
export const MAJOR_HAZARD_S_THRESHOLD = 1;

/** Grades by R (分级方法 表4): the first band whose `minR` is reached applies. */
export const GRADE_BANDS = [
  { grade: 1, minR: 100, zh: '一级' },
  { grade: 2, minR: 50, zh: '二级' },
  { grade: 3, minR: 10, zh: '三级' },
  { grade: 4, minR: 0, zh: '四级' },
] as const;

export type HazardGrade = (typeof GRADE_BANDS)[number]['grade'];

const LISTED_BY_CAS = new Map(LISTED_CHEMICALS.map((c) => [c.casNo, c]));
const NAMED_BY_CAS = new Map<string, number>(NAMED_TOXIC_GASES.map((g) => [g.casNo, g.beta]));
const CATEGORY_BETA = new Map<string, number>(HAZARD_CATEGORIES.map((c) => [c.code, c.beta]));

export function listedChemical(casNo: string): ListedChemical | undefined {
  return casNo === '' ? undefined : LISTED_BY_CAS.get(casNo);
}

export function namedToxicGasBeta(casNo: string): number | undefined {
  return casNo === '' ? undefined : NAMED_BY_CAS.get(casNo);
}

export function categoryBeta(category: HazardCategory): number {
  return CATEGORY_BETA.get(category) ?? 1;
}
