import { ulid } from 'ulid';
import { COUNTY, TOWNSHIPS } from '@common/domain/county';
import type { TownshipCode } from '@common/domain/county';
import { creditCodeCheckChar } from '@common/domain/credit-code';
import { listedChemical } from '@common/domain/gb18218-tables';
import type { CommandPayload } from '@common/protocol/commands';
import type { LngLat } from '@common/schemas/common';
import type { Department } from '@common/schemas/department';
import type { Enterprise, RiskLevel, Sector } from '@common/schemas/enterprise';
import type { HazardChemical, HazardSource } from '@common/schemas/hazard-source';
import type { Plan, PlanAction } from '@common/schemas/plan';
import type { RescueTeam } from '@common/schemas/rescue-team';
import { demoDepartments, townshipDepartmentId } from './departments';
import { createRng } from './prng';
import type { Rng } from './prng';

/**
 * The demo county: fictional enterprises, hazard sources, teams, plans and incidents placed at
 * plausible spots of Rong'an County. Deterministic for a seed; `enterprises` scales it (40 for
 * the demo, 400 and 50,000 for benches) — hazard sources, teams and plans scale along.
 * NOTE: every name, person and phone number here is made up; addresses use "示范路"/"演示街".
 */
export type DemoCountyOptions = { seed: number; enterprises: number; now?: number };

export type DemoIncident = {
  payload: CommandPayload<'incident.report'>;
  notes: Array<{ noteId: string; text: string; minutesAfter: number }>;
};

export type DemoCounty = {
  departments: Array<Department>;
  enterprises: Array<Enterprise>;
  hazardSources: Array<HazardSource>;
  rescueTeams: Array<RescueTeam>;
  plans: Array<Plan>;
  incidents: Array<DemoIncident>;
};

const SECTOR_WEIGHTS: ReadonlyArray<readonly [Sector, number]> = [
  ['wood_processing', 9],
  ['non_coal_mine', 3],
  ['quarry', 3],
  ['filling_station', 5],
  ['lpg_depot', 2],
  ['fireworks_retail', 3],
  ['fireworks_wholesale', 1],
  ['hydropower', 3],
  ['hazchem_storage', 1],
  ['hazchem_use', 2],
  ['hazchem_retail', 1],
  ['construction_site', 3],
  ['light_industry', 4],
  ['special_equipment', 1],
  ['metallurgy', 1],
  ['road_transport', 2],
];

const SECTOR_NAMES: Record<Sector, ReadonlyArray<string>> = {
  wood_processing: ['木业有限公司', '板材厂', '人造板有限公司', '胶合板厂'],
  non_coal_mine: ['矿业有限公司', '铅锌矿'],
  quarry: ['石场', '石材有限公司'],
  filling_station: ['加油站'],
  lpg_depot: ['液化气站', '燃气有限公司储配站'],
  fireworks_retail: ['烟花爆竹经营部'],
  fireworks_wholesale: ['烟花爆竹批发有限公司'],
  hydropower: ['水电站'],
  hazchem_production: ['化工有限公司'],
  hazchem_storage: ['化工仓储有限公司'],
  hazchem_use: ['化工有限公司', '水处理有限公司'],
  hazchem_retail: ['化工产品经营部'],
  construction_site: ['建筑工程有限公司项目部'],
  light_industry: ['食品有限公司', '竹制品厂', '金桔加工厂'],
  special_equipment: ['锅炉房', '电梯工程有限公司'],
  metallurgy: ['冶炼有限公司'],
  road_transport: ['运输有限公司'],
};

const BRAND = [
  '融江',
  '金桔',
  '清溪',
  '青山',
  '龙腾',
  '华隆',
  '鑫源',
  '永盛',
  '宏达',
  '瑞丰',
  '安泰',
  '顺发',
  '恒昌',
  '广源',
  '盛林',
  '桂融',
  '丰泽',
  '合力',
  '新科',
  '远航',
  '嘉禾',
  '泰和',
  '长青',
  '福源',
];
const SURNAMES = ['张', '王', '李', '赵', '陈', '刘', '黄', '周', '吴', '覃', '韦', '蓝', '莫', '潘', '梁'];
const GIVEN = ['伟', '芳', '军', '敏', '强', '丽', '勇', '静', '磊', '洋', '艳', '杰', '娟', '涛', '明', '华'];

const SECTOR_RISK: Partial<Record<Sector, ReadonlyArray<readonly [RiskLevel, number]>>> = {
  non_coal_mine: [
    ['major', 2],
    ['considerable', 3],
    ['general', 1],
  ],
  hazchem_storage: [
    ['major', 2],
    ['considerable', 2],
  ],
  hazchem_use: [
    ['considerable', 2],
    ['general', 2],
  ],
  lpg_depot: [
    ['major', 1],
    ['considerable', 2],
  ],
  fireworks_wholesale: [
    ['considerable', 2],
    ['major', 1],
  ],
};
const DEFAULT_RISK: ReadonlyArray<readonly [RiskLevel, number]> = [
  ['considerable', 1],
  ['general', 4],
  ['low', 4],
];

/** GB 11714 organisation code check character (the 9th of the organisation code). */
function orgCodeCheck(first8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8.charAt(i), 36) * (weights[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** A valid 统一社会信用代码: 9 (工商) 1 (企业) + county code + organisation code + GB 32100 check. */
export function demoCreditCode(rng: Rng): string {
  let org = '';
  for (let i = 0; i < 8; i++) org += String(rng.int(0, 9));
  const first17 = `91${COUNTY.adcode}${org}${orgCodeCheck(org)}`;
  const check = creditCodeCheckChar(first17);
  if (check === null) throw new Error(`bad credit code body ${first17}`);
  return first17 + check;
}

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

function near(rng: Rng, center: LngLat, spread: number): LngLat {
  const [west, south, east, north] = COUNTY.bbox;
  return {
    lng: round6(Math.min(east - 0.005, Math.max(west + 0.005, center.lng + (rng.next() - 0.5) * 2 * spread))),
    lat: round6(Math.min(north - 0.005, Math.max(south + 0.005, center.lat + (rng.next() - 0.5) * 2 * spread))),
  };
}

function township(code: TownshipCode) {
  const t = TOWNSHIPS.find((x) => x.code === code);
  if (!t) throw new Error(`unknown township ${code}`);
  return t;
}

function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.next() < 0.5 ? rng.pick(GIVEN) : '');
}

function fakeMobile(rng: Rng): string {
  // 1380000xxxx: the well-known placeholder range, clearly not a real subscriber
  return `1380000${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function generateEnterprises(rng: Rng, count: number): Array<Enterprise> {
  const out: Array<Enterprise> = [];
  const names = new Set<string>();
  const codes = new Set<string>();
  const width = Math.max(4, String(count).length);
  for (let i = 0; i < count; i++) {
    const sector = rng.weighted(SECTOR_WEIGHTS);
    // mines cluster near 泗顶 (the lead-zinc area); the rest follow the towns
    const t = sector === 'non_coal_mine' && rng.next() < 0.7 ? township('450224102') : rng.pick(TOWNSHIPS);
    const brand = rng.pick(BRAND);
    const place = t.nameZh.slice(0, 2);
    let name = `融安县${sector === 'filling_station' || sector === 'hydropower' ? place : ''}${brand}${rng.pick(SECTOR_NAMES[sector])}`;
    if (names.has(name)) name = `${name.replace(/^融安县/, `融安县${place}`)}`;
    if (names.has(name)) name = `${name}（${pad(i + 1, width)}）`;
    names.add(name);
    let creditCode = demoCreditCode(rng);
    while (codes.has(creditCode)) creditCode = demoCreditCode(rng);
    codes.add(creditCode);
    const spread = sector === 'non_coal_mine' || sector === 'quarry' || sector === 'hydropower' ? 0.06 : 0.03;
    out.push({
      id: `ent-${pad(i + 1, width)}`,
      name,
      creditCode,
      townshipCode: t.code,
      address: `${t.nameZh}${rng.pick(['示范路', '演示街', '样例大道'])}${rng.int(1, 199)}号`,
      sector,
      riskLevel: rng.weighted(SECTOR_RISK[sector] ?? DEFAULT_RISK),
      standardisation: rng.weighted([
        ['grade2', 1],
        ['grade3', 3],
        ['none', 2],
      ] as const),
      location: near(rng, t.center, spread),
      contacts: [
        { name: personName(rng), role: '主要负责人', phone: fakeMobile(rng) },
        { name: personName(rng), role: '安全管理员', phone: fakeMobile(rng) },
      ],
      headcount: sector === 'fireworks_retail' || sector === 'filling_station' ? rng.int(3, 15) : rng.int(10, 400),
    });
  }
  return out;
}

// Chemicals by CAS number: Q and β come from src-common's GB 18218 tables, never from here.
const CHEMICALS: Record<string, { name: string; casNo: string }> = {
  lpg: { name: '液化石油气', casNo: '68476-85-7' },
  gasoline: { name: '汽油', casNo: '86290-81-5' },
  ammonia: { name: '氨', casNo: '7664-41-7' },
  chlorine: { name: '氯', casNo: '7782-50-5' },
  methanol: { name: '甲醇', casNo: '67-56-1' },
  acetylene: { name: '乙炔', casNo: '74-86-2' },
};

function criticalOf(casNo: string): number {
  const listed = listedChemical(casNo);
  if (!listed) throw new Error(`demo chemical ${casNo} is not in the GB 18218 table`);
  return listed.criticalT;
}

const HAZARD_CHEMICALS: Partial<Record<Sector, ReadonlyArray<string>>> = {
  lpg_depot: ['lpg'],
  filling_station: ['gasoline'],
  hazchem_storage: ['methanol', 'ammonia'],
  hazchem_use: ['chlorine', 'ammonia'],
  hazchem_retail: ['acetylene'],
  light_industry: ['ammonia'],
};

function generateHazardSources(rng: Rng, enterprises: ReadonlyArray<Enterprise>, count: number): Array<HazardSource> {
  const eligible = enterprises.filter((e) => HAZARD_CHEMICALS[e.sector] !== undefined);
  const out: Array<HazardSource> = [];
  const width = Math.max(3, String(count).length);
  for (let i = 0; i < Math.min(count, eligible.length); i++) {
    const e = eligible[Math.floor((i * eligible.length) / Math.min(count, eligible.length))];
    if (!e) continue;
    const kinds = HAZARD_CHEMICALS[e.sector] ?? ['lpg'];
    const chemicals = kinds.slice(0, rng.int(1, kinds.length)).map((k): HazardChemical => {
      const c = CHEMICALS[k] ?? CHEMICALS.lpg;
      if (!c) throw new Error('chemical table is empty');
      // between 0.6 Q and 3 Q, so that S ≥ 1 (a major hazard source by definition)
      return { ...c, quantityT: Math.round(criticalOf(c.casNo) * (0.6 + rng.next() * 2.4) * 100) / 100 };
    });
    const total = chemicals.reduce((s, c) => s + c.quantityT / criticalOf(c.casNo), 0);
    const first = chemicals[0];
    if (total < 1 && first) first.quantityT = Math.ceil(criticalOf(first.casNo) * 1.1 * 100) / 100;
    out.push({
      id: `hz-${pad(i + 1, width)}`,
      enterpriseId: e.id,
      name: `${e.name}${chemicals.map((c) => c.name).join('、')}储存区`,
      location: near(rng, e.location, 0.002),
      exposedPeople: rng.weighted([
        [0, 1],
        [rng.int(1, 29), 3],
        [rng.int(30, 49), 2],
        [rng.int(50, 99), 2],
        [rng.int(100, 800), 2],
      ] as const),
      chemicals,
    });
  }
  return out;
}

function generateTeams(rng: Rng, count: number): Array<RescueTeam> {
  const seat = COUNTY.seat;
  const base: Array<Omit<RescueTeam, 'location' | 'status'> & { status?: RescueTeam['status'] }> = [
    {
      id: 'team-fire-changan',
      name: '融安县消防救援大队长安站',
      type: 'fire_station',
      departmentId: 'fire-rescue',
      headcount: 28,
      equipment: ['水罐消防车', '抢险救援车', '举高喷射车'],
      base: seat,
      phone: '0772-0000119',
    },
    {
      id: 'team-fire-fushi',
      name: '浮石镇专职消防队',
      type: 'fire_station',
      departmentId: 'fire-rescue',
      headcount: 12,
      equipment: ['水罐消防车'],
      base: township('450224101').center,
      phone: '0772-0000301',
    },
    {
      id: 'team-hazmat',
      name: '县危险化学品应急救援队',
      type: 'hazmat',
      departmentId: 'fire-rescue',
      headcount: 16,
      equipment: ['防化服', '气体检测仪', '堵漏器材'],
      base: near(rng, seat, 0.01),
      phone: '0772-0000302',
    },
    {
      id: 'team-mine',
      name: '泗顶矿山救护队',
      type: 'mine_rescue',
      departmentId: 'command-center',
      headcount: 20,
      equipment: ['正压氧气呼吸器', '排水泵'],
      base: township('450224102').center,
      phone: '0772-0000303',
    },
    {
      id: 'team-120-county',
      name: '县人民医院120急救分站',
      type: 'medical',
      departmentId: 'health',
      headcount: 18,
      equipment: ['救护车×4'],
      base: near(rng, seat, 0.008),
      phone: '0772-0000120',
    },
    {
      id: 'team-120-tcm',
      name: '县中医医院120急救分站',
      type: 'medical',
      departmentId: 'health',
      headcount: 10,
      equipment: ['救护车×2'],
      base: near(rng, seat, 0.008),
      phone: '0772-0000304',
      status: 'dispatched',
    },
    {
      id: 'team-power',
      name: '融安供电抢修队',
      type: 'power',
      departmentId: 'power-supply',
      headcount: 15,
      equipment: ['应急发电车', '抢修工程车'],
      base: near(rng, seat, 0.01),
      phone: '0772-0000305',
    },
    {
      id: 'team-volunteer',
      name: '融安蓝天救援队（社会力量）',
      type: 'social',
      departmentId: 'command-center',
      headcount: 25,
      equipment: ['冲锋舟', '无人机'],
      base: near(rng, seat, 0.01),
      phone: '0772-0000306',
    },
  ];
  for (let i = base.length; i < count; i++) {
    const t = rng.pick(TOWNSHIPS);
    base.push({
      id: `team-${pad(i + 1, 4)}`,
      name: `${t.nameZh}应急救援队（${pad(i + 1, 4)}）`,
      type: 'social',
      departmentId: townshipDepartmentId(t.code),
      headcount: rng.int(8, 30),
      equipment: ['灭火器', '担架'],
      base: t.center,
      phone: `0772-0000${pad(400 + (i % 600), 3)}`,
    });
  }
  return base.slice(0, Math.max(count, 0)).map((t) => ({ ...t, status: t.status ?? 'available', location: t.base }));
}

const act = (departmentId: string, task: string, signOffMinutes: number, completeMinutes?: number): PlanAction => ({
  departmentId,
  task,
  signOffMinutes,
  ...(completeMinutes === undefined ? {} : { completeMinutes }),
});

function generatePlans(enterprises: ReadonlyArray<Enterprise>, count: number): Array<Plan> {
  const published = (y: number, m: number, d: number): string => new Date(Date.UTC(y, m - 1, d)).toISOString();
  const countyLevels: Plan['levels'] = [
    {
      level: 4,
      actions: [
        act('fire-rescue', '出动就近消防站赶赴现场处置', 5, 60),
        act('health', '派出120救护车并通知医院做好收治准备', 5, 60),
        act('public-security', '现场警戒、交通管制和人员疏散', 10, 120),
      ],
    },
    {
      level: 3,
      actions: [
        act('fire-rescue', '调集全大队力量赶赴现场', 5, 60),
        act('health', '组织医疗救治组，开通绿色通道', 5, 120),
        act('public-security', '设置警戒区，实施交通管制', 10, 120),
        act('ecology-environment', '开展环境应急监测', 15, 180),
        act('publicity', '统一发布信息，做好舆情引导', 30, 240),
      ],
    },
  ];
  const plans: Array<Plan> = [
    {
      id: 'plan-county',
      name: '融安县生产安全事故综合应急预案',
      type: 'comprehensive',
      ownerKind: 'county',
      accidentCategories: [],
      levels: countyLevels,
      publishedAt: published(2023, 3, 15),
      filedAt: published(2023, 4, 1),
      lastDrilledAt: published(2024, 6, 16),
    },
    {
      id: 'plan-hazchem',
      name: '融安县危险化学品事故专项应急预案',
      type: 'special',
      ownerKind: 'department',
      ownerId: 'command-center',
      accidentCategories: ['poisoning_asphyxia', 'fire', 'other_explosion', 'vessel_explosion'],
      levels: countyLevels,
      publishedAt: published(2022, 9, 1),
      filedAt: published(2022, 9, 20),
    },
    {
      id: 'plan-mine',
      name: '融安县非煤矿山事故专项应急预案',
      type: 'special',
      ownerKind: 'department',
      ownerId: 'command-center',
      accidentCategories: ['collapse', 'roof_fall', 'water_inrush', 'blasting'],
      levels: [
        {
          level: 4,
          actions: [act('command-center', '调派泗顶矿山救护队', 5, 60), act('health', '派出120救护车', 5, 60)],
        },
      ],
      publishedAt: published(2023, 5, 10),
    },
    {
      id: 'plan-road',
      name: '融安县道路交通事故应急预案',
      type: 'special',
      ownerKind: 'department',
      ownerId: 'public-security',
      accidentCategories: ['vehicle'],
      levels: [
        {
          level: 4,
          actions: [
            act('public-security', '交警赶赴现场，疏导交通', 5, 60),
            act('health', '派出120救护车', 5, 60),
            act('transport', '组织清障、保障道路通行', 15, 180),
          ],
        },
      ],
      publishedAt: published(2022, 11, 8),
    },
    {
      id: 'plan-fire',
      name: '融安县火灾事故应急预案',
      type: 'special',
      ownerKind: 'department',
      ownerId: 'fire-rescue',
      accidentCategories: ['fire'],
      levels: countyLevels,
      publishedAt: published(2023, 1, 20),
    },
    {
      id: 'plan-special-equipment',
      name: '融安县特种设备事故应急预案',
      type: 'special',
      ownerKind: 'department',
      ownerId: 'market-regulation',
      accidentCategories: ['boiler_explosion', 'vessel_explosion', 'lifting'],
      levels: [
        {
          level: 4,
          actions: [
            act('market-regulation', '特种设备检验人员赶赴现场', 15, 120),
            act('fire-rescue', '出动救援', 5, 60),
          ],
        },
      ],
      publishedAt: published(2021, 7, 1),
      revisedAt: published(2024, 7, 1),
    },
    {
      id: 'plan-fireworks',
      name: '融安县烟花爆竹事故应急预案',
      type: 'special',
      ownerKind: 'department',
      ownerId: 'command-center',
      accidentCategories: ['explosive_explosion'],
      levels: countyLevels,
      publishedAt: published(2023, 12, 1),
    },
    {
      id: 'plan-construction',
      name: '融安县建筑施工安全事故应急预案',
      type: 'special',
      ownerKind: 'department',
      ownerId: 'housing-construction',
      accidentCategories: ['fall_from_height', 'collapse', 'object_strike'],
      levels: [
        {
          level: 4,
          actions: [act('housing-construction', '责令停工并组织抢险', 15, 120), act('health', '派出120救护车', 5, 60)],
        },
      ],
      publishedAt: published(2022, 4, 18),
    },
    {
      id: 'plan-township-changan',
      name: '长安镇生产安全事故应急预案',
      type: 'comprehensive',
      ownerKind: 'township',
      ownerId: 'township-450224100',
      townshipCode: '450224100',
      accidentCategories: [],
      levels: [{ level: 4, actions: [act('township-450224100', '组织村（社区）人员疏散安置', 15, 120)] }],
      publishedAt: published(2023, 6, 6),
    },
  ];
  const onsite = enterprises.filter(
    (e) => e.sector === 'lpg_depot' || e.sector === 'filling_station' || e.sector === 'wood_processing',
  );
  for (let i = 0; plans.length < count && i < onsite.length; i++) {
    const e = onsite[i];
    if (!e) break;
    plans.push({
      id: `plan-onsite-${e.id}`,
      name: `${e.name}${e.sector === 'wood_processing' ? '粉尘爆炸' : '泄漏着火'}现场处置方案`,
      type: 'onsite',
      ownerKind: 'enterprise',
      ownerId: e.id,
      townshipCode: e.townshipCode,
      accidentCategories: e.sector === 'wood_processing' ? ['other_explosion', 'fire'] : ['fire', 'other_explosion'],
      levels: [],
      publishedAt: published(2024, 3, 1 + (i % 27)),
    });
  }
  return plans.slice(0, count);
}

function generateIncidents(rng: Rng, enterprises: ReadonlyArray<Enterprise>, now: number): Array<DemoIncident> {
  const iso = (minutesAgo: number): string => new Date(now - minutesAgo * 60_000).toISOString();
  const id = (minutesAgo: number): string => ulid(now - minutesAgo * 60_000, () => rng.next());
  const wood = enterprises.find((e) => e.sector === 'wood_processing') ?? enterprises[0];
  const mine = enterprises.find((e) => e.sector === 'non_coal_mine') ?? enterprises[0];
  const dajiang = township('450224200');
  const incidents: Array<DemoIncident> = [
    {
      payload: {
        incidentId: id(42),
        mode: 'real',
        report: {
          title: `${wood?.name ?? '某木业公司'}车间火灾`,
          category: 'fire',
          source: 'transfer_119',
          occurredAt: iso(45),
          location: wood?.location ?? COUNTY.seat,
          townshipCode: wood?.townshipCode ?? '450224100',
          ...(wood ? { enterpriseId: wood.id } : {}),
          casualties: { deaths: 0, seriousInjuries: 0, injured: 1, missing: 0, trapped: 0 },
          directLossWan: 30,
          hazmat: '',
          description: '热压车间起火，浓烟较大，一名工人手部烧伤，已自行撤离。（演示数据，虚构）',
          reporterName: personName(rng),
          reporterPhone: fakeMobile(rng),
        },
      },
      notes: [{ noteId: id(40), text: '长安站两车已出动，预计10分钟到场。', minutesAfter: 3 }],
    },
    {
      payload: {
        incidentId: id(20),
        mode: 'real',
        report: {
          title: '县道大将镇路段货车与面包车相撞',
          category: 'vehicle',
          source: 'transfer_110',
          occurredAt: iso(22),
          location: near(rng, dajiang.center, 0.02),
          townshipCode: dajiang.code,
          casualties: { deaths: 0, seriousInjuries: 1, injured: 3, missing: 0, trapped: 1 },
          directLossWan: 12,
          hazmat: '',
          description: '一人被困驾驶室，需破拆。（演示数据，虚构）',
          reporterName: personName(rng),
          reporterPhone: fakeMobile(rng),
        },
      },
      notes: [],
    },
    {
      payload: {
        incidentId: id(10),
        mode: 'drill',
        drillId: 'drill-demo-mine-flood',
        report: {
          title: '【演练】泗顶矿区井下透水事故',
          category: 'water_inrush',
          source: 'enterprise_report',
          occurredAt: iso(10),
          location: mine?.location ?? township('450224102').center,
          townshipCode: mine?.townshipCode ?? '450224102',
          ...(mine ? { enterpriseId: mine.id } : {}),
          casualties: { deaths: 0, seriousInjuries: 0, injured: 0, missing: 0, trapped: 4 },
          directLossWan: 0,
          hazmat: '',
          description: '演练：-120 m 中段透水，4人被困。此为演练，非真实事件。',
          reporterName: personName(rng),
          reporterPhone: fakeMobile(rng),
        },
      },
      notes: [],
    },
  ];
  return incidents;
}

export function generateDemoCounty(options: DemoCountyOptions): DemoCounty {
  const rng = createRng(options.seed);
  const n = Math.max(0, Math.floor(options.enterprises));
  const enterprises = generateEnterprises(rng, n);
  return {
    departments: demoDepartments(),
    enterprises,
    hazardSources: generateHazardSources(rng, enterprises, Math.max(1, Math.round(n / 5))),
    rescueTeams: generateTeams(rng, Math.max(8, Math.round(n / 50))),
    plans: generatePlans(enterprises, Math.max(10, Math.round(n / 40))),
    incidents: generateIncidents(rng, enterprises, options.now ?? Date.now()),
  };
}
