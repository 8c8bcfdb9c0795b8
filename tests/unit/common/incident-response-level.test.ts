import { describe, expect, it } from 'vitest';
import { moreSevereLevel, suggestResponseLevel } from '@common/rules/response-level';
import type { LevelFigures } from '@common/rules/response-level';
import { COUNTY_LEVEL_THRESHOLDS } from '@common/domain/response-plan';

const base: LevelFigures = { grade: 'general', deaths: 0, missing: 0, seriousInjuries: 0, directLossWan: 0 };

describe('suggested response level', () => {
  it.each([
    ['general', 4],
    ['larger', 3],
    ['major', 2],
    ['especially_major', 1],
  ] as const)('grade %s → level %i', (grade, level) => {
    expect(suggestResponseLevel({ ...base, grade }).level).toBe(level);
  });

  it('national Ⅰ criteria the grade does not count: missing, endangered, relocated', () => {
    expect(suggestResponseLevel({ ...base, deaths: 20, missing: 10, grade: 'major' }).level).toBe(1);
    expect(suggestResponseLevel({ ...base, deaths: 20, missing: 9, grade: 'major' }).level).toBe(2);
    expect(suggestResponseLevel({ ...base, endangered: 30 }).level).toBe(1);
    expect(suggestResponseLevel({ ...base, endangered: 29 }).level).toBe(2);
    expect(suggestResponseLevel({ ...base, relocated: 100_000 }).level).toBe(1);
    expect(suggestResponseLevel({ ...base, relocated: 99_999 }).level).toBe(2);
    const r = suggestResponseLevel({ ...base, missing: 30 });
    expect(r.level).toBe(1);
    expect(r.reasons).toContainEqual({
      kind: 'threshold',
      criterion: 'deathsOrMissing',
      value: 30,
      atLeast: 30,
      level: 1,
    });
  });

  it('county Ⅲ thresholds (data) and their boundaries', () => {
    expect(suggestResponseLevel({ ...base, missing: 2, deaths: 0 }).level).toBe(4);
    expect(suggestResponseLevel({ ...base, missing: 2, deaths: 1 }).level).toBe(3);
    expect(suggestResponseLevel({ ...base, endangered: 3 }).level).toBe(3);
    expect(suggestResponseLevel({ ...base, relocated: 9_999 }).level).toBe(4);
    expect(suggestResponseLevel({ ...base, relocated: 10_000 }).level).toBe(3);
  });

  it('beyond the county capacity raises Ⅳ to Ⅲ, never lowers a higher level', () => {
    expect(suggestResponseLevel({ ...base, beyondCountyCapacity: true })).toEqual({
      level: 3,
      reasons: [
        { kind: 'grade', grade: 'general', level: 4 },
        { kind: 'beyond_capacity', level: 3 },
      ],
    });
    expect(suggestResponseLevel({ ...base, grade: 'major', beyondCountyCapacity: true }).level).toBe(2);
    expect(suggestResponseLevel({ ...base, beyondCountyCapacity: false }).level).toBe(4);
  });

  it('uses thresholds given as data (a county may set its own)', () => {
    const strict = [{ level: 3 as const, atLeast: { directLossWan: 100 }, source: 'test', verified: true }];
    expect(suggestResponseLevel({ ...base, directLossWan: 100 }, strict).level).toBe(3);
    expect(suggestResponseLevel({ ...base, directLossWan: 99 }, strict).level).toBe(4);
    expect(COUNTY_LEVEL_THRESHOLDS.map((t) => t.level)).toEqual([1, 2, 3]);
    expect(moreSevereLevel(2, 3)).toBe(2);
  });
});
