import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { applicablePlans } from '@common/rules/applicable-plans';
import type { LinkageAction } from '@common/schemas/linkage-action';
import type { Plan, PlanAction } from '@common/schemas/plan';
import type { RescueTeam } from '@common/schemas/rescue-team';
import {
  boardRows,
  dispatchableTeams,
  formatDuration,
  inboxSort,
  liaisonSteps,
  officerSteps,
  orderTone,
  overdueRaised,
  proposeOrders,
  undeliveredIds,
  validateOrderSet,
} from '../../../src-renderer/src/features/linkage/linkage-logic';

const act = (departmentId: string, task: string, signOffMinutes: number, completeMinutes?: number): PlanAction => ({
  departmentId,
  task,
  signOffMinutes,
  ...(completeMinutes === undefined ? {} : { completeMinutes }),
});

function plan(p: Partial<Plan> & Pick<Plan, 'id' | 'type' | 'ownerKind'>): Plan {
  return { name: p.id, accidentCategories: [], levels: [], publishedAt: '2025-01-01T00:00:00.000Z', ...p };
}

const ENTERPRISE = plan({
  id: 'ent',
  type: 'onsite',
  ownerKind: 'enterprise',
  ownerId: 'e1',
  accidentCategories: ['fire'],
  levels: [{ level: 4, actions: [act('fire-rescue', '组织灭火救援', 10, 90), act('health', '派出120', 5)] }],
});
const COUNTY = plan({
  id: 'county',
  type: 'comprehensive',
  ownerKind: 'county',
  levels: [
    { level: 4, actions: [act('fire-rescue', '组织灭火救援', 5, 60)] },
    {
      level: 3,
      actions: [
        act('fire-rescue', '组织 灭火救援', 5, 60),
        act('public-security', '警戒', 10),
        act('health', '派出120', 8, 30),
      ],
    },
  ],
});

let n = 0;
const makeId = () => `id-${++n}`;

describe('proposeOrders', () => {
  it("takes each plan's actions at the level, one order per department and task, under the best plan", () => {
    n = 0;
    const applicable = applicablePlans([COUNTY, ENTERPRISE], { category: 'fire', enterpriseId: 'e1' });
    const got = proposeOrders(applicable, 3, makeId);
    expect(got).toEqual([
      // the enterprise plan ranks first; its level-Ⅳ actions apply at Ⅲ; the county's duplicate
      // (same task, spacing aside) merges in with the tighter times
      {
        orderId: 'id-1',
        departmentId: 'fire-rescue',
        task: '组织灭火救援',
        planId: 'ent',
        planIds: ['ent', 'county'],
        signMinutes: 5,
        completeMinutes: 60,
      },
      {
        orderId: 'id-2',
        departmentId: 'health',
        task: '派出120',
        planId: 'ent',
        planIds: ['ent', 'county'],
        signMinutes: 5,
        completeMinutes: 30,
      },
      {
        orderId: 'id-3',
        departmentId: 'public-security',
        task: '警戒',
        planId: 'county',
        planIds: ['county'],
        signMinutes: 10,
      },
    ]);
  });

  it('no applicable plan → no orders', () => {
    expect(proposeOrders([], 3, makeId)).toEqual([]);
  });
});

describe('validateOrderSet', () => {
  const incidentId = ulid();
  const row = { orderId: ulid(), departmentId: 'fire-rescue', task: '灭火', planIds: [], signMinutes: 5 };

  it('builds the linkage.send payload', () => {
    const r = validateOrderSet(incidentId, [{ ...row, planId: 'ent', completeMinutes: 30 }]);
    expect(r).toEqual({
      ok: true,
      payload: {
        incidentId,
        orders: [
          {
            orderId: row.orderId,
            departmentId: 'fire-rescue',
            task: '灭火',
            planId: 'ent',
            signMinutes: 5,
            completeMinutes: 30,
          },
        ],
      },
    });
  });

  it('names the row and the field of each error', () => {
    const r = validateOrderSet(incidentId, [row, { ...row, orderId: ulid(), task: '  ', signMinutes: 0 }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.index, e.field])).toEqual([
      [1, 'task'],
      [1, 'signMinutes'],
    ]);
  });

  it('an empty set is refused as a whole', () => {
    const r = validateOrderSet(incidentId, []);
    expect(r.ok ? null : r.errors[0]?.index).toBeNull();
  });
});

function team(
  id: string,
  type: RescueTeam['type'],
  lng: number,
  status: RescueTeam['status'] = 'available',
): RescueTeam {
  return {
    id,
    name: id,
    type,
    departmentId: 'fire-rescue',
    headcount: 10,
    equipment: [],
    base: { lng, lat: 25.2 },
    location: { lng, lat: 25.2 },
    status,
    phone: '',
  };
}

describe('dispatchableTeams', () => {
  const teams = [
    team('far-fire', 'fire_station', 109.6),
    team('near-fire', 'fire_station', 109.41),
    team('busy-fire', 'fire_station', 109.4, 'dispatched'),
    team('near-mine', 'mine_rescue', 109.4),
  ];
  it('available teams of a fitting type, nearest first', () => {
    const got = dispatchableTeams(teams, 'fire', { lng: 109.4, lat: 25.2 });
    expect(got.map((c) => c.team.id)).toEqual(['near-fire', 'far-fire']);
    expect(got[0]!.km).toBeGreaterThan(0);
  });
  it('with all, every available team, the fitting ones marked', () => {
    const got = dispatchableTeams(teams, 'fire', { lng: 109.4, lat: 25.2 }, { all: true });
    expect(got.map((c) => [c.team.id, c.fits])).toEqual([
      ['near-mine', false],
      ['near-fire', true],
      ['far-fire', true],
    ]);
  });
});

const T0 = Date.parse('2026-11-28T10:00:00.000Z');
const iso = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

function order(p: Partial<LinkageAction> & Pick<LinkageAction, 'id' | 'departmentId'>): LinkageAction {
  return {
    incidentId: 'inc',
    mode: 'real',
    task: 't',
    state: 'sent',
    sentAt: iso(0),
    sentBy: 'duty',
    signDeadline: iso(5),
    signedLate: false,
    overdueLevel: 0,
    feedback: [],
    history: [],
    updatedAt: iso(0),
    lastSeq: 1,
    ...p,
  };
}

describe('order steps and tones', () => {
  it('liaison steps come from the machine, without deliver', () => {
    expect(liaisonSteps('sent')).toEqual(['sign', 'decline']);
    expect(liaisonSteps('delivered')).toEqual(['sign', 'decline']);
    expect(liaisonSteps('signed')).toEqual(['feedback', 'complete']);
    expect(liaisonSteps('in_progress')).toEqual(['feedback', 'complete']);
    expect(liaisonSteps('completed')).toEqual([]);
    expect(liaisonSteps('declined')).toEqual([]);
  });
  it('officer steps: cancel an open order, reassign or cancel a declined one', () => {
    expect(officerSteps('sent')).toEqual(['cancel']);
    expect(officerSteps('declined')).toEqual(['reassign', 'cancel']);
    expect(officerSteps('completed')).toEqual([]);
  });
  it('overdue level 1 is overdue, 2+ escalated; signed orders are no longer overdue', () => {
    expect(orderTone({ state: 'sent', overdueLevel: 0 })).toBe('waiting');
    expect(orderTone({ state: 'delivered', overdueLevel: 1 })).toBe('overdue');
    expect(orderTone({ state: 'sent', overdueLevel: 2 })).toBe('escalated');
    expect(orderTone({ state: 'signed', overdueLevel: 1 })).toBe('working');
  });
});

describe('boardRows', () => {
  it('one row per department, overdue departments first, mean response times', () => {
    const rows = boardRows([
      order({
        id: 'a',
        departmentId: 'fire-rescue',
        state: 'completed',
        signedAt: iso(2),
        completedAt: iso(12),
      }),
      order({ id: 'b', departmentId: 'fire-rescue', state: 'signed', sentAt: iso(1), signedAt: iso(5) }),
      order({ id: 'c', departmentId: 'health', state: 'delivered', sentAt: iso(1), overdueLevel: 1 }),
    ]);
    expect(rows.map((r) => [r.departmentId, r.orders.map((o) => o.id), r.overdue])).toEqual([
      ['health', ['c'], 1],
      ['fire-rescue', ['a', 'b'], 0],
    ]);
    expect(rows[1]!.signMs).toBe(3 * 60_000); // (2 + 4) / 2 minutes
    expect(rows[1]!.completeMs).toBe(10 * 60_000);
    expect(rows[0]!.signMs).toBeUndefined();
  });
  it('formats durations', () => {
    expect(formatDuration(65_000)).toBe('1:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });
});

describe('inbox', () => {
  it('overdue first, then the nearest deadline, then work in progress, closed last', () => {
    const sorted = inboxSort([
      order({ id: 'done', departmentId: 'd', state: 'completed', updatedAt: iso(30) }),
      order({ id: 'working', departmentId: 'd', state: 'signed' }),
      order({ id: 'later', departmentId: 'd', signDeadline: iso(15) }),
      order({ id: 'sooner', departmentId: 'd', signDeadline: iso(3) }),
      order({ id: 'overdue', departmentId: 'd', signDeadline: iso(20), overdueLevel: 1 }),
    ]);
    expect(sorted.map((o) => o.id)).toEqual(['overdue', 'sooner', 'later', 'working', 'done']);
  });
  it('delivers only its own department’s sent orders', () => {
    const ids = undeliveredIds(
      [
        order({ id: 'mine', departmentId: 'health' }),
        order({ id: 'delivered', departmentId: 'health', state: 'delivered' }),
        order({ id: 'other', departmentId: 'fire-rescue' }),
      ],
      'health',
    );
    expect(ids).toEqual(['mine']);
  });
});

describe('overdueRaised', () => {
  it('alerts once per level reached, and not for signed orders', () => {
    const first = overdueRaised([order({ id: 'a', departmentId: 'd', overdueLevel: 1 })], new Map());
    expect(first.raised.map((o) => o.id)).toEqual(['a']);
    const again = overdueRaised([order({ id: 'a', departmentId: 'd', overdueLevel: 1 })], first.seen);
    expect(again.raised).toEqual([]);
    const escalated = overdueRaised([order({ id: 'a', departmentId: 'd', overdueLevel: 2 })], again.seen);
    expect(escalated.raised.map((o) => o.overdueLevel)).toEqual([2]);
    const signed = overdueRaised([order({ id: 'b', departmentId: 'd', state: 'signed', overdueLevel: 1 })], new Map());
    expect(signed.raised).toEqual([]);
  });
});
