import { describe, expect, it } from 'vitest';
import { planStatus } from '@common/rules/plan-status';
import type { Plan } from '@common/schemas/plan';
import {
  PLAN_STATES,
  countByState,
  daysFrom,
  filterPlanRows,
  planRows,
  relevantDue,
  sortMostOverdue,
} from '../../../src-renderer/src/features/plans/plan-rows';
import type { PlanStatusLike } from '../../../src-renderer/src/features/plans/plan-rows';

const NOW = Date.parse('2025-06-01T04:00:00Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

const plan = (id: string, patch: Partial<Plan> = {}): Plan => ({
  id,
  name: `预案${id}`,
  type: 'special',
  ownerKind: 'county',
  accidentCategories: [],
  levels: [],
  publishedAt: '2024-01-01T00:00:00+08:00',
  ...patch,
});

/** A fake status rule: the test decides each plan's state and dues. */
const statuses: Record<string, PlanStatusLike> = {
  a: { state: 'drill_overdue', drillDueAt: iso(NOW - 40 * DAY), revisionDueAt: iso(NOW + 400 * DAY) },
  b: { state: 'revision_overdue', revisionDueAt: iso(NOW - 5 * DAY), drillDueAt: iso(NOW + 10 * DAY) },
  c: { state: 'current', drillDueAt: iso(NOW + 30 * DAY), revisionDueAt: iso(NOW + 9 * DAY), filingDueAt: null },
  d: { state: 'current', drillDueAt: iso(NOW + 3 * DAY), revisionDueAt: iso(NOW + 300 * DAY) },
  e: { state: 'filing_overdue', filingDueAt: iso(NOW - 100 * DAY), revisionDueAt: iso(NOW + 900 * DAY) },
};

const PLANS = [
  plan('a', { ownerKind: 'enterprise', ownerId: 'ent-1', type: 'onsite' }),
  plan('b', { ownerKind: 'township', townshipCode: '450224102' }),
  plan('c', { type: 'comprehensive' }),
  plan('d', { ownerKind: 'department', ownerId: 'fire' }),
  plan('e', { ownerKind: 'enterprise', ownerId: 'ent-2' }),
];
const townshipOf = (id: string) => ({ 'ent-1': '450224100', 'ent-2': '450224102' })[id];
const rows = planRows(PLANS, (p) => statuses[p.id] as PlanStatusLike, townshipOf, NOW);

describe('plans panel rows', () => {
  it('takes the due date that matters: the missed one, or the soonest coming', () => {
    expect(relevantDue(statuses['a'] as PlanStatusLike)).toBe(NOW - 40 * DAY);
    expect(relevantDue(statuses['c'] as PlanStatusLike)).toBe(NOW + 9 * DAY);
    expect(relevantDue({ state: 'current' })).toBeNull();
    expect(rows.map((r) => r.dueKind)).toEqual(['drill', 'revision', 'revision', 'drill', 'filing']);
  });

  it('gives enterprise plans their enterprise’s township', () => {
    expect(rows.map((r) => r.townshipCode)).toEqual(['450224100', '450224102', undefined, undefined, '450224102']);
  });

  it('sorts the most overdue first, then current plans by the soonest due', () => {
    expect(sortMostOverdue(rows).map((r) => r.plan.id)).toEqual(['e', 'a', 'b', 'd', 'c']);
  });

  it('counts each of the four states', () => {
    expect(countByState(rows)).toEqual({ filing_overdue: 1, revision_overdue: 1, drill_overdue: 1, current: 2 });
    expect([...PLAN_STATES].sort()).toEqual(['current', 'drill_overdue', 'filing_overdue', 'revision_overdue']);
  });

  it('filters by state, type, owner kind and township (all must hold)', () => {
    const ids = (f: Parameters<typeof filterPlanRows>[1]) => filterPlanRows(rows, f).map((r) => r.plan.id);
    expect(ids({ state: 'current' })).toEqual(['c', 'd']);
    expect(ids({ type: 'onsite' })).toEqual(['a']);
    expect(ids({ ownerKind: 'enterprise' })).toEqual(['a', 'e']);
    expect(ids({ townshipCode: '450224102' })).toEqual(['b', 'e']);
    expect(ids({ ownerKind: 'enterprise', townshipCode: '450224102' })).toEqual(['e']);
    expect(ids({ state: null, type: null })).toHaveLength(5);
  });

  it('counts whole days overdue or left', () => {
    expect(daysFrom(NOW - 40 * DAY, NOW)).toEqual({ overdue: true, days: 40 });
    expect(daysFrom(NOW - 1000, NOW)).toEqual({ overdue: true, days: 1 });
    expect(daysFrom(NOW + 3 * DAY + 5, NOW)).toEqual({ overdue: false, days: 3 });
  });

  it('works with the real plan-status rule of src-common', () => {
    const real = [
      plan('never-drilled', { publishedAt: '2020-01-01T00:00:00+08:00', filedAt: '2020-01-10T00:00:00+08:00' }),
      plan('fresh', {
        publishedAt: '2025-05-01T00:00:00+08:00',
        filedAt: '2025-05-10T00:00:00+08:00',
        lastDrilledAt: '2025-05-20T00:00:00+08:00',
      }),
    ];
    const r = planRows(
      real,
      (p) => planStatus(p, { now: new Date(NOW) }),
      () => undefined,
      NOW,
    );
    expect(r.map((x) => x.status.state)).toEqual(['revision_overdue', 'current']);
    expect(r[0]?.overdueMs).toBeGreaterThan(0);
    expect(r[1]?.overdueMs).toBeLessThan(0);
  });
});
