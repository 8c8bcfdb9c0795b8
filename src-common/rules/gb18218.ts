// Major hazard source identification and grading: GB 18218-2018 and the grading method of
// 原国家安监总局令第40号 附件1. The tables (Q, β, α, grade bands) are data in
// domain/gb18218-tables.ts; this module only applies the formulas:
//   S = Σ qᵢ/Qᵢ                 — a major hazard source when S ≥ 1
//   R = α · Σ βᵢ · qᵢ/Qᵢ        — 一级 R ≥ 100, 二级 50 ≤ R < 100, 三级 10 ≤ R < 50, 四级 R < 10
// NOTE: the grade follows R, never S (a common mistake), and β belongs to each chemical.
import {
  ALPHA_BANDS,
  GRADE_BANDS,
  MAJOR_HAZARD_S_THRESHOLD,
  categoryBeta,
  listedChemical,
  namedToxicGasBeta,
} from '../domain/gb18218-tables';
import type { HazardCategory, HazardGrade } from '../domain/gb18218-tables';
import type { HazardChemical, HazardSource } from '../schemas/hazard-source';

export type HazardGradingItem = {
  name: string;
  casNo: string;
  /** actual quantity, t */
  q: number;
  /** critical quantity, t */
  Q: number;
  beta: number;
  /** q / Q */
  ratio: number;
  /** where β came from: the named toxic gas table, or the hazard category */
  betaFrom: 'named_gas' | 'category';
  /** the hazard category used (the table's for a listed chemical, the entered one otherwise) */
  category: HazardCategory | null;
  /** whether Q came from GB 18218 Table 1 (true) or was entered for an unlisted chemical */
  listed: boolean;
};

export type HazardGrading = {
  alpha: number;
  items: Array<HazardGradingItem>;
  /** S = Σ q/Q */
  s: number;
  /** R = α · Σ β · q/Q */
  r: number;
  isMajor: boolean;
  /** null when S < 1: not a major hazard source */
  grade: HazardGrade | null;
};

/**
 * Sums are rounded to 9 decimals before they are compared with a threshold, so that float noise
 * (0.7 + 0.1 + 0.2 = 0.9999999999999999) cannot move a source across S = 1 or an R band.
 */
const round9 = (x: number): number => Math.round(x * 1e9) / 1e9;

/** α for the number of people within 500 m who could be exposed. */
export function alphaFor(exposedPeople: number): number {
  for (const band of ALPHA_BANDS) if (exposedPeople >= band.minPeople) return band.alpha;
  return ALPHA_BANDS[ALPHA_BANDS.length - 1]?.alpha ?? 0.5;
}

/** The grade for R (only meaningful for a major hazard source). */
export function gradeForR(r: number): HazardGrade {
  for (const band of GRADE_BANDS) if (r >= band.minR) return band.grade;
  return 4;
}

/** Q and β of one chemical, from the tables (or the entered Q and category for an unlisted one). */
export function chemicalFactors(c: HazardChemical): Omit<HazardGradingItem, 'name' | 'casNo' | 'q' | 'ratio'> {
  const listed = listedChemical(c.casNo);
  const Q = listed?.criticalT ?? c.criticalT;
  const category = listed?.category ?? c.category ?? null;
  if (Q === undefined || !(Q > 0)) {
    throw new Error(`${c.name} (${c.casNo || 'no CAS'}): not in GB 18218 Table 1 and no critical quantity given`);
  }
  const named = namedToxicGasBeta(c.casNo);
  if (named !== undefined) return { Q, beta: named, betaFrom: 'named_gas', category, listed: listed !== undefined };
  if (category === null) {
    throw new Error(`${c.name} (${c.casNo || 'no CAS'}): not in GB 18218 Table 1 and no hazard category given`);
  }
  return { Q, beta: categoryBeta(category), betaFrom: 'category', category, listed: listed !== undefined };
}

/**
 * Grades a hazard source from its stored inputs (chemicals with q, people within 500 m).
 * Throws only for input the schema refuses (an unlisted chemical without Q or category).
 */
export function gradeHazardSource(hs: HazardSource): HazardGrading {
  const alpha = alphaFor(hs.exposedPeople);
  const items = hs.chemicals.map((c): HazardGradingItem => {
    const f = chemicalFactors(c);
    return { name: c.name, casNo: c.casNo, q: c.quantityT, ratio: c.quantityT / f.Q, ...f };
  });
  const s = round9(items.reduce((sum, i) => sum + i.ratio, 0));
  const r = round9(alpha * items.reduce((sum, i) => sum + i.beta * i.ratio, 0));
  const isMajor = s >= MAJOR_HAZARD_S_THRESHOLD;
  return { alpha, items, s, r, isMajor, grade: isMajor ? gradeForR(r) : null };
}
