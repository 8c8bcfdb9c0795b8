import { TOWNSHIPS } from '@common/domain/county';
import type { AccidentCategory } from '@common/domain/gb6441';
import { PLAN_PERIODS } from '@common/domain/plan-periods';
import type { PlanState } from '@common/rules/plan-status';
import { drillPeriodKey } from '@common/rules/plan-status';
import type { Enterprise, Sector } from '@common/schemas/enterprise';
import type { HazardSource } from '@common/schemas/hazard-source';
import type { Plan, PlanAction } from '@common/schemas/plan';
import { townshipDepartmentId } from './departments';
import { dayIso, pad } from './naming';
import type { Rng } from './prng';

// 应急预案 of the demo county (fictional): the county's 综合 and 专项 plans, department plans,
// one 综合 plan per township (plus flood/landslide plans in the hill townships), and enterprise
// 综合/专项 plans and 现场处置方案. Dates are set relative to the reference time `now` so that a
// realistic share is overdue in each way (filing, drill, revision) — the plan-coverage view shows
// all four states — and the rules in src-common decide which.

const act = (departmentId: string, task: string, signOffMinutes: number, completeMinutes?: number): PlanAction => ({
  departmentId,
  task,
  signOffMinutes,
  ...(completeMinutes === undefined ? {} : { completeMinutes }),
});

/** Linkage tasks by department, as a plan words them. */
const A = {
  cmdTeam: act('command-center', '派出工作组赶赴现场，成立现场指挥部，统一指挥协调', 5, 60),
  cmdReport: act('command-center', '按规定时限向县委、县政府和市应急管理局报告事故信息', 10, 60),
  cmdCity: act('command-center', '报请市应急指挥部启动响应，县指挥部组织先期处置', 5, 30),
  cmdMine: act('command-center', '调派矿山救护队开展井下侦察和搜救', 5, 60),
  cmdExperts: act('command-center', '组织专家组研判事态，提出处置方案', 15, 120),
  fire: act('fire-rescue', '组织灭火救援、搜救被困人员', 5, 60),
  fireHazmat: act('fire-rescue', '调派危化品救援队实施侦检、堵漏、冷却和洗消', 5, 120),
  fireReinforce: act('fire-rescue', '调集全大队力量并请求支队增援', 5, 90),
  fireRescue: act('fire-rescue', '破拆救援，解救被困人员', 5, 60),
  health: act('health', '派出120救护车赶赴现场，开展伤员检伤分类和救治', 5, 45),
  healthHospital: act('health', '组织医疗救治专家组，开通伤员救治绿色通道', 10, 120),
  police: act('public-security', '设置警戒区，实施交通管制，维护现场秩序', 10, 60),
  policeEvac: act('public-security', '组织危险区域人员疏散撤离', 10, 90),
  policeTraffic: act('public-security', '交警赶赴现场勘查、疏导交通，防止二次事故', 5, 60),
  eco: act('ecology-environment', '开展大气、水体环境应急监测，提出污染防控建议', 15, 180),
  transport: act('transport', '调集运输车辆和机械，保障应急运输与道路抢通', 15, 240),
  housing: act('housing-construction', '组织建筑结构安全评估，调集工程抢险队伍', 15, 240),
  market: act('market-regulation', '派特种设备检验人员赶赴现场，查明设备状况并封存', 15, 120),
  natural: act('natural-resources', '开展地质灾害险情调查和监测预警，划定危险区', 15, 240),
  water: act('water-resources', '监测雨情水情，调度水库、水电站错峰泄洪', 10, 120),
  weather: act('meteorology', '提供现场及周边气象服务，滚动发布天气预报预警', 15, 60),
  power: act('power-supply', '对事故区域实施断电或保障应急供电', 10, 90),
  telecom: act('telecom', '开通应急通信，保障现场指挥通信畅通', 15, 120),
  publicity: act('publicity', '统一发布事故信息，做好舆情监测与引导', 30, 240),
} as const;

type GovPlanSeed = {
  id: string;
  name: string;
  type: Plan['type'];
  ownerKind: 'county' | 'department';
  ownerId?: string;
  accidentCategories: Array<AccidentCategory>;
  /** level-Ⅳ actions; Ⅲ adds `more`, Ⅱ adds the request to the city */
  base: Array<PlanAction>;
  more: Array<PlanAction>;
};

const GOV_PLANS: ReadonlyArray<GovPlanSeed> = [
  {
    id: 'plan-county',
    name: '融安县生产安全事故综合应急预案',
    type: 'comprehensive',
    ownerKind: 'county',
    accidentCategories: [],
    base: [A.cmdTeam, A.fire, A.health, A.police],
    more: [A.cmdReport, A.cmdExperts, A.eco, A.transport, A.publicity],
  },
  {
    id: 'plan-flood',
    name: '融安县防汛抗旱应急预案',
    type: 'special',
    ownerKind: 'county',
    accidentCategories: ['drowning', 'collapse'],
    base: [A.water, A.weather, A.cmdTeam],
    more: [A.natural, A.transport, A.power, A.publicity],
  },
  {
    id: 'plan-geohazard',
    name: '融安县突发地质灾害应急预案',
    type: 'special',
    ownerKind: 'county',
    accidentCategories: ['collapse'],
    base: [A.natural, A.cmdTeam, A.health],
    more: [A.housing, A.transport, A.weather, A.publicity],
  },
  {
    id: 'plan-forest-fire',
    name: '融安县森林火灾应急预案',
    type: 'special',
    ownerKind: 'county',
    accidentCategories: ['fire'],
    base: [A.cmdTeam, A.fire, A.weather],
    more: [A.police, A.health, A.publicity],
  },
  {
    id: 'plan-blackout',
    name: '融安县大面积停电事件应急预案',
    type: 'special',
    ownerKind: 'county',
    accidentCategories: ['electrocution'],
    base: [A.power, A.telecom],
    more: [A.police, A.health, A.publicity],
  },
  {
    id: 'plan-environment',
    name: '融安县突发环境事件应急预案',
    type: 'special',
    ownerKind: 'county',
    accidentCategories: ['poisoning_asphyxia'],
    base: [A.eco, A.cmdTeam],
    more: [A.water, A.police, A.publicity],
  },
  {
    id: 'plan-hazchem',
    name: '融安县危险化学品事故专项应急预案',
    type: 'special',
    ownerKind: 'department',
    ownerId: 'command-center',
    accidentCategories: ['poisoning_asphyxia', 'fire', 'other_explosion', 'vessel_explosion'],
    base: [A.cmdTeam, A.fireHazmat, A.health, A.police],
    more: [A.policeEvac, A.eco, A.cmdExperts, A.weather, A.publicity],
  },
  {
    id: 'plan-mine',
    name: '融安县非煤矿山事故专项应急预案',
    type: 'special',
    ownerKind: 'department',
    ownerId: 'command-center',
    accidentCategories: ['roof_fall', 'water_inrush', 'blasting', 'collapse', 'poisoning_asphyxia'],
    base: [A.cmdMine, A.health, A.cmdTeam],
    more: [A.cmdExperts, A.power, A.water, A.publicity],
  },
  {
    id: 'plan-tailings',
    name: '融安县尾矿库事故专项应急预案',
    type: 'special',
    ownerKind: 'department',
    ownerId: 'command-center',
    accidentCategories: ['collapse', 'drowning'],
    base: [A.cmdTeam, A.natural, A.policeEvac],
    more: [A.eco, A.water, A.publicity],
  },
  {
    id: 'plan-road',
    name: '融安县道路交通事故应急预案',
    type: 'special',
    ownerKind: 'department',
    ownerId: 'public-security',
    accidentCategories: ['vehicle'],
    base: [A.policeTraffic, A.health, A.fireRescue],
    more: [A.transport, A.cmdTeam, A.publicity],
  },
  {
    id: 'plan-hazmat-transport',
    name: '融安县道路危险货物运输事故应急预案',
    type: 'special',
    ownerKind: 'department',
    ownerId: 'transport',
    accidentCategories: ['vehicle', 'poisoning_asphyxia', 'fire'],
    base: [A.policeTraffic, A.fireHazmat, A.health],
    more: [A.eco, A.transport, A.policeEvac, A.publicity],
  },
  {
    id: 'plan-fire',
    name: '融安县火灾事故应急预案',
    type: 'special',
    ownerKind: 'department',
    ownerId: 'fire-rescue',
    accidentCategories: ['fire'],
    base: [A.fire, A.health, A.police],
    more: [A.fireReinforce, A.power, A.publicity],
  },
  {
    id: 'plan-special-equipment',
    name: '融安县特种设备事故应急预案',
    type: 'special',
    ownerKind: 'department',
    ownerId: 'market-regulation',
    accidentCategories: ['boiler_explosion', 'vessel_explosion', 'lifting'],
    base: [A.market, A.fireRescue, A.health],
    more: [A.cmdTeam, A.police, A.publicity],
  },
  {
    id: 'plan-fireworks',
    name: '融安县烟花爆竹事故应急预案',
    type: 'special',
    ownerKind: 'department',
    ownerId: 'command-center',
    accidentCategories: ['explosive_explosion', 'fire'],
    base: [A.fire, A.health, A.policeEvac],
    more: [A.cmdTeam, A.housing, A.publicity],
  },
  {
    id: 'plan-construction',
    name: '融安县建筑施工安全事故应急预案',
    type: 'special',
    ownerKind: 'department',
    ownerId: 'housing-construction',
    accidentCategories: ['fall_from_height', 'collapse', 'object_strike', 'lifting'],
    base: [A.housing, A.fireRescue, A.health],
    more: [A.cmdTeam, A.police, A.publicity],
  },
  {
    id: 'plan-hydropower',
    name: '融安县水电站及水库大坝安全事故应急预案',
    type: 'special',
    ownerKind: 'department',
    ownerId: 'water-resources',
    accidentCategories: ['drowning', 'collapse', 'electrocution'],
    base: [A.water, A.policeEvac, A.power],
    more: [A.cmdTeam, A.natural, A.publicity],
  },
  {
    id: 'plan-medical',
    name: '融安县突发事件医疗卫生救援应急预案',
    type: 'special',
    ownerKind: 'department',
    ownerId: 'health',
    accidentCategories: [],
    base: [A.health, A.healthHospital],
    more: [A.transport, A.publicity],
  },
  {
    id: 'plan-comms',
    name: '融安县应急通信保障预案',
    type: 'special',
    ownerKind: 'department',
    ownerId: 'telecom',
    accidentCategories: [],
    base: [A.telecom],
    more: [A.power],
  },
  {
    id: 'plan-weather',
    name: '融安县气象灾害应急预案',
    type: 'special',
    ownerKind: 'department',
    ownerId: 'meteorology',
    accidentCategories: [],
    base: [A.weather, A.water],
    more: [A.natural, A.cmdTeam, A.publicity],
  },
  {
    id: 'plan-info-release',
    name: '融安县突发事件信息发布与舆情应对预案',
    type: 'special',
    ownerKind: 'department',
    ownerId: 'publicity',
    accidentCategories: [],
    base: [A.publicity],
    more: [A.cmdReport],
  },
];

/** Hill townships that also keep a flood and landslide plan. */
const HILL_TOWNSHIPS = new Set([
  '450224102',
  '450224202',
  '450224203',
  '450224204',
  '450224205',
  '450224206',
  '450224207',
]);

function levels(base: Array<PlanAction>, more: Array<PlanAction>): Plan['levels'] {
  return [
    { level: 4, actions: base },
    { level: 3, actions: [...base, ...more] },
    { level: 2, actions: [A.cmdCity, ...base, ...more] },
  ];
}

/** What a plan's dates should make of it at the reference time. */
const GOV_STATES: ReadonlyArray<readonly [PlanState, number]> = [
  ['current', 70],
  ['drill_overdue', 15],
  ['revision_overdue', 10],
  ['filing_overdue', 5],
];
const ENTERPRISE_STATES: ReadonlyArray<readonly [PlanState, number]> = [
  ['current', 55],
  ['drill_overdue', 25],
  ['revision_overdue', 12],
  ['filing_overdue', 8],
];

const MONTH_DAYS = 30.44;

/**
 * Published / filed / revised / last-drilled dates that put a plan in `state` at `now`, with
 * margins of at least two weeks from every due date (so the intended state is what the rule says).
 */
function planDates(
  rng: Rng,
  now: number,
  state: PlanState,
  drillMonths: number,
): Pick<Plan, 'publishedAt' | 'filedAt' | 'revisedAt' | 'lastDrilledAt'> {
  const revisionDays = (PLAN_PERIODS.revision.months ?? 36) * MONTH_DAYS;
  const drillDays = drillMonths * MONTH_DAYS;
  const iso = (daysAgo: number) => dayIso(now, daysAgo);
  const filedAfter = (publishedAgo: number) => iso(publishedAgo - rng.int(3, 18));
  switch (state) {
    case 'filing_overdue': {
      // 20 working days are at most 28 calendar days: published 35+ days ago, never filed
      const published = rng.int(35, Math.min(150, Math.floor(drillDays) - 15));
      return { publishedAt: iso(published) };
    }
    case 'revision_overdue': {
      const published = Math.floor(revisionDays) + rng.int(20, 700);
      const drilled = rng.int(5, Math.max(6, Math.floor(drillDays) - 15));
      return { publishedAt: iso(published), filedAt: filedAfter(published), lastDrilledAt: iso(drilled) };
    }
    case 'drill_overdue': {
      const minPublished = Math.ceil(drillDays) + 20;
      const published = rng.int(minPublished, Math.max(minPublished + 1, Math.floor(revisionDays) - 20));
      const drilled = rng.next() < 0.3 ? undefined : rng.int(Math.ceil(drillDays) + 15, published - 1);
      return {
        publishedAt: iso(published),
        filedAt: filedAfter(published),
        ...(drilled === undefined ? {} : { lastDrilledAt: iso(drilled) }),
      };
    }
    case 'current': {
      const drilled = rng.int(10, Math.floor(drillDays) - 15);
      if (rng.next() < 0.3) {
        // an older plan, revised since
        const published = rng.int(Math.ceil(revisionDays) + 30, Math.ceil(revisionDays) + 900);
        const revised = rng.int(Math.max(30, drilled), Math.floor(revisionDays) - 30);
        return {
          publishedAt: iso(published),
          filedAt: filedAfter(published),
          revisedAt: iso(revised),
          lastDrilledAt: iso(Math.min(drilled, revised - 1)),
        };
      }
      const published = rng.int(drilled + 20, Math.floor(revisionDays) - 20);
      return { publishedAt: iso(published), filedAt: filedAfter(published), lastDrilledAt: iso(drilled) };
    }
  }
}

function govPlans(rng: Rng, now: number): Array<Plan> {
  const plans: Array<Plan> = [];
  for (const seed of GOV_PLANS) {
    const plan: Omit<Plan, 'publishedAt'> = {
      id: seed.id,
      name: seed.name,
      type: seed.type,
      ownerKind: seed.ownerKind,
      ...(seed.ownerId === undefined ? {} : { ownerId: seed.ownerId }),
      accidentCategories: seed.accidentCategories,
      levels: levels(seed.base, seed.more),
    };
    const months = PLAN_PERIODS[drillPeriodKey({ ...plan, publishedAt: '' })].months ?? 24;
    plans.push({ ...plan, ...planDates(rng, now, rng.weighted(GOV_STATES), months) });
  }
  for (const t of TOWNSHIPS) {
    const dept = townshipDepartmentId(t.code);
    const townLevels = (extra: Array<PlanAction>): Plan['levels'] => [
      {
        level: 4,
        actions: [
          act(dept, '组织村（社区）干部和应急分队开展先期处置', 10, 60),
          act(dept, '组织转移安置受威胁群众，做好生活保障', 15, 180),
          ...extra,
        ],
      },
    ];
    const comprehensive: Omit<Plan, 'publishedAt'> = {
      id: t.code === '450224100' ? 'plan-township-changan' : `plan-township-${t.code}`,
      name: `${t.nameZh}生产安全事故应急预案`,
      type: 'comprehensive',
      ownerKind: 'township',
      ownerId: dept,
      townshipCode: t.code,
      accidentCategories: [],
      levels: townLevels([A.health]),
    };
    plans.push({ ...comprehensive, ...planDates(rng, now, rng.weighted(GOV_STATES), 24) });
    if (HILL_TOWNSHIPS.has(t.code)) {
      const flood: Omit<Plan, 'publishedAt'> = {
        id: `plan-township-${t.code}-flood`,
        name: `${t.nameZh}防汛及地质灾害应急预案`,
        type: 'special',
        ownerKind: 'township',
        ownerId: dept,
        townshipCode: t.code,
        accidentCategories: ['drowning', 'collapse'],
        levels: townLevels([A.natural, A.water]),
      };
      plans.push({ ...flood, ...planDates(rng, now, rng.weighted(GOV_STATES), 24) });
    }
  }
  return plans;
}

/** The 现场处置方案 an enterprise of a sector writes, and what it covers. */
const ONSITE: Partial<Record<Sector, readonly [string, ReadonlyArray<AccidentCategory>]>> = {
  wood_processing: ['粉尘爆炸及火灾现场处置方案', ['other_explosion', 'fire']],
  non_coal_mine: ['井下透水及冒顶片帮现场处置方案', ['water_inrush', 'roof_fall']],
  quarry: ['边坡坍塌及爆破事故现场处置方案', ['collapse', 'blasting']],
  filling_station: ['油品泄漏着火现场处置方案', ['fire', 'other_explosion']],
  lpg_depot: ['液化石油气泄漏现场处置方案', ['fire', 'other_explosion', 'vessel_explosion']],
  fireworks_wholesale: ['仓库火灾爆炸现场处置方案', ['explosive_explosion', 'fire']],
  fireworks_retail: ['火灾现场处置方案', ['fire', 'explosive_explosion']],
  hydropower: ['洪水漫坝及厂房淹没现场处置方案', ['drowning', 'electrocution']],
  hazchem_production: ['有毒气体泄漏现场处置方案', ['poisoning_asphyxia', 'fire']],
  hazchem_storage: ['储罐泄漏火灾现场处置方案', ['fire', 'other_explosion']],
  hazchem_use: ['危险化学品泄漏中毒现场处置方案', ['poisoning_asphyxia']],
  hazchem_retail: ['气瓶泄漏着火现场处置方案', ['fire', 'vessel_explosion']],
  construction_site: ['高处坠落及坍塌现场处置方案', ['fall_from_height', 'collapse']],
  metallurgy: ['高温熔融金属喷溅现场处置方案', ['scald_burn', 'other_explosion']],
  special_equipment: ['锅炉爆炸及电梯困人现场处置方案', ['boiler_explosion', 'lifting']],
  light_industry: ['车间火灾现场处置方案', ['fire', 'machinery']],
  road_transport: ['车辆事故现场处置方案', ['vehicle']],
};

/** Enterprises most likely to keep plans first: hazard-source owners, then high-risk sectors. */
const PLAN_PRIORITY: ReadonlyArray<Sector> = [
  'non_coal_mine',
  'hazchem_production',
  'hazchem_storage',
  'lpg_depot',
  'fireworks_wholesale',
  'metallurgy',
  'hazchem_use',
  'quarry',
  'hydropower',
  'filling_station',
  'wood_processing',
  'construction_site',
  'hazchem_retail',
  'road_transport',
  'light_industry',
  'special_equipment',
  'fireworks_retail',
];

function enterpriseLevels(e: Enterprise): Plan['levels'] {
  const dept = townshipDepartmentId(e.townshipCode);
  return [
    {
      level: 4,
      actions: [
        act('command-center', '接报后派员赶赴现场指导企业先期处置', 10, 60),
        act(dept, '组织周边群众疏散并做好安置', 15, 120),
        A.fire,
        A.health,
      ],
    },
  ];
}

function enterprisePlans(
  rng: Rng,
  now: number,
  enterprises: ReadonlyArray<Enterprise>,
  hazardSources: ReadonlyArray<HazardSource>,
  count: number,
): Array<Plan> {
  if (count <= 0) return [];
  const withSource = new Set(hazardSources.map((h) => h.enterpriseId));
  const rank = (e: Enterprise) => (withSource.has(e.id) ? -1 : PLAN_PRIORITY.indexOf(e.sector));
  // a stable order: by priority, and within it the enterprises' own (seeded) order
  const ordered = enterprises
    .map((e, i) => ({ e, i, r: rank(e) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.e);
  const plans: Array<Plan> = [];
  const width = Math.max(4, String(count).length);
  for (const e of ordered) {
    if (plans.length >= count) break;
    const onsite = ONSITE[e.sector];
    if (!onsite) continue;
    // bigger and riskier enterprises also keep a 综合 (or 专项) plan
    const both = withSource.has(e.id) || e.riskLevel === 'major';
    if (both && plans.length + 1 < count) {
      const type = withSource.has(e.id) && rng.next() < 0.5 ? 'special' : 'comprehensive';
      const plan: Omit<Plan, 'publishedAt'> = {
        id: `plan-${pad(plans.length + 1, width)}-${e.id}`,
        name: `${e.name}${type === 'special' ? '重大危险源专项应急预案' : '生产安全事故综合应急预案'}`,
        type,
        ownerKind: 'enterprise',
        ownerId: e.id,
        townshipCode: e.townshipCode,
        accidentCategories: [...onsite[1]],
        levels: enterpriseLevels(e),
      };
      const months = PLAN_PERIODS[drillPeriodKey({ ...plan, publishedAt: '' }, e.sector)].months ?? 12;
      plans.push({ ...plan, ...planDates(rng, now, rng.weighted(ENTERPRISE_STATES), months) });
    }
    const plan: Omit<Plan, 'publishedAt'> = {
      id: `plan-${pad(plans.length + 1, width)}-${e.id}`,
      name: `${e.name}${onsite[0]}`,
      type: 'onsite',
      ownerKind: 'enterprise',
      ownerId: e.id,
      townshipCode: e.townshipCode,
      accidentCategories: [...onsite[1]],
      levels: enterpriseLevels(e),
    };
    const months = PLAN_PERIODS.drill_enterprise_onsite.months ?? 6;
    plans.push({ ...plan, ...planDates(rng, now, rng.weighted(ENTERPRISE_STATES), months) });
  }
  return plans;
}

/** County, department and township plans, then enterprise plans up to `count` in all. */
export function generatePlans(
  rng: Rng,
  now: number,
  enterprises: ReadonlyArray<Enterprise>,
  hazardSources: ReadonlyArray<HazardSource>,
  count: number,
): Array<Plan> {
  const gov = govPlans(rng, now);
  return [...gov, ...enterprisePlans(rng, now, enterprises, hazardSources, count - gov.length)].slice(0, count);
}
