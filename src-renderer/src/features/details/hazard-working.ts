import { GRADE_BANDS } from '@common/domain/gb18218-tables';
import type { HazardGrade } from '@common/domain/gb18218-tables';
import type { HazardGrading } from '@common/rules/gb18218';

/** A figure as the working shows it: at most 3 decimals (4 below 1), no trailing zeros. */
export function formatFigure(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const digits = Math.abs(n) >= 1 || n === 0 ? 3 : 4;
  return String(Number(n.toFixed(digits)));
}

export type HazardWorking = {
  /** S = Σ q/Q = 12/10 + 3/5 = 1.2 + 0.6 = 1.8 */
  sLine: string;
  /** R = α × Σ β·q/Q = 1.5 × (2 × 1.2 + 4 × 0.6) = 1.5 × 4.8 = 7.2 */
  rLine: string;
  /** the band R fell in, e.g. "10 ≤ R < 50"; null when not a major hazard source */
  bandRule: string | null;
  s: string;
  r: string;
  alpha: string;
  isMajor: boolean;
  grade: HazardGrade | null;
};

/** "R ≥ 100", "50 ≤ R < 100", …, "R < 10", from the grade bands in src-common. */
export function gradeBandRule(grade: HazardGrade): string {
  const i = GRADE_BANDS.findIndex((b) => b.grade === grade);
  const band = GRADE_BANDS[i];
  if (!band) return '';
  const upper = i > 0 ? GRADE_BANDS[i - 1]?.minR : undefined;
  const lower = band.minR > 0 ? band.minR : undefined;
  if (lower !== undefined && upper !== undefined) return `${lower} ≤ R < ${upper}`;
  if (lower !== undefined) return `R ≥ ${lower}`;
  return upper !== undefined ? `R < ${upper}` : 'R ≥ 0';
}

/**
 * The GB 18218 working step by step, from the rule's result (never recomputed differently):
 * each line shows the formula, the figures put into it, and the result.
 */
export function hazardWorking(g: HazardGrading): HazardWorking {
  const f = formatFigure;
  const s = f(g.s);
  const r = f(g.r);
  const alpha = f(g.alpha);
  const quotients = g.items.map((i) => `${f(i.q)}/${f(i.Q)}`).join(' + ');
  const ratios = g.items.map((i) => f(i.ratio)).join(' + ');
  const sParts = ['S = Σ q/Q', quotients];
  if (g.items.length > 1) sParts.push(ratios);
  sParts.push(s);

  const sum = g.items.reduce((acc, i) => acc + i.beta * i.ratio, 0);
  const products = g.items.map((i) => `${f(i.beta)} × ${f(i.ratio)}`).join(' + ');
  const rParts = ['R = α × Σ β·q/Q', g.items.length > 1 ? `${alpha} × (${products})` : `${alpha} × ${products}`];
  rParts.push(`${alpha} × ${f(sum)}`, r);

  return {
    sLine: sParts.join(' = '),
    rLine: rParts.join(' = '),
    bandRule: g.grade === null ? null : gradeBandRule(g.grade),
    s,
    r,
    alpha,
    isMajor: g.isMajor,
    grade: g.grade,
  };
}
