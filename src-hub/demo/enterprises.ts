import type { Enterprise, RiskLevel, Sector } from '@common/schemas/enterprise';
import { ROADS, RIVERS, SECTOR_TOWNSHIP_WEIGHTS, TOWNSHIP_WEIGHTS, pointOnPath } from './geography';
import {
  BRANDS,
  demoAddress,
  demoCreditCode,
  fakeLandline,
  fakeMobile,
  near,
  nearestTownship,
  pad,
  personName,
  township,
} from './naming';
import type { Rng } from './prng';

/**
 * The sector mix, per 400 enterprises (a county of ~330,000 people in the hills of northern
 * Guangxi): wood processing and small light industry lead; quarries, mines, hydropower, filling
 * stations and fireworks retail are the typical local risks; few chemical units.
 */
const SECTOR_MIX: ReadonlyArray<readonly [Sector, number]> = [
  ['wood_processing', 80],
  ['light_industry', 58],
  ['construction_site', 36],
  ['filling_station', 30],
  ['fireworks_retail', 30],
  ['special_equipment', 28],
  ['hydropower', 28],
  ['quarry', 24],
  ['road_transport', 18],
  ['hazchem_use', 14],
  ['non_coal_mine', 14],
  ['hazchem_retail', 10],
  ['lpg_depot', 8],
  ['hazchem_storage', 6],
  ['metallurgy', 6],
  ['hazchem_production', 5],
  ['fireworks_wholesale', 5],
];

const SECTOR_NAMES: Record<Sector, ReadonlyArray<string>> = {
  wood_processing: ['木业有限公司', '板材厂', '人造板有限公司', '胶合板厂', '单板加工厂', '木材加工厂'],
  non_coal_mine: ['矿业有限公司', '铅锌矿', '矿业开发有限公司'],
  quarry: ['石场', '石材有限公司', '采石场', '建材石场'],
  filling_station: ['加油站'],
  lpg_depot: ['液化气站', '燃气有限公司储配站'],
  fireworks_retail: ['烟花爆竹经营部', '烟花爆竹零售点'],
  fireworks_wholesale: ['烟花爆竹批发有限公司'],
  hydropower: ['水电站', '水力发电有限公司'],
  hazchem_production: ['化工有限公司', '精细化工有限公司'],
  hazchem_storage: ['化工仓储有限公司', '石油化工储运有限公司'],
  hazchem_use: ['化工有限公司', '水务有限公司', '冷链物流有限公司', '食品冷冻厂'],
  hazchem_retail: ['化工产品经营部', '工业气体经营部'],
  construction_site: ['建筑工程有限公司项目部', '建设工程项目部'],
  light_industry: ['食品有限公司', '竹制品厂', '金桔加工厂', '米粉厂', '纺织有限公司', '茶业有限公司'],
  special_equipment: ['锅炉房', '电梯工程有限公司', '起重设备有限公司'],
  metallurgy: ['冶炼有限公司', '有色金属冶炼厂'],
  road_transport: ['运输有限公司', '客运有限公司', '物流有限公司'],
};

const SECTOR_RISK: Partial<Record<Sector, ReadonlyArray<readonly [RiskLevel, number]>>> = {
  non_coal_mine: [
    ['major', 2],
    ['considerable', 4],
    ['general', 2],
  ],
  metallurgy: [
    ['major', 1],
    ['considerable', 3],
    ['general', 2],
  ],
  hazchem_production: [
    ['major', 2],
    ['considerable', 2],
    ['general', 1],
  ],
  hazchem_storage: [
    ['major', 2],
    ['considerable', 3],
    ['general', 1],
  ],
  hazchem_use: [
    ['considerable', 2],
    ['general', 3],
    ['low', 1],
  ],
  lpg_depot: [
    ['major', 1],
    ['considerable', 3],
    ['general', 2],
  ],
  fireworks_wholesale: [
    ['considerable', 2],
    ['major', 1],
  ],
  quarry: [
    ['considerable', 2],
    ['general', 4],
    ['low', 1],
  ],
  wood_processing: [
    ['considerable', 1],
    ['general', 5],
    ['low', 4],
  ],
  construction_site: [
    ['considerable', 1],
    ['general', 4],
    ['low', 2],
  ],
  hydropower: [
    ['considerable', 1],
    ['general', 3],
    ['low', 4],
  ],
};
const DEFAULT_RISK: ReadonlyArray<readonly [RiskLevel, number]> = [
  ['considerable', 1],
  ['general', 8],
  ['low', 9],
];

const HEADCOUNT: Record<Sector, readonly [number, number]> = {
  wood_processing: [15, 260],
  non_coal_mine: [30, 220],
  quarry: [8, 60],
  filling_station: [4, 15],
  lpg_depot: [6, 25],
  fireworks_retail: [1, 5],
  fireworks_wholesale: [8, 30],
  hydropower: [4, 30],
  hazchem_production: [40, 300],
  hazchem_storage: [10, 60],
  hazchem_use: [10, 150],
  hazchem_retail: [2, 10],
  construction_site: [30, 400],
  light_industry: [10, 300],
  special_equipment: [3, 40],
  metallurgy: [80, 500],
  road_transport: [15, 200],
};

const STANDARDISATION = {
  strict: [
    ['grade2', 2],
    ['grade3', 5],
    ['none', 1],
  ],
  usual: [
    ['grade2', 1],
    ['grade3', 3],
    ['none', 6],
  ],
} as const;
const STRICT_STANDARDISATION = new Set<Sector>([
  'non_coal_mine',
  'hazchem_production',
  'hazchem_storage',
  'hazchem_use',
  'lpg_depot',
  'metallurgy',
  'fireworks_wholesale',
]);

/** Exact sector counts for `n` enterprises (largest remainders), in a seeded random order. */
function sectorSequence(rng: Rng, n: number): Array<Sector> {
  const total = SECTOR_MIX.reduce((s, [, w]) => s + w, 0);
  const exact = SECTOR_MIX.map(([sector, w]) => ({ sector, x: (w * n) / total }));
  const counts = exact.map((e) => ({ sector: e.sector, count: Math.floor(e.x), rest: e.x - Math.floor(e.x) }));
  let missing = n - counts.reduce((s, c) => s + c.count, 0);
  for (const c of [...counts].sort((a, b) => b.rest - a.rest)) {
    if (missing <= 0) break;
    c.count++;
    missing--;
  }
  const out: Array<Sector> = [];
  for (const c of counts) for (let i = 0; i < c.count; i++) out.push(c.sector);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const a = out[i];
    const b = out[j];
    if (a !== undefined && b !== undefined) {
      out[i] = b;
      out[j] = a;
    }
  }
  return out;
}

export function generateEnterprises(rng: Rng, count: number): Array<Enterprise> {
  const out: Array<Enterprise> = [];
  const names = new Set<string>();
  const codes = new Set<string>();
  const width = Math.max(4, String(count).length);
  const sectors = sectorSequence(rng, count);
  for (let i = 0; i < count; i++) {
    const sector = sectors[i] ?? 'light_industry';
    // where it stands: filling stations along the main roads, hydropower on the rivers, the rest
    // around a township seat chosen by the sector's spread
    let t = township(rng.weighted(SECTOR_TOWNSHIP_WEIGHTS[sector] ?? TOWNSHIP_WEIGHTS));
    let location;
    if (sector === 'filling_station') {
      location = pointOnPath(rng, rng.pick(ROADS).path, 0.004);
      t = nearestTownship(location);
    } else if (sector === 'hydropower') {
      location = pointOnPath(rng, rng.pick(RIVERS).path, 0.003);
      t = nearestTownship(location);
    } else {
      const spread =
        sector === 'non_coal_mine' || sector === 'quarry'
          ? 0.05
          : sector === 'construction_site' || sector === 'fireworks_retail'
            ? 0.012
            : t.code === '450224100'
              ? 0.02
              : 0.03;
      location = near(rng, t.center, spread);
    }
    const brand = rng.pick(BRANDS);
    const place = t.nameZh.slice(0, 2);
    const placeFirst = sector === 'filling_station' || sector === 'hydropower' || sector === 'fireworks_retail';
    let name = `融安县${placeFirst ? place : ''}${brand}${rng.pick(SECTOR_NAMES[sector])}`;
    if (names.has(name) && !placeFirst) name = name.replace(/^融安县/, `融安县${place}`);
    if (names.has(name)) name = `${name}（${pad(i + 1, width)}）`;
    names.add(name);
    let creditCode = demoCreditCode(rng);
    while (codes.has(creditCode)) creditCode = demoCreditCode(rng);
    codes.add(creditCode);
    const [minHead, maxHead] = HEADCOUNT[sector];
    const contacts = [
      { name: personName(rng), role: '主要负责人', phone: fakeMobile(rng) },
      { name: personName(rng), role: '安全管理员', phone: fakeMobile(rng) },
    ];
    if (rng.next() < 0.4) contacts.push({ name: '值班室', role: '24小时值班', phone: fakeLandline(500 + (i % 500)) });
    out.push({
      id: `ent-${pad(i + 1, width)}`,
      name,
      creditCode,
      townshipCode: t.code,
      address: demoAddress(rng, t.nameZh),
      sector,
      riskLevel: rng.weighted(SECTOR_RISK[sector] ?? DEFAULT_RISK),
      standardisation: rng.weighted(
        STRICT_STANDARDISATION.has(sector) ? STANDARDISATION.strict : STANDARDISATION.usual,
      ),
      location,
      contacts,
      headcount: rng.int(minHead, maxHead),
    });
  }
  return out;
}
