import { describe, expect, it } from 'vitest';
import { applicablePlans, matchPlan, planActionsAt } from '@common/rules/applicable-plans';
import type { Plan, PlanAction } from '@common/schemas/plan';

const act = (departmentId: string, task: string, signOffMinutes = 10): PlanAction => ({
  departmentId,
  task,
  signOffMinutes,
});

function plan(p: Partial<Plan> & Pick<Plan, 'id' | 'type' | 'ownerKind'>): Plan {
  return { name: p.id, accidentCategories: [], levels: [], publishedAt: '2025-01-01T00:00:00.000Z', ...p };
}

const PLANS: Array<Plan> = [
  plan({ id: 'county', type: 'comprehensive', ownerKind: 'county' }),
  plan({ id: 'county-fire', type: 'special', ownerKind: 'county', accidentCategories: ['fire'] }),
  plan({ id: 'county-flood', type: 'special', ownerKind: 'county', accidentCategories: ['drowning'] }),
  plan({
    id: 'dept-fire',
    type: 'special',
    ownerKind: 'department',
    ownerId: 'fire-rescue',
    accidentCategories: ['fire'],
  }),
  plan({ id: 'dept-medical', type: 'special', ownerKind: 'department', ownerId: 'health' }),
  plan({ id: 'town-a', type: 'comprehensive', ownerKind: 'township', townshipCode: '450224100' }),
  plan({
    id: 'town-a-flood',
    type: 'special',
    ownerKind: 'township',
    townshipCode: '450224100',
    accidentCategories: ['drowning'],
  }),
  plan({ id: 'town-b', type: 'comprehensive', ownerKind: 'township', townshipCode: '450224102' }),
  plan({
    id: 'ent-1-comp',
    type: 'comprehensive',
    ownerKind: 'enterprise',
    ownerId: 'e1',
    accidentCategories: ['other_explosion'],
  }),
  plan({ id: 'ent-1-onsite', type: 'onsite', ownerKind: 'enterprise', ownerId: 'e1', accidentCategories: ['fire'] }),
  plan({
    id: 'ent-1-dust',
    type: 'onsite',
    ownerKind: 'enterprise',
    ownerId: 'e1',
    accidentCategories: ['other_explosion'],
  }),
  plan({ id: 'ent-2-onsite', type: 'onsite', ownerKind: 'enterprise', ownerId: 'e2', accidentCategories: ['fire'] }),
];

describe('applicablePlans', () => {
  it('ranks enterprise, township, county 专项, county 综合, department, with the reasons', () => {
    const got = applicablePlans(PLANS, { category: 'fire', enterpriseId: 'e1', townshipCode: '450224100' });
    expect(got.map((m) => [m.plan.id, m.group, m.reasons])).toEqual([
      ['ent-1-onsite', 'enterprise', ['enterprise', 'category']],
      ['ent-1-comp', 'enterprise', ['enterprise', 'comprehensive']],
      ['town-a', 'township', ['township', 'comprehensive']],
      ['county-fire', 'county_special', ['category']],
      ['county', 'county_comprehensive', ['comprehensive']],
      ['dept-fire', 'department', ['category']],
    ]);
  });

  it("leaves out another enterprise's plans, another township's and plans for other categories", () => {
    const ids = applicablePlans(PLANS, { category: 'fire', enterpriseId: 'e1', townshipCode: '450224100' }).map(
      (m) => m.plan.id,
    );
    expect(ids).not.toContain('ent-2-onsite');
    expect(ids).not.toContain('town-b');
    expect(ids).not.toContain('county-flood');
    expect(ids).not.toContain('town-a-flood');
    // the enterprise's onsite plan for dust explosions does not cover a fire
    expect(ids).not.toContain('ent-1-dust');
  });

  it('a department plan naming no category is a support plan, not proposed by the accident type', () => {
    expect(matchPlan(PLANS[4]!, { category: 'fire' })).toBeNull();
  });

  it('without enterprise or township only county and department plans apply', () => {
    const got = applicablePlans(PLANS, { category: 'drowning' });
    expect(got.map((m) => m.plan.id)).toEqual(['county-flood', 'county']);
  });

  it("a township's 专项 plan applies when it covers the category", () => {
    const got = applicablePlans(PLANS, { category: 'drowning', townshipCode: '450224100' });
    expect(got.map((m) => [m.plan.id, m.reasons])).toEqual([
      ['town-a-flood', ['township', 'category']],
      ['town-a', ['township', 'comprehensive']],
      ['county-flood', ['category']],
      ['county', ['comprehensive']],
    ]);
  });

  it("the enterprise's 综合 plan covering the category says so", () => {
    const m = matchPlan(PLANS[8]!, { category: 'other_explosion', enterpriseId: 'e1' });
    expect(m?.reasons).toEqual(['enterprise', 'category']);
  });

  it('no plans → none apply', () => {
    expect(applicablePlans([], { category: 'fire', enterpriseId: 'e1' })).toEqual([]);
  });
});

describe('planActionsAt', () => {
  const p = plan({
    id: 'levels',
    type: 'comprehensive',
    ownerKind: 'county',
    levels: [
      { level: 4, actions: [act('fire-rescue', 'IV')] },
      { level: 2, actions: [act('fire-rescue', 'II')] },
    ],
  });

  it('takes the level itself when listed', () => {
    expect(planActionsAt(p, 4)).toEqual({ actions: [act('fire-rescue', 'IV')], fromLevel: 4 });
    expect(planActionsAt(p, 2)).toEqual({ actions: [act('fire-rescue', 'II')], fromLevel: 2 });
  });

  it('falls back to the nearest less severe level listed', () => {
    expect(planActionsAt(p, 3)?.fromLevel).toBe(4);
    expect(planActionsAt(p, 1)?.fromLevel).toBe(2);
  });

  it('a plan starting at a more severe level is not activated at a lesser one', () => {
    const severe = plan({
      id: 'severe',
      type: 'special',
      ownerKind: 'county',
      levels: [{ level: 2, actions: [act('fire-rescue', 'II')] }],
    });
    expect(planActionsAt(severe, 3)).toBeNull();
    expect(planActionsAt(plan({ id: 'empty', type: 'special', ownerKind: 'county' }), 4)).toBeNull();
  });
});
