import { describe, expect, it } from 'vitest';
import { addMonths, addWorkingDays, chinaDate, dayOfWeek, startOfNextChinaDay } from '@common/rules/calendar';
import { enterpriseCoverage, planStatus, plansByEnterprise } from '@common/rules/plan-status';
import type { Enterprise } from '@common/schemas/enterprise';
import { PlanSchema } from '@common/schemas/plan';
import type { Plan } from '@common/schemas/plan';

/** A China-time instant: 'YYYY-MM-DD' at hh:mm (+08:00). */
const cn = (date: string, time = '12:00'): string => `${date}T${time}:00+08:00`;
const at = (date: string, time = '12:00'): Date => new Date(cn(date, time));

function plan(p: Partial<Plan> & Pick<Plan, 'publishedAt'>): Plan {
  return PlanSchema.parse({
    id: 'plan-t',
    name: '测试预案',
    type: 'comprehensive',
    ownerKind: 'county',
    ...p,
  });
}

const enterprise = (over: Partial<Enterprise> = {}): Enterprise => ({
  id: 'ent-1',
  name: '融安县演示木业有限公司',
  creditCode: '91450224MA5K000000',
  townshipCode: '450224100',
  address: '长安镇示范路1号',
  sector: 'wood_processing',
  riskLevel: 'general',
  standardisation: 'none',
  location: { lng: 109.4, lat: 25.21 },
  contacts: [],
  headcount: 50,
  ...over,
});

describe('calendar (China time)', () => {
  it('counts 20 working days from a Friday publication: the first is the Monday after', () => {
    // Fri 30 May 2025 → Mon 2 Jun is day 1; 5 full weeks later Fri 27 Jun is day 20
    expect(dayOfWeek({ y: 2025, m: 5, d: 30 })).toBe(5);
    expect(addWorkingDays({ y: 2025, m: 5, d: 30 }, 1)).toEqual({ y: 2025, m: 6, d: 2 });
    expect(addWorkingDays({ y: 2025, m: 5, d: 30 }, 5)).toEqual({ y: 2025, m: 6, d: 6 });
    expect(addWorkingDays({ y: 2025, m: 5, d: 30 }, 20)).toEqual({ y: 2025, m: 6, d: 27 });
    // published on Saturday 31 May: the same deadline
    expect(addWorkingDays({ y: 2025, m: 5, d: 31 }, 20)).toEqual({ y: 2025, m: 6, d: 27 });
    // published Monday 2 Jun: Tue 3 Jun is day 1 … Mon 30 Jun is day 20
    expect(addWorkingDays({ y: 2025, m: 6, d: 2 }, 20)).toEqual({ y: 2025, m: 6, d: 30 });
    // NOTE: 2 Jun 2025 was a public holiday (端午节); holidays are ignored, as documented
  });

  it('counts a leap day as a working day (Thu 29 Feb 2024)', () => {
    // Fri 23 Feb 2024: 26,27,28,29 Feb, 1 Mar (5); 4–8 Mar (10); 11–15 (15); 18–22 (20)
    expect(addWorkingDays({ y: 2024, m: 2, d: 23 }, 20)).toEqual({ y: 2024, m: 3, d: 22 });
  });

  it('adds months, clamping to the end of a shorter month, leap years included', () => {
    expect(addMonths({ y: 2024, m: 8, d: 31 }, 6)).toEqual({ y: 2025, m: 2, d: 28 });
    expect(addMonths({ y: 2023, m: 8, d: 31 }, 6)).toEqual({ y: 2024, m: 2, d: 29 });
    expect(addMonths({ y: 2024, m: 2, d: 29 }, 12)).toEqual({ y: 2025, m: 2, d: 28 });
    expect(addMonths({ y: 2024, m: 2, d: 29 }, 48)).toEqual({ y: 2028, m: 2, d: 29 });
    expect(addMonths({ y: 2024, m: 11, d: 15 }, 3)).toEqual({ y: 2025, m: 2, d: 15 });
  });

  it('the next China day starts at 16:00 UTC, whatever the instant within the day', () => {
    const next = Date.parse('2025-03-02T16:00:00.000Z');
    expect(startOfNextChinaDay(Date.parse('2025-03-01T16:00:00.000Z'))).toBe(next); // 00:00 China
    expect(startOfNextChinaDay(Date.parse('2025-03-02T15:59:59.999Z'))).toBe(next); // 23:59:59.999 China
    expect(startOfNextChinaDay(next)).toBe(next + 86_400_000);
    // across a month end in China time (28 Feb 2025 → 1 Mar)
    expect(startOfNextChinaDay(Date.parse('2025-02-28T10:00:00+08:00'))).toBe(Date.parse('2025-03-01T00:00:00+08:00'));
  });

  it('takes the calendar day in China time, not in UTC or the machine zone', () => {
    // 17:00 UTC on Thursday 29 May is 01:00 on Friday 30 May in China
    expect(chinaDate('2025-05-29T17:00:00Z')).toEqual({ y: 2025, m: 5, d: 30 });
    expect(chinaDate('2025-05-29T15:59:59Z')).toEqual({ y: 2025, m: 5, d: 29 });
  });
});

describe('planStatus — filing (20 working days)', () => {
  const p = plan({ publishedAt: cn('2025-05-30', '10:00') }); // a Friday

  it('is due at the end of Fri 27 Jun 2025: current the day before and the day of, overdue the day after', () => {
    expect(planStatus(p, { now: at('2025-06-26') })).toMatchObject({
      state: 'current',
      filingDueAt: '2025-06-27T23:59:59.999+08:00',
      reasons: [],
    });
    expect(planStatus(p, { now: at('2025-06-27', '23:59') }).state).toBe('current');
    expect(planStatus(p, { now: at('2025-06-28', '00:00') })).toMatchObject({
      state: 'filing_overdue',
      reasons: ['filing_overdue'],
    });
  });

  it('counts from the China-time day of publication', () => {
    // Thursday 29 May 17:00 UTC = Friday 30 May 01:00 in China → the same deadline
    expect(planStatus(plan({ publishedAt: '2025-05-29T17:00:00Z' }), { now: at('2025-06-01') }).filingDueAt).toBe(
      '2025-06-27T23:59:59.999+08:00',
    );
  });

  it('has no filing deadline once filed (even late)', () => {
    const filed = plan({ publishedAt: cn('2025-05-30'), filedAt: cn('2025-07-15') });
    expect(planStatus(filed, { now: at('2025-08-01') })).toMatchObject({ state: 'current', filingDueAt: null });
  });
});

describe('planStatus — revision (36 months, [unverified])', () => {
  const p = plan({ publishedAt: cn('2022-06-15'), filedAt: cn('2022-06-20'), lastDrilledAt: cn('2025-01-10') });

  it('is due 3 years after publication', () => {
    expect(planStatus(p, { now: at('2025-06-14') })).toMatchObject({
      state: 'current',
      revisionDueAt: '2025-06-15T23:59:59.999+08:00',
    });
    expect(planStatus(p, { now: at('2025-06-15', '23:59') }).state).toBe('current');
    expect(planStatus(p, { now: at('2025-06-16', '00:00') }).state).toBe('revision_overdue');
  });

  it('restarts from the last revision', () => {
    const revised = { ...p, revisedAt: cn('2024-01-10') };
    expect(planStatus(revised, { now: at('2025-06-16') })).toMatchObject({
      state: 'current',
      revisionDueAt: '2027-01-10T23:59:59.999+08:00',
    });
  });
});

describe('planStatus — drills', () => {
  it('county, department and township plans: every 2 years', () => {
    for (const ownerKind of ['county', 'department', 'township'] as const) {
      const p = plan({
        ownerKind,
        publishedAt: cn('2023-01-01'),
        filedAt: cn('2023-01-05'),
        lastDrilledAt: cn('2023-06-15'),
      });
      expect(planStatus(p, { now: at('2025-06-14') })).toMatchObject({
        state: 'current',
        drillDueAt: '2025-06-15T23:59:59.999+08:00',
      });
      expect(planStatus(p, { now: at('2025-06-15') }).state).toBe('current');
      expect(planStatus(p, { now: at('2025-06-16') }).state).toBe('drill_overdue');
    }
  });

  it('enterprise 现场处置方案: every 6 months, 31 Aug → 28 Feb', () => {
    const p = plan({
      type: 'onsite',
      ownerKind: 'enterprise',
      ownerId: 'ent-1',
      publishedAt: cn('2024-01-01'),
      filedAt: cn('2024-01-10'),
      lastDrilledAt: cn('2024-08-31'),
    });
    const ctx = (d: string) => ({ now: at(d), ownerSector: 'wood_processing' as const });
    expect(planStatus(p, ctx('2025-02-27'))).toMatchObject({
      state: 'current',
      drillDueAt: '2025-02-28T23:59:59.999+08:00',
    });
    expect(planStatus(p, ctx('2025-02-28')).state).toBe('current');
    expect(planStatus(p, ctx('2025-03-01')).state).toBe('drill_overdue');
  });

  it('a leap day: drilled 31 Aug 2023, due Thu 29 Feb 2024', () => {
    const p = plan({
      type: 'onsite',
      ownerKind: 'enterprise',
      ownerId: 'ent-1',
      publishedAt: cn('2023-01-01'),
      filedAt: cn('2023-01-10'),
      lastDrilledAt: cn('2023-08-31'),
    });
    expect(planStatus(p, { now: at('2024-02-28') }).drillDueAt).toBe('2024-02-29T23:59:59.999+08:00');
    expect(planStatus(p, { now: at('2024-02-29') }).state).toBe('current');
    expect(planStatus(p, { now: at('2024-03-01') }).state).toBe('drill_overdue');
  });

  it('enterprise 综合/专项: yearly, or every 6 months in a high-risk sector; drilled on 29 Feb', () => {
    const p = plan({
      type: 'special',
      ownerKind: 'enterprise',
      ownerId: 'ent-1',
      publishedAt: cn('2023-01-01'),
      filedAt: cn('2023-01-10'),
      lastDrilledAt: cn('2024-02-29'),
    });
    // wood processing (and an unknown sector): 12 months → 28 Feb 2025
    for (const ownerSector of ['wood_processing', undefined] as const) {
      const ctx = (d: string) => (ownerSector ? { now: at(d), ownerSector } : { now: at(d) });
      expect(planStatus(p, ctx('2025-02-27')).drillDueAt).toBe('2025-02-28T23:59:59.999+08:00');
      expect(planStatus(p, ctx('2025-02-28')).state).toBe('current');
      expect(planStatus(p, ctx('2025-03-01')).state).toBe('drill_overdue');
    }
    // an LPG depot handles dangerous goods: 6 months → 29 Aug 2024
    const lpg = (d: string) => ({ now: at(d), ownerSector: 'lpg_depot' as const });
    expect(planStatus(p, lpg('2024-08-28')).drillDueAt).toBe('2024-08-29T23:59:59.999+08:00');
    expect(planStatus(p, lpg('2024-08-29')).state).toBe('current');
    expect(planStatus(p, lpg('2024-08-30')).state).toBe('drill_overdue');
  });

  it('a plan never drilled is due one period after publication', () => {
    const p = plan({
      type: 'onsite',
      ownerKind: 'enterprise',
      ownerId: 'ent-1',
      publishedAt: cn('2025-01-15'),
      filedAt: cn('2025-01-20'),
    });
    expect(planStatus(p, { now: at('2025-07-15') })).toMatchObject({
      state: 'current',
      drillDueAt: '2025-07-15T23:59:59.999+08:00',
    });
    expect(planStatus(p, { now: at('2025-07-16') }).state).toBe('drill_overdue');
  });
});

describe('planStatus — severity', () => {
  it('names every overdue reason, worst first: revision > drill > filing', () => {
    const p = plan({ publishedAt: cn('2020-03-02') }); // never filed, drilled or revised
    expect(planStatus(p, { now: at('2025-06-01') })).toMatchObject({
      state: 'revision_overdue',
      reasons: ['revision_overdue', 'drill_overdue', 'filing_overdue'],
    });
    const filedDrilled = plan({ publishedAt: cn('2024-03-01'), lastDrilledAt: cn('2022-01-01') });
    expect(planStatus(filedDrilled, { now: at('2025-06-01') })).toMatchObject({
      state: 'drill_overdue',
      reasons: ['drill_overdue', 'filing_overdue'],
    });
  });
});

describe('enterpriseCoverage', () => {
  const now = at('2025-06-01');
  const own = (over: Partial<Plan>): Plan =>
    plan({
      id: 'plan-own',
      type: 'onsite',
      ownerKind: 'enterprise',
      ownerId: 'ent-1',
      publishedAt: cn('2024-06-01'),
      filedAt: cn('2024-06-10'),
      lastDrilledAt: cn('2025-03-01'),
      ...over,
    });

  it('is none without plans of its own (a department plan with the same id does not count)', () => {
    const other = own({ ownerId: 'ent-2' });
    const notEnterprise = own({ ownerKind: 'department', ownerId: 'ent-1' });
    expect(enterpriseCoverage(enterprise(), [other, notEnterprise], now)).toEqual({ state: 'none', plans: [] });
  });

  it('is the worst of its plans', () => {
    const fine = own({ id: 'plan-a' });
    const undrilled = own({ id: 'plan-b', lastDrilledAt: cn('2024-10-01') });
    const stale = own({ id: 'plan-c', publishedAt: cn('2021-01-01'), lastDrilledAt: cn('2025-05-01') });
    expect(enterpriseCoverage(enterprise(), [fine], now).state).toBe('current');
    const two = enterpriseCoverage(enterprise(), [fine, undrilled], now);
    expect(two.state).toBe('drill_overdue');
    expect(two.plans.map((x) => [x.plan.id, x.status.state])).toEqual([
      ['plan-a', 'current'],
      ['plan-b', 'drill_overdue'],
    ]);
    expect(enterpriseCoverage(enterprise(), [fine, undrilled, stale], now).state).toBe('revision_overdue');
  });

  it('uses the enterprise sector for the drill period', () => {
    const special = own({ type: 'special', lastDrilledAt: cn('2024-09-01') });
    // 9 months since the drill: fine for a wood mill (12 months), overdue for a quarry (6 months)
    expect(enterpriseCoverage(enterprise(), [special], now).state).toBe('current');
    expect(enterpriseCoverage(enterprise({ sector: 'quarry' }), [special], now).state).toBe('drill_overdue');
  });

  it('counts a plan only late in filing as current (the plans panel shows the lapse)', () => {
    const unfiled = own({ publishedAt: cn('2025-03-03'), filedAt: undefined, lastDrilledAt: cn('2025-04-01') });
    const result = enterpriseCoverage(enterprise(), [unfiled], now);
    expect(result.plans[0]?.status.state).toBe('filing_overdue');
    expect(result.state).toBe('current');
  });
});

describe('plansByEnterprise', () => {
  it('groups enterprise plans by owner and leaves out the others', () => {
    const a = plan({ id: 'p1', ownerKind: 'enterprise', ownerId: 'ent-1', publishedAt: cn('2025-01-01') });
    const b = plan({ id: 'p2', ownerKind: 'enterprise', ownerId: 'ent-1', publishedAt: cn('2025-01-01') });
    const c = plan({ id: 'p3', ownerKind: 'county', publishedAt: cn('2025-01-01') });
    const byOwner = plansByEnterprise([a, b, c]);
    expect([...byOwner.keys()]).toEqual(['ent-1']);
    expect(byOwner.get('ent-1')?.map((p) => p.id)).toEqual(['p1', 'p2']);
  });
});
