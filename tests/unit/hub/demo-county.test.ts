import { describe, expect, it } from 'vitest';
import { COUNTY, TOWNSHIPS } from '@common/domain/county';
import { isValidCreditCode } from '@common/domain/credit-code';
import { COMMAND_PAYLOADS } from '@common/protocol/commands';
import { gradeHazardSource } from '@common/rules/gb18218';
import { enterpriseCoverage, planStatus, plansByEnterprise } from '@common/rules/plan-status';
import type { LngLat } from '@common/schemas/common';
import { SectorSchema } from '@common/schemas/enterprise';
import { BASE_ENTITY_SCHEMAS, EntityRecordSchema } from '@common/schemas/entities';
import type { EntityKind } from '@common/schemas/entities';
import { DEMO_ACCOUNTS } from '../../../src-hub/demo/accounts';
import {
  DEMO_COUNTY_SIZE,
  DEMO_REFERENCE_TIME,
  demoBaseTables,
  generateDemoCounty,
} from '../../../src-hub/demo/generate';
import type { DemoCounty } from '../../../src-hub/demo/generate';

const NOW = Date.parse('2025-06-01T08:00:00Z');
const BASE_KINDS = [
  'departments',
  'enterprises',
  'hazardSources',
  'rescueTeams',
  'plans',
  'shelters',
  'supplyDepots',
  'receptors',
] as const satisfies ReadonlyArray<EntityKind>;

function inCounty(p: LngLat): boolean {
  const [w, s, e, n] = COUNTY.bbox;
  return p.lng > w && p.lng < e && p.lat > s && p.lat < n;
}

function tally<T extends string | number>(values: ReadonlyArray<T>): Partial<Record<T, number>> {
  const out: Partial<Record<T, number>> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

describe('demo county generator', () => {
  const county = generateDemoCounty({ seed: 450224, now: NOW });

  it('is byte-identical for the same seed and reference time, and differs for another seed', () => {
    expect(JSON.stringify(generateDemoCounty({ seed: 450224, now: NOW }))).toBe(JSON.stringify(county));
    expect(generateDemoCounty({ seed: 1, now: NOW }).enterprises).not.toEqual(county.enterprises);
    // without a reference time it uses a fixed one, never the clock
    expect(JSON.stringify(generateDemoCounty({ seed: 3 }))).toBe(
      JSON.stringify(generateDemoCounty({ seed: 3, now: DEMO_REFERENCE_TIME })),
    );
  });

  it('has the demo sizes', () => {
    expect(DEMO_COUNTY_SIZE.enterprises).toBe(400);
    expect(county.enterprises).toHaveLength(400);
    expect(county.hazardSources).toHaveLength(40);
    expect(county.rescueTeams).toHaveLength(25);
    expect(county.plans).toHaveLength(120);
    expect(county.shelters).toHaveLength(15);
    expect(county.supplyDepots).toHaveLength(8);
    expect(county.receptors).toHaveLength(40);
    expect(county.incidents).toHaveLength(3);
    expect(county.incidents.filter((i) => i.payload.mode === 'drill')).toHaveLength(1);
    expect(county.departments).toHaveLength(14 + TOWNSHIPS.length);
  });

  it('keeps the department ids the accounts and e2e tests rely on', () => {
    expect(county.departments.map((d) => d.id)).toEqual([
      'command-center',
      'fire-rescue',
      'public-security',
      'health',
      'ecology-environment',
      'transport',
      'housing-construction',
      'market-regulation',
      'natural-resources',
      'water-resources',
      'meteorology',
      'power-supply',
      'telecom',
      'publicity',
      ...TOWNSHIPS.map((t) => `township-${t.code}`),
    ]);
    const ids = new Set(county.departments.map((d) => d.id));
    for (const a of DEMO_ACCOUNTS) if (a.departmentId) expect(ids.has(a.departmentId), a.username).toBe(true);
    expect(DEMO_ACCOUNTS.map((a) => a.role)).toEqual(
      expect.arrayContaining(['duty_officer', 'commander', 'drill_coordinator', 'wall', 'admin', 'liaison']),
    );
  });

  it('every entity passes the schema an admin command would; ids unique per kind', () => {
    for (const kind of BASE_KINDS) {
      const values: ReadonlyArray<{ id: string }> = county[kind];
      for (const value of values) EntityRecordSchema.parse({ kind, value });
      expect(new Set(values.map((v) => v.id)).size, kind).toBe(values.length);
    }
    for (const i of county.incidents) COMMAND_PAYLOADS['incident.report'].parse(i.payload);
  });

  it('places everything inside the county', () => {
    const points: Array<[string, LngLat]> = [
      ...county.enterprises.map((x): [string, LngLat] => [x.id, x.location]),
      ...county.hazardSources.map((x): [string, LngLat] => [x.id, x.location]),
      ...county.rescueTeams.flatMap((x): Array<[string, LngLat]> => [
        [x.id, x.base],
        [x.id, x.location],
      ]),
      ...county.shelters.map((x): [string, LngLat] => [x.id, x.location]),
      ...county.supplyDepots.map((x): [string, LngLat] => [x.id, x.location]),
      ...county.receptors.map((x): [string, LngLat] => [x.id, x.location]),
      ...county.incidents.map((x): [string, LngLat] => [x.payload.incidentId, x.payload.report.location]),
    ];
    for (const [id, p] of points) expect(inCounty(p), id).toBe(true);
  });

  it('enterprises: valid unique credit codes, unique names, every sector, every township', () => {
    for (const e of county.enterprises) expect(isValidCreditCode(e.creditCode), e.creditCode).toBe(true);
    expect(new Set(county.enterprises.map((x) => x.creditCode)).size).toBe(400);
    expect(new Set(county.enterprises.map((x) => x.name)).size).toBe(400);
    expect(new Set(county.enterprises.map((x) => x.sector))).toEqual(new Set(SectorSchema.options));
    const byTownship = tally(county.enterprises.map((e) => e.townshipCode));
    for (const t of TOWNSHIPS) expect(byTownship[t.code] ?? 0, t.nameZh).toBeGreaterThan(5);
    // the seat is the largest; the mines cluster at 泗顶
    const seat = byTownship['450224100'] ?? 0;
    for (const t of TOWNSHIPS) expect(seat).toBeGreaterThanOrEqual(byTownship[t.code] ?? 0);
    const mines = county.enterprises.filter((e) => e.sector === 'non_coal_mine');
    expect(mines.filter((e) => e.townshipCode === '450224102').length).toBeGreaterThan(mines.length / 2);
    // risk: mostly low/general, few major
    const risk = tally(county.enterprises.map((e) => e.riskLevel));
    expect((risk.low ?? 0) + (risk.general ?? 0)).toBeGreaterThan(300);
    expect(risk.major ?? 0).toBeGreaterThan(0);
    expect(risk.major ?? 0).toBeLessThan(30);
    for (const e of county.enterprises) expect(e.contacts.length).toBeGreaterThanOrEqual(2);
  });

  it('hazard sources: of existing enterprises, each a major hazard source, grades 一 to 四 all present', () => {
    const enterprises = new Set(county.enterprises.map((e) => e.id));
    for (const h of county.hazardSources) expect(enterprises.has(h.enterpriseId), h.id).toBe(true);
    const gradings = county.hazardSources.map(gradeHazardSource);
    for (const g of gradings) expect(g.isMajor).toBe(true);
    const grades = tally(gradings.map((g) => g.grade ?? 0));
    for (const grade of [1, 2, 3, 4] as const) expect(grades[grade] ?? 0, `grade ${grade}`).toBeGreaterThanOrEqual(2);
    // most are 三级/四级
    expect((grades[3] ?? 0) + (grades[4] ?? 0)).toBeGreaterThan(county.hazardSources.length / 2);
    // the α bands are spread too
    expect(new Set(gradings.map((g) => g.alpha)).size).toBeGreaterThanOrEqual(4);
  });

  it('plans, teams and depots reference departments and enterprises that exist', () => {
    const departments = new Set(county.departments.map((d) => d.id));
    const enterprises = new Set(county.enterprises.map((e) => e.id));
    for (const p of county.plans) {
      if (p.ownerKind === 'enterprise') expect(enterprises.has(p.ownerId ?? ''), p.id).toBe(true);
      else if (p.ownerId !== undefined) expect(departments.has(p.ownerId), p.id).toBe(true);
      for (const level of p.levels) {
        for (const a of level.actions) expect(departments.has(a.departmentId), `${p.id} ${a.departmentId}`).toBe(true);
      }
      expect(p.levels.length, p.id).toBeGreaterThan(0);
    }
    for (const t of county.rescueTeams) expect(departments.has(t.departmentId), t.id).toBe(true);
    for (const d of county.supplyDepots) expect(departments.has(d.departmentId), d.id).toBe(true);
    const types = tally(county.plans.map((p) => `${p.ownerKind}:${p.type}`));
    expect(types['county:comprehensive']).toBe(1);
    expect(types['county:special'] ?? 0).toBeGreaterThan(3);
    expect(types['department:special'] ?? 0).toBeGreaterThan(5);
    expect(types['township:comprehensive']).toBe(TOWNSHIPS.length);
    expect(types['enterprise:onsite'] ?? 0).toBeGreaterThan(30);
  });

  it('plan states at the reference time: all four, mostly current; coverage shows all four states', () => {
    const now = new Date(NOW);
    const sector = new Map(county.enterprises.map((e) => [e.id, e.sector]));
    const states = tally(
      county.plans.map((p) => {
        const ownerSector = p.ownerKind === 'enterprise' ? sector.get(p.ownerId ?? '') : undefined;
        return planStatus(p, ownerSector ? { now, ownerSector } : { now }).state;
      }),
    );
    for (const s of ['current', 'filing_overdue', 'revision_overdue', 'drill_overdue'] as const) {
      expect(states[s] ?? 0, s).toBeGreaterThanOrEqual(3);
    }
    expect(states.current ?? 0).toBeGreaterThan(county.plans.length / 2);
    const byOwner = plansByEnterprise(county.plans);
    const coverage = tally(county.enterprises.map((e) => enterpriseCoverage(e, byOwner.get(e.id) ?? [], now).state));
    for (const s of ['current', 'revision_overdue', 'drill_overdue', 'none'] as const) {
      expect(coverage[s] ?? 0, s).toBeGreaterThanOrEqual(3);
    }
    // no plan's date lies after the reference time
    for (const p of county.plans) {
      for (const d of [p.publishedAt, p.filedAt, p.revisedAt, p.lastDrilledAt]) {
        if (d !== undefined) expect(Date.parse(d), p.id).toBeLessThanOrEqual(NOW);
      }
    }
  });

  it('teams: all types, most available, a few moving; places of every kind', () => {
    const types = new Set(county.rescueTeams.map((t) => t.type));
    for (const t of ['fire_station', 'hazmat', 'mine_rescue', 'medical', 'power', 'enterprise', 'social'] as const) {
      expect(types.has(t), t).toBe(true);
    }
    const status = tally(county.rescueTeams.map((t) => t.status));
    expect(status.available ?? 0).toBeGreaterThan(county.rescueTeams.length * 0.7);
    expect((status.dispatched ?? 0) + (status.en_route ?? 0) + (status.on_scene ?? 0)).toBeGreaterThanOrEqual(2);
    expect(new Set(county.receptors.map((r) => r.kind)).size).toBe(6);
    expect(new Set(county.shelters.map((s) => s.townshipCode)).size).toBe(TOWNSHIPS.length);
  });

  it('keeps the three demo incidents, the fire in the county seat and the drill at 泗顶', () => {
    const [fire, crash, drill] = county.incidents.map((i) => i.payload);
    expect(fire?.report.title).toMatch(/车间火灾$/);
    expect(fire?.report.townshipCode).toBe('450224100');
    expect(crash?.report.title).toBe('县道大将镇路段货车与面包车相撞');
    expect(drill).toMatchObject({ mode: 'drill', report: { title: '【演练】泗顶矿区井下透水事故' } });
    expect(drill?.report.townshipCode).toBe('450224102');
  });
});

describe('demo county at benchmark scale', () => {
  it('generates 50,000 enterprises, 5,000 hazard sources and 500 teams in a few seconds', () => {
    const t0 = performance.now();
    const big: DemoCounty = generateDemoCounty({ seed: 7, enterprises: 50_000, hazardSources: 5_000, teams: 500 });
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(10_000);
    expect(big.enterprises).toHaveLength(50_000);
    expect(big.hazardSources).toHaveLength(5_000);
    expect(big.rescueTeams).toHaveLength(500);
    for (const kind of ['enterprises', 'hazardSources', 'rescueTeams', 'plans'] as const) {
      const values: ReadonlyArray<{ id: string }> = big[kind];
      expect(new Set(values.map((v) => v.id)).size, kind).toBe(values.length);
    }
    expect(new Set(big.enterprises.map((x) => x.creditCode)).size).toBe(50_000);
    expect(new Set(big.enterprises.map((x) => x.name)).size).toBe(50_000);
    // a sample through the schemas and the grading rule (all 55,500 would take a while)
    for (let i = 0; i < big.enterprises.length; i += 97) {
      EntityRecordSchema.parse({ kind: 'enterprises', value: big.enterprises[i] });
    }
    for (let i = 0; i < big.hazardSources.length; i += 13) {
      const h = big.hazardSources[i];
      EntityRecordSchema.parse({ kind: 'hazardSources', value: h });
      if (h) expect(gradeHazardSource(h).isMajor).toBe(true);
    }
    for (const t of big.rescueTeams) EntityRecordSchema.parse({ kind: 'rescueTeams', value: t });
  }, 60_000);
});

describe('demoBaseTables', () => {
  it('gives the replicated base tables by their replica names, without incidents', () => {
    const tables = demoBaseTables(generateDemoCounty({ seed: 2, enterprises: 50, now: NOW }));
    expect(Object.keys(tables).sort()).toEqual(Object.keys(BASE_ENTITY_SCHEMAS).sort());
  });
});
