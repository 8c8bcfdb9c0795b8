import { describe, expect, it } from 'vitest';
import { gradeHazardSource } from '@common/rules/gb18218';
import type { HazardGrading } from '@common/rules/gb18218';
import type { HazardSource } from '@common/schemas/hazard-source';
import { formatFigure, gradeBandRule, hazardWorking } from '../../../src-renderer/src/features/details/hazard-working';

const item = (name: string, q: number, Q: number, beta: number) => ({
  name,
  casNo: '',
  q,
  Q,
  beta,
  ratio: q / Q,
  betaFrom: 'category' as const,
  category: null,
  listed: false,
});

describe('hazard working formatter', () => {
  it('shows every step of a two-chemical source, ending in the rule’s own R and grade', () => {
    // hand-worked: S = 12/10 + 3/5 = 1.2 + 0.6 = 1.8; R = 1.5 × (2 × 1.2 + 4 × 0.6) = 1.5 × 4.8 = 7.2 → 四级
    const g: HazardGrading = {
      alpha: 1.5,
      items: [item('氨', 12, 10, 2), item('氯', 3, 5, 4)],
      s: 1.8,
      r: 7.2,
      isMajor: true,
      grade: 4,
    };
    const w = hazardWorking(g);
    expect(w.sLine).toBe('S = Σ q/Q = 12/10 + 3/5 = 1.2 + 0.6 = 1.8');
    expect(w.rLine).toBe('R = α × Σ β·q/Q = 1.5 × (2 × 1.2 + 4 × 0.6) = 1.5 × 4.8 = 7.2');
    expect(w.bandRule).toBe('R < 10');
    expect(w).toMatchObject({ s: '1.8', r: '7.2', alpha: '1.5', isMajor: true, grade: 4 });
  });

  it('writes a single chemical without a redundant sum', () => {
    const w = hazardWorking({
      alpha: 2,
      items: [item('液化石油气', 100, 50, 1.5)],
      s: 2,
      r: 6,
      isMajor: true,
      grade: 4,
    });
    expect(w.sLine).toBe('S = Σ q/Q = 100/50 = 2');
    expect(w.rLine).toBe('R = α × Σ β·q/Q = 2 × 1.5 × 2 = 2 × 3 = 6');
  });

  it('has no band when S < 1 (not a major hazard source)', () => {
    const w = hazardWorking({
      alpha: 1,
      items: [item('甲醇', 100, 500, 1)],
      s: 0.2,
      r: 0.2,
      isMajor: false,
      grade: null,
    });
    expect(w.bandRule).toBeNull();
    expect(w.isMajor).toBe(false);
    expect(w.sLine).toBe('S = Σ q/Q = 100/500 = 0.2');
  });

  it('states each grade band from the src-common table', () => {
    expect(gradeBandRule(1)).toBe('R ≥ 100');
    expect(gradeBandRule(2)).toBe('50 ≤ R < 100');
    expect(gradeBandRule(3)).toBe('10 ≤ R < 50');
    expect(gradeBandRule(4)).toBe('R < 10');
  });

  it('formats figures without float noise', () => {
    expect(formatFigure(0.1 + 0.2)).toBe('0.3');
    expect(formatFigure(1 / 3)).toBe('0.3333');
    expect(formatFigure(200 / 3)).toBe('66.667');
    expect(formatFigure(5)).toBe('5');
    expect(formatFigure(0)).toBe('0');
  });

  it('agrees with the GB 18218 rule on a stored hazard source (chlorine + ammonia, 120 people)', () => {
    const hs: HazardSource = {
      id: 'hs-1',
      enterpriseId: 'e-1',
      name: '液氯库',
      location: { lng: 109.4, lat: 25.2 },
      exposedPeople: 120,
      chemicals: [
        { name: '氯', casNo: '7782-50-5', quantityT: 10 },
        { name: '氨', casNo: '7664-41-7', quantityT: 5 },
      ],
    };
    const g = gradeHazardSource(hs);
    const w = hazardWorking(g);
    // Cl₂: Q 5, β 4 → 2 × 4 = 8; NH₃: Q 10, β 2 → 0.5 × 2 = 1; α 2 (≥ 100 people) → R = 18 → 三级
    expect(w.sLine).toBe('S = Σ q/Q = 10/5 + 5/10 = 2 + 0.5 = 2.5');
    expect(w.rLine).toBe('R = α × Σ β·q/Q = 2 × (4 × 2 + 2 × 0.5) = 2 × 9 = 18');
    expect(w.grade).toBe(3);
    expect(w.bandRule).toBe('10 ≤ R < 50');
  });
});
