import { describe, expect, it } from 'vitest';
import { accidentGrade, assessAccidentGrade, compareGrades, incidentGrade } from '@common/rules/accident-grade';
import type { AccidentGrade } from '@common/rules/accident-grade';
import { COUNTY_INCIDENT_SETTINGS } from '@common/domain/county-incident-settings';

const none = { deaths: 0, seriousInjuries: 0, directLossWan: 0 };
const counted = { countMissingAsDeaths: true };
const notCounted = { countMissingAsDeaths: false };

describe('accident grade (Art. 3): every boundary, "以上" includes and "以下" excludes', () => {
  const cases: Array<[string, Partial<typeof none>, AccidentGrade]> = [
    ['no casualties, no loss', {}, 'general'],
    ['2 deaths', { deaths: 2 }, 'general'],
    ['3 deaths', { deaths: 3 }, 'larger'],
    ['9 deaths', { deaths: 9 }, 'larger'],
    ['10 deaths', { deaths: 10 }, 'major'],
    ['29 deaths', { deaths: 29 }, 'major'],
    ['30 deaths', { deaths: 30 }, 'especially_major'],
    ['9 serious injuries', { seriousInjuries: 9 }, 'general'],
    ['10 serious injuries', { seriousInjuries: 10 }, 'larger'],
    ['49 serious injuries', { seriousInjuries: 49 }, 'larger'],
    ['50 serious injuries', { seriousInjuries: 50 }, 'major'],
    ['99 serious injuries', { seriousInjuries: 99 }, 'major'],
    ['100 serious injuries', { seriousInjuries: 100 }, 'especially_major'],
    ['999.99 万元', { directLossWan: 999.99 }, 'general'],
    ['1000 万元', { directLossWan: 1000 }, 'larger'],
    ['4999.99 万元', { directLossWan: 4999.99 }, 'larger'],
    ['5000 万元', { directLossWan: 5000 }, 'major'],
    ['9999.99 万元', { directLossWan: 9999.99 }, 'major'],
    ['10000 万元 (1 亿)', { directLossWan: 10_000 }, 'especially_major'],
  ];
  it.each(cases)('%s → %s', (_name, figures, grade) => {
    expect(accidentGrade({ ...none, ...figures })).toBe(grade);
  });

  it('any one criterion sets the grade; the most severe wins and is named', () => {
    expect(assessAccidentGrade({ deaths: 2, seriousInjuries: 50, directLossWan: 999.99 })).toEqual({
      grade: 'major',
      decidedBy: ['seriousInjuries'],
      deathsCounted: 2,
    });
    expect(assessAccidentGrade({ deaths: 3, seriousInjuries: 10, directLossWan: 1000 }).decidedBy).toEqual([
      'deaths',
      'seriousInjuries',
      'directLossWan',
    ]);
    expect(assessAccidentGrade(none).decidedBy).toEqual([]);
  });

  it('missing people count as deaths only when the county says so (default: not)', () => {
    expect(COUNTY_INCIDENT_SETTINGS.countMissingAsDeaths).toBe(false);
    const f = { deaths: 2, missing: 1, seriousInjuries: 0, directLossWan: 0 };
    expect(accidentGrade(f)).toBe('general');
    expect(accidentGrade(f, notCounted)).toBe('general');
    expect(accidentGrade(f, counted)).toBe('larger');
    expect(assessAccidentGrade(f, counted).deathsCounted).toBe(3);
    expect(accidentGrade({ ...f, deaths: 8, missing: 2 }, counted)).toBe('major');
    expect(accidentGrade({ ...f, deaths: 8, missing: 2 }, notCounted)).toBe('larger');
    expect(accidentGrade({ ...f, deaths: 0, missing: 30 }, counted)).toBe('especially_major');
    expect(accidentGrade({ ...f, deaths: 0, missing: 30 }, notCounted)).toBe('general');
  });

  it('grades an incident from its casualties and loss', () => {
    const incident = {
      casualties: { deaths: 1, seriousInjuries: 10, injured: 40, missing: 5, trapped: 0 },
      directLossWan: 20,
    };
    expect(incidentGrade(incident)).toBe('larger');
    expect(incidentGrade({ ...incident, casualties: { ...incident.casualties, seriousInjuries: 0 } }, counted)).toBe(
      'larger',
    );
  });

  it('orders grades and refuses figures no schema would let through', () => {
    expect(compareGrades('especially_major', 'major')).toBeGreaterThan(0);
    expect(compareGrades('general', 'larger')).toBeLessThan(0);
    expect(compareGrades('major', 'major')).toBe(0);
    expect(() => accidentGrade({ ...none, deaths: -1 })).toThrow(RangeError);
    expect(() => accidentGrade({ ...none, directLossWan: Number.NaN })).toThrow(RangeError);
  });
});
