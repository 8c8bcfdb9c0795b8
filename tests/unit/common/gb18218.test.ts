import { describe, expect, it } from 'vitest';
import { isValidCasNumber } from '@common/domain/cas-number';
import { ALPHA_BANDS, LISTED_CHEMICALS, NAMED_TOXIC_GASES, listedChemical } from '@common/domain/gb18218-tables';
import { alphaFor, gradeForR, gradeHazardSource } from '@common/rules/gb18218';
import { HazardSourceSchema } from '@common/schemas/hazard-source';
import type { HazardSource } from '@common/schemas/hazard-source';

// Chemicals as a user enters them: name, CAS, actual quantity q (t). Q and β come from the tables.
const ammonia = (q: number) => ({ name: '液氨', casNo: '7664-41-7', quantityT: q });
const chlorine = (q: number) => ({ name: '液氯', casNo: '7782-50-5', quantityT: q });
const lpg = (q: number) => ({ name: '液化石油气', casNo: '68476-85-7', quantityT: q });
const gasoline = (q: number) => ({ name: '汽油', casNo: '86290-81-5', quantityT: q });
const methanol = (q: number) => ({ name: '甲醇', casNo: '67-56-1', quantityT: q });
const benzene = (q: number) => ({ name: '苯', casNo: '71-43-2', quantityT: q });

/** Parses through the schema, as stored data would have been. */
function source(exposedPeople: number, chemicals: Array<Record<string, unknown>>): HazardSource {
  return HazardSourceSchema.parse({
    id: 'hz-test',
    enterpriseId: 'ent-test',
    name: '测试单元',
    location: { lng: 109.4, lat: 25.21 },
    exposedPeople,
    chemicals,
  });
}

describe('GB 18218 tables', () => {
  it('key every chemical by a valid CAS number; named gases and listed chemicals agree', () => {
    for (const c of LISTED_CHEMICALS) expect(isValidCasNumber(c.casNo), c.casNo).toBe(true);
    for (const g of NAMED_TOXIC_GASES) expect(isValidCasNumber(g.casNo), g.casNo).toBe(true);
    expect(new Set(LISTED_CHEMICALS.map((c) => c.casNo)).size).toBe(LISTED_CHEMICALS.length);
    // the DOMAIN.md list
    const q = (cas: string) => listedChemical(cas)?.criticalT;
    expect([q('7664-41-7'), q('7782-50-5'), q('68476-85-7'), q('86290-81-5'), q('67-56-1')]).toEqual([
      10, 5, 50, 200, 500,
    ]);
    expect([q('71-43-2'), q('8006-14-2'), q('75-44-5'), q('74-86-2')]).toEqual([50, 50, 0.3, 1]);
  });

  it('CAS check digit', () => {
    expect(isValidCasNumber('7664-41-7')).toBe(true);
    expect(isValidCasNumber('7664-41-8')).toBe(false);
    expect(isValidCasNumber('7664417')).toBe(false);
  });
});

describe('α — people within 500 m', () => {
  it.each([
    [100, 2.0],
    [101, 2.0],
    [99, 1.5],
    [50, 1.5],
    [49, 1.2],
    [30, 1.2],
    [29, 1.0],
    [1, 1.0],
    [0, 0.5],
  ])('%i people → α %d', (people, alpha) => {
    expect(alphaFor(people)).toBe(alpha);
    // methanol at exactly its Q: S = 500/500 = 1, Σβ·q/Q = 1 · 1 (β 1, category W5.3), so R = α
    const g = gradeHazardSource(source(people, [methanol(500)]));
    expect(g.alpha).toBe(alpha);
    expect(g.r).toBe(alpha);
    expect(g.grade).toBe(4);
  });

  it('bands are ordered from most people down to none', () => {
    expect(ALPHA_BANDS.map((b) => b.minPeople)).toEqual([100, 50, 30, 1, 0]);
  });
});

describe('gradeHazardSource — hand-worked examples', () => {
  it('LPG depot: 一 chemical, W2 category β', () => {
    // LPG q = 120 t, Q = 50 t → q/Q = 2.4; β = 1.5 (W2 flammable gas, not a named toxic gas)
    // S = 2.4 ≥ 1 → major. 150 people → α = 2.0. R = 2.0 × 1.5 × 2.4 = 7.2 < 10 → 四级
    const g = gradeHazardSource(source(150, [lpg(120)]));
    expect(g.items).toEqual([
      expect.objectContaining({ name: '液化石油气', casNo: '68476-85-7', q: 120, Q: 50, beta: 1.5, ratio: 2.4 }),
    ]);
    expect(g).toMatchObject({ alpha: 2, s: 2.4, r: 7.2, isMajor: true, grade: 4 });
  });

  it('water works chlorine: named toxic gas β = 4', () => {
    // Cl₂ q = 30 t, Q = 5 t → 6; β = 4 (named gas). 60 people → α = 1.5.
    // S = 6 → major. R = 1.5 × 4 × 6 = 36 → 10 ≤ R < 50 → 三级
    const g = gradeHazardSource(source(60, [chlorine(30)]));
    expect(g).toMatchObject({ alpha: 1.5, s: 6, r: 36, isMajor: true, grade: 3 });
    expect(g.items[0]).toMatchObject({ beta: 4, betaFrom: 'named_gas' });
  });

  it('ammonia: the named-gas β (2) overrides its category β (W2 → 1.5); R exactly 100 → 一级', () => {
    // NH₃ q = 250 t, Q = 10 t → 25; β = 2 (named gas; by category W2 it would be 1.5)
    // exactly 100 people → α = 2.0. R = 2.0 × 2 × 25 = 100 → R ≥ 100 → 一级
    const g = gradeHazardSource(source(100, [ammonia(250)]));
    expect(g.items[0]).toMatchObject({ Q: 10, beta: 2, betaFrom: 'named_gas', category: 'W2', ratio: 25 });
    expect(g).toMatchObject({ alpha: 2, s: 25, r: 100, grade: 1 });
    // with 99 people α = 1.5: R = 1.5 × 2 × 25 = 75 → 二级
    expect(gradeHazardSource(source(99, [ammonia(250)]))).toMatchObject({ r: 75, grade: 2 });
  });

  it('R exactly 50 → 二级; just below → 三级', () => {
    // NH₃ 125 t → 12.5; β 2 → 25; 100 people → α 2 → R = 50 → 二级
    expect(gradeHazardSource(source(100, [ammonia(125)]))).toMatchObject({ r: 50, grade: 2 });
    // NH₃ 124.9 t → 12.49; × 2 × 2 → R = 49.96 → 三级
    expect(gradeHazardSource(source(100, [ammonia(124.9)]))).toMatchObject({ r: 49.96, grade: 3 });
  });

  it('R exactly 10 → 三级; just below → 四级; 0 people → α 0.5', () => {
    // Cl₂ 12.5 t → 2.5; β 4 → 10; 29 people → α 1.0 → R = 10 → 三级
    expect(gradeHazardSource(source(29, [chlorine(12.5)]))).toMatchObject({ s: 2.5, r: 10, grade: 3 });
    // 30 people → α 1.2 → R = 12 → 三级
    expect(gradeHazardSource(source(30, [chlorine(12.5)]))).toMatchObject({ r: 12, grade: 3 });
    // 0 people → α 0.5 → R = 5 → 四级
    expect(gradeHazardSource(source(0, [chlorine(12.5)]))).toMatchObject({ alpha: 0.5, r: 5, grade: 4 });
    // Cl₂ 12.4 t → 2.48 × 4 = 9.92; α 1 → R = 9.92 → 四级
    expect(gradeHazardSource(source(1, [chlorine(12.4)]))).toMatchObject({ r: 9.92, grade: 4 });
  });

  it('R just below 100 → 二级', () => {
    // NH₃ 249.9 t → 24.99 × 2 × 2 = 99.96 → 二级
    expect(gradeHazardSource(source(500, [ammonia(249.9)]))).toMatchObject({ r: 99.96, grade: 2 });
  });

  it('S exactly 1 → a major hazard source; S < 1 → not one (grade null)', () => {
    // gasoline q = 200 t = Q → S = 1 → major. β 1 (W5.3), 10 people α 1 → R = 1 → 四级
    expect(gradeHazardSource(source(10, [gasoline(200)]))).toMatchObject({ s: 1, r: 1, isMajor: true, grade: 4 });
    // 199.99 t → S = 0.99995 < 1 → not major; R is still reported (0.99995) but no grade
    expect(gradeHazardSource(source(10, [gasoline(199.99)]))).toMatchObject({
      s: 0.99995,
      r: 0.99995,
      isMajor: false,
      grade: null,
    });
    // a large R does not make a major hazard source: Cl₂ 4.9 t → S = 0.98 (R = 2 × 4 × 0.98 = 7.84)
    expect(gradeHazardSource(source(200, [chlorine(4.9)]))).toMatchObject({ s: 0.98, isMajor: false, grade: null });
  });

  it('S summed over chemicals reaches exactly 1 despite float noise', () => {
    // methanol 300/500 = 0.6, gasoline 60/200 = 0.3, benzene 5/50 = 0.1. In floating point
    // 0.6 + 0.3 + 0.1 = 0.9999999999999999; the standard's S is exactly 1 → major.
    // Σβ·q/Q = 1·0.6 + 1·0.3 + 1·0.1 = 1 (all W5.3); 1 person → α 1 → R = 1 → 四级
    expect(300 / 500 + 60 / 200 + 5 / 50).toBeLessThan(1);
    const g = gradeHazardSource(source(1, [methanol(300), gasoline(60), benzene(5)]));
    expect(g).toMatchObject({ s: 1, r: 1, isMajor: true, grade: 4 });
  });

  it('grades by R, not by S', () => {
    // gasoline 4000 t → S = 20 (a large S) but β 1 and nobody around (α 0.5): R = 0.5 × 20 = 10 → 三级
    expect(gradeHazardSource(source(0, [gasoline(4000)]))).toMatchObject({ s: 20, r: 10, grade: 3 });
    // Cl₂ 65 t → S = 13, below the gasoline site's, but β 4 and 150 people (α 2):
    // R = 2 × 4 × 13 = 104 → 一级
    expect(gradeHazardSource(source(150, [chlorine(65)]))).toMatchObject({ s: 13, r: 104, grade: 1 });
  });

  it('a mixed store: listed, named and unlisted chemicals', () => {
    // methanol 800 t: 800/500 = 1.6, β 1      → β·q/Q = 1.6
    // ammonia 30 t:   30/10  = 3,   β 2 (named) → 6
    // 过氧化甲乙酮 (MEKP, not in Table 1): Q entered 10 t, category W7.1 → β 1.5; q = 5 t → 0.5 → 0.75
    // S = 1.6 + 3 + 0.5 = 5.1 → major; 120 people → α 2; R = 2 × (1.6 + 6 + 0.75) = 16.7 → 三级
    const g = gradeHazardSource(
      source(120, [
        methanol(800),
        ammonia(30),
        { name: '过氧化甲乙酮', casNo: '1338-23-4', category: 'W7.1', quantityT: 5, criticalT: 10 },
      ]),
    );
    expect(g.items.map((i) => [i.Q, i.beta, i.ratio, i.listed])).toEqual([
      [500, 1, 1.6, true],
      [10, 2, 3, true],
      [10, 1.5, 0.5, false],
    ]);
    expect(g).toMatchObject({ alpha: 2, s: 5.1, r: 16.7, isMajor: true, grade: 3 });
  });

  it('an unlisted named toxic gas takes the named β, not its category β', () => {
    // HCN (74-90-8) is not in our Table 1 excerpt: Q entered 1 t, category J1 (β would be 4);
    // named gas β = 10 wins. q = 2 t → 2; S = 2; 40 people → α 1.2; R = 1.2 × 10 × 2 = 24 → 三级
    const g = gradeHazardSource(
      source(40, [{ name: '氰化氢', casNo: '74-90-8', category: 'J1', quantityT: 2, criticalT: 1 }]),
    );
    expect(g.items[0]).toMatchObject({ Q: 1, beta: 10, betaFrom: 'named_gas', category: 'J1', listed: false });
    expect(g).toMatchObject({ s: 2, r: 24, grade: 3 });
  });

  it('gradeForR band edges', () => {
    expect([100, 99.999, 50, 49.999, 10, 9.999, 0].map(gradeForR)).toEqual([1, 2, 2, 3, 3, 4, 4]);
  });
});

describe('HazardSourceSchema — inputs only', () => {
  const base = { id: 'hz-1', enterpriseId: 'ent-1', name: '储罐区', location: { lng: 109.4, lat: 25.2 } };

  it('refuses an entered Q for a chemical GB 18218 lists', () => {
    const r = HazardSourceSchema.safeParse({
      ...base,
      exposedPeople: 0,
      chemicals: [{ ...ammonia(20), criticalT: 20 }],
    });
    expect(r.success).toBe(false);
  });

  it('requires Q and category for an unlisted chemical', () => {
    const mekp = { name: '过氧化甲乙酮', casNo: '1338-23-4', quantityT: 5 };
    expect(HazardSourceSchema.safeParse({ ...base, exposedPeople: 0, chemicals: [mekp] }).success).toBe(false);
    expect(
      HazardSourceSchema.safeParse({ ...base, exposedPeople: 0, chemicals: [{ ...mekp, criticalT: 10 }] }).success,
    ).toBe(false);
    expect(
      HazardSourceSchema.safeParse({ ...base, exposedPeople: 0, chemicals: [{ ...mekp, category: 'W7.1' }] }).success,
    ).toBe(false);
    expect(
      HazardSourceSchema.safeParse({
        ...base,
        exposedPeople: 0,
        chemicals: [{ ...mekp, category: 'W7.1', criticalT: 10 }],
      }).success,
    ).toBe(true);
  });

  it('refuses a bad CAS number, stored Q/β fields, and a negative quantity', () => {
    const bad = (c: Record<string, unknown>) =>
      HazardSourceSchema.safeParse({ ...base, exposedPeople: 0, chemicals: [c] }).success;
    expect(bad({ ...ammonia(10), casNo: '7664-41-8' })).toBe(false);
    expect(bad({ ...ammonia(10), beta: 2 })).toBe(false);
    expect(bad(ammonia(-1))).toBe(false);
    expect(bad(ammonia(10))).toBe(true);
  });
});
