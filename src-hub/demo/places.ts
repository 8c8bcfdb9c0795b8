import { COUNTY, TOWNSHIPS } from '@common/domain/county';
import type { TownshipCode } from '@common/domain/county';
import type { Receptor, ReceptorKind, Shelter, SupplyDepot } from '@common/schemas/places';
import { townshipDepartmentId } from './departments';
import { demoAddress, fakeLandline, fakeMobile, near, pad, personName, township } from './naming';
import type { Rng } from './prng';

// Shelters (避难场所), emergency supply depots (应急物资储备库) and sensitive receptors (schools,
// kindergartens, hospitals, nursing homes, villages, markets) of the demo county. Generic,
// fictional names; plausible spots near the township seats.

const SEAT: TownshipCode = '450224100';

export function generateShelters(rng: Rng, count: number): Array<Shelter> {
  const seat = township(SEAT);
  const seeds: Array<
    Omit<Shelter, 'id' | 'location' | 'address' | 'contactName' | 'contactPhone'> & { spread: number }
  > = [
    { name: '融安县体育馆应急避难场所', townshipCode: SEAT, kind: 'indoor', capacity: 3000, spread: 0.01 },
    { name: '长安镇滨江公园应急避难场所', townshipCode: SEAT, kind: 'outdoor', capacity: 8000, spread: 0.008 },
    { name: '融安县城区中学操场避难场所', townshipCode: SEAT, kind: 'outdoor', capacity: 5000, spread: 0.012 },
    { name: '长安镇文化活动中心避难场所', townshipCode: SEAT, kind: 'indoor', capacity: 1200, spread: 0.01 },
  ];
  for (const t of TOWNSHIPS) {
    if (t.code === SEAT) continue;
    const indoor = rng.next() < 0.5;
    seeds.push({
      name: `${t.nameZh}${indoor ? '中心学校室内避难场所' : '政府广场应急避难场所'}`,
      townshipCode: t.code,
      kind: indoor ? 'indoor' : 'outdoor',
      capacity: indoor ? rng.int(300, 900) : rng.int(800, 3000),
      spread: 0.006,
    });
  }
  const width = Math.max(2, String(count).length);
  const out: Array<Shelter> = [];
  for (let i = 0; i < count; i++) {
    const s = seeds[i % seeds.length];
    if (!s) break;
    const t = township(s.townshipCode);
    const round = Math.floor(i / seeds.length);
    out.push({
      id: `shelter-${pad(i + 1, width)}`,
      name: round === 0 ? s.name : `${s.name}（${round + 1}）`,
      townshipCode: s.townshipCode,
      address: demoAddress(rng, t.nameZh),
      location: near(rng, s.townshipCode === SEAT ? seat.center : t.center, s.spread),
      kind: s.kind,
      capacity: s.capacity,
      contactName: personName(rng),
      contactPhone: fakeMobile(rng),
    });
  }
  return out;
}

const STOCK = {
  general: [
    ['帐篷', 300, '顶'],
    ['折叠床', 800, '张'],
    ['棉被', 1500, '床'],
    ['方便食品', 2000, '箱'],
    ['饮用水', 3000, '箱'],
    ['应急照明灯', 200, '台'],
  ],
  flood: [
    ['冲锋舟', 8, '艘'],
    ['救生衣', 600, '件'],
    ['编织袋', 20000, '条'],
    ['抽水泵', 20, '台'],
    ['移动发电机', 10, '台'],
  ],
  fire: [
    ['灭火器', 500, '具'],
    ['正压式空气呼吸器', 40, '套'],
    ['消防水带', 300, '盘'],
    ['泡沫灭火剂', 20, '吨'],
  ],
  medical: [
    ['急救药品包', 500, '套'],
    ['担架', 120, '副'],
    ['医用防护服', 2000, '套'],
    ['消毒用品', 300, '箱'],
  ],
  power: [
    ['应急发电车', 2, '台'],
    ['电缆', 5000, '米'],
    ['变压器', 6, '台'],
  ],
  town: [
    ['帐篷', 50, '顶'],
    ['棉被', 300, '床'],
    ['救生衣', 100, '件'],
    ['编织袋', 3000, '条'],
    ['手电筒', 200, '支'],
  ],
} as const;

export function generateSupplyDepots(rng: Rng, count: number): Array<SupplyDepot> {
  const seeds: Array<{ name: string; townshipCode: TownshipCode; departmentId: string; stock: keyof typeof STOCK }> = [
    { name: '融安县应急物资储备库', townshipCode: SEAT, departmentId: 'command-center', stock: 'general' },
    { name: '融安县防汛抗旱物资仓库', townshipCode: SEAT, departmentId: 'water-resources', stock: 'flood' },
    { name: '融安县消防救援物资储备库', townshipCode: SEAT, departmentId: 'fire-rescue', stock: 'fire' },
    { name: '融安县卫生应急药械储备库', townshipCode: SEAT, departmentId: 'health', stock: 'medical' },
    { name: '融安供电应急物资库', townshipCode: SEAT, departmentId: 'power-supply', stock: 'power' },
    {
      name: '泗顶镇应急物资储备点',
      townshipCode: '450224102',
      departmentId: townshipDepartmentId('450224102'),
      stock: 'town',
    },
    {
      name: '浮石镇应急物资储备点',
      townshipCode: '450224101',
      departmentId: townshipDepartmentId('450224101'),
      stock: 'town',
    },
    {
      name: '大将镇应急物资储备点',
      townshipCode: '450224200',
      departmentId: townshipDepartmentId('450224200'),
      stock: 'town',
    },
  ];
  for (const t of TOWNSHIPS) {
    if (seeds.some((s) => s.townshipCode === t.code)) continue;
    seeds.push({
      name: `${t.nameZh}应急物资储备点`,
      townshipCode: t.code,
      departmentId: townshipDepartmentId(t.code),
      stock: 'town',
    });
  }
  const width = Math.max(2, String(count).length);
  const out: Array<SupplyDepot> = [];
  for (let i = 0; i < count; i++) {
    const s = seeds[i % seeds.length];
    if (!s) break;
    const t = township(s.townshipCode);
    const round = Math.floor(i / seeds.length);
    out.push({
      id: `depot-${pad(i + 1, width)}`,
      name: round === 0 ? s.name : `${s.name}（${round + 1}）`,
      townshipCode: s.townshipCode,
      address: demoAddress(rng, t.nameZh),
      location: near(rng, s.townshipCode === SEAT ? COUNTY.seat : t.center, s.townshipCode === SEAT ? 0.015 : 0.006),
      departmentId: s.departmentId,
      items: STOCK[s.stock].map(([name, quantity, unit]) => ({
        name,
        quantity: Math.round(quantity * (0.6 + rng.next() * 0.8)),
        unit,
      })),
      contactPhone: fakeLandline(600 + i),
    });
  }
  return out;
}

type ReceptorSeed = {
  name: string;
  kind: ReceptorKind;
  townshipCode: TownshipCode;
  population: number;
  spread: number;
};

const VILLAGE_NAMES = ['示范村', '演示村', '样例村', '河口屯'];

export function generateReceptors(rng: Rng, count: number): Array<Receptor> {
  const seeds: Array<ReceptorSeed> = [
    { name: '融安县人民医院', kind: 'hospital', townshipCode: SEAT, population: 900, spread: 0.008 },
    { name: '融安县中医医院', kind: 'hospital', townshipCode: SEAT, population: 500, spread: 0.008 },
    { name: '融安县城区第一小学', kind: 'school', townshipCode: SEAT, population: 1800, spread: 0.01 },
    { name: '融安县城区第二小学', kind: 'school', townshipCode: SEAT, population: 1500, spread: 0.01 },
    { name: '融安县城区中学', kind: 'school', townshipCode: SEAT, population: 2400, spread: 0.012 },
    { name: '长安镇中心幼儿园', kind: 'kindergarten', townshipCode: SEAT, population: 420, spread: 0.008 },
    { name: '融安县社会福利院', kind: 'nursing_home', townshipCode: SEAT, population: 180, spread: 0.012 },
    { name: '长安镇农贸市场', kind: 'market', townshipCode: SEAT, population: 1500, spread: 0.006 },
    { name: '融安县金桔交易市场', kind: 'market', townshipCode: SEAT, population: 2000, spread: 0.012 },
  ];
  for (const t of TOWNSHIPS) {
    if (t.code === SEAT) continue;
    seeds.push({
      name: `${t.nameZh}中心学校`,
      kind: 'school',
      townshipCode: t.code,
      population: rng.int(400, 1400),
      spread: 0.006,
    });
    seeds.push({
      name: `${t.nameZh}卫生院`,
      kind: 'hospital',
      townshipCode: t.code,
      population: rng.int(40, 150),
      spread: 0.005,
    });
  }
  seeds.push(
    { name: '浮石镇中心幼儿园', kind: 'kindergarten', townshipCode: '450224101', population: 220, spread: 0.006 },
    { name: '泗顶镇中心幼儿园', kind: 'kindergarten', townshipCode: '450224102', population: 180, spread: 0.006 },
    { name: '浮石镇敬老院', kind: 'nursing_home', townshipCode: '450224101', population: 60, spread: 0.008 },
    { name: '大将镇敬老院', kind: 'nursing_home', townshipCode: '450224200', population: 45, spread: 0.008 },
    { name: '泗顶镇集贸市场', kind: 'market', townshipCode: '450224102', population: 800, spread: 0.005 },
  );
  // villages next to the mining area, the river and the filling-station roads
  for (const [i, code] of (['450224102', '450224102', '450224101', '450224207'] as const).entries()) {
    const t = township(code);
    seeds.push({
      name: `${t.nameZh}${VILLAGE_NAMES[i] ?? '示范村'}`,
      kind: 'village',
      townshipCode: code,
      population: rng.int(300, 1500),
      spread: 0.03,
    });
  }
  const width = Math.max(3, String(count).length);
  const out: Array<Receptor> = [];
  for (let i = 0; i < count; i++) {
    const s = seeds[i % seeds.length];
    if (!s) break;
    const round = Math.floor(i / seeds.length);
    out.push({
      id: `receptor-${pad(i + 1, width)}`,
      name: round === 0 ? s.name : `${s.name}（${round + 1}）`,
      kind: s.kind,
      townshipCode: s.townshipCode,
      location: near(rng, township(s.townshipCode).center, s.spread),
      population: s.population,
      contactPhone: fakeLandline(700 + (i % 300)),
    });
  }
  return out;
}
