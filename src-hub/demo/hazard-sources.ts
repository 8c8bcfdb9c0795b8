import { listedChemical } from '@common/domain/gb18218-tables';
import type { HazardGrade } from '@common/domain/gb18218-tables';
import { alphaFor, chemicalFactors } from '@common/rules/gb18218';
import type { Enterprise, Sector } from '@common/schemas/enterprise';
import type { HazardChemical, HazardSource } from '@common/schemas/hazard-source';
import { near, pad } from './naming';
import type { Rng } from './prng';

// Major hazard sources (重大危险源) of the demo county. Only the INPUTS are generated — chemicals
// by CAS number with their quantity q, and the people within 500 m; Q, β, α, S, R and the grade
// are computed by src-common/rules/gb18218.ts. The quantities are chosen so that each unit is a
// major hazard source (S ≥ 1) and lands in an intended grade band, so the map shows 一–四级.

const CHEM = {
  ammonia: { name: '液氨', casNo: '7664-41-7' },
  chlorine: { name: '液氯', casNo: '7782-50-5' },
  lpg: { name: '液化石油气', casNo: '68476-85-7' },
  gasoline: { name: '汽油', casNo: '86290-81-5' },
  methanol: { name: '甲醇', casNo: '67-56-1' },
  benzene: { name: '苯', casNo: '71-43-2' },
  toluene: { name: '甲苯', casNo: '108-88-3' },
  naturalGas: { name: '天然气', casNo: '8006-14-2' },
  acetylene: { name: '乙炔', casNo: '74-86-2' },
  hydrogen: { name: '氢气', casNo: '1333-74-0' },
} as const;
type ChemKey = keyof typeof CHEM;

/**
 * A kind of unit: which enterprises have it (sector, and a name hint such as 水务 for a chlorine
 * dosing room), what it holds and at most how much (t), and the grades it is aimed at.
 */
type Scenario = {
  unit: string;
  sectors: ReadonlyArray<Sector>;
  nameHint?: RegExp;
  chemicals: ReadonlyArray<ChemKey>;
  maxT: Partial<Record<ChemKey, number>>;
  grades: ReadonlyArray<HazardGrade>;
};

// NOTE: only a chemical plant holds enough chlorine or ammonia for 一级/二级 (tens to hundreds of
// tonnes); water works, cold stores, depots and gas shops reach 三级/四级 with county-sized stocks.
const SCENARIOS: ReadonlyArray<Scenario> = [
  {
    unit: '液氯储罐区',
    sectors: ['hazchem_production'],
    chemicals: ['chlorine'],
    maxT: { chlorine: 120 },
    grades: [1, 2, 3],
  },
  {
    unit: '合成氨装置及液氨罐区',
    sectors: ['hazchem_production'],
    chemicals: ['ammonia', 'methanol'],
    maxT: { ammonia: 500, methanol: 3000 },
    grades: [1, 2, 3],
  },
  {
    unit: '甲醇苯类储罐区',
    sectors: ['hazchem_production', 'hazchem_storage'],
    chemicals: ['methanol', 'benzene', 'toluene'],
    maxT: { methanol: 3000, benzene: 500, toluene: 1500 },
    grades: [3, 4],
  },
  {
    unit: '成品油储罐区',
    sectors: ['hazchem_storage'],
    chemicals: ['gasoline', 'methanol'],
    maxT: { gasoline: 6000, methanol: 2000 },
    grades: [3, 4],
  },
  {
    unit: '液氯加氯间',
    sectors: ['hazchem_use'],
    nameHint: /水务|化工/,
    chemicals: ['chlorine'],
    maxT: { chlorine: 30 },
    grades: [3, 4],
  },
  {
    unit: '氨制冷机房',
    sectors: ['hazchem_use', 'light_industry'],
    nameHint: /冷链|冷冻|食品|金桔加工|米粉|茶业/,
    chemicals: ['ammonia'],
    maxT: { ammonia: 60 },
    grades: [3, 4],
  },
  {
    unit: '液化石油气储罐区',
    sectors: ['lpg_depot'],
    chemicals: ['lpg'],
    maxT: { lpg: 600 },
    grades: [3, 4],
  },
  {
    unit: '工业气体气瓶库',
    sectors: ['hazchem_retail'],
    chemicals: ['acetylene', 'hydrogen'],
    maxT: { acetylene: 8, hydrogen: 10 },
    grades: [3, 4],
  },
  {
    unit: '燃气及制氢站',
    sectors: ['metallurgy'],
    chemicals: ['naturalGas', 'hydrogen'],
    maxT: { naturalGas: 300, hydrogen: 50 },
    grades: [3, 4],
  },
];

/** Grade quotas for the demo's ~40 units: a few 一级, most 三级/四级. */
const GRADE_MIX: ReadonlyArray<readonly [HazardGrade, number]> = [
  [1, 2],
  [2, 5],
  [3, 15],
  [4, 18],
];

/** R bands of the grades, kept off the edges so that rounding q cannot move a unit across one. */
const R_TARGET: Record<HazardGrade, readonly [number, number]> = {
  1: [105, 140],
  2: [55, 92],
  3: [12, 40],
  4: [1.5, 8.5],
};

/**
 * People within 500 m: all five α bands, mostly the middle ones. The plants graded 一/二级 stand
 * near a town (50+ people, α ≥ 1.5), so their stocks stay plausible.
 */
function exposedPeople(rng: Rng, grade: HazardGrade): number {
  if (grade <= 2) return rng.next() < 0.6 ? rng.int(100, 900) : rng.int(50, 99);
  return rng.weighted<() => number>([
    [() => 0, 1],
    [() => rng.int(1, 29), 4],
    [() => rng.int(30, 49), 3],
    [() => rng.int(50, 99), 3],
    [() => rng.int(100, 900), 3],
  ])();
}

function gradeQuota(rng: Rng, count: number): Array<HazardGrade> {
  const total = GRADE_MIX.reduce((s, [, w]) => s + w, 0);
  const out: Array<HazardGrade> = [];
  for (const [grade, w] of GRADE_MIX) for (let i = 0; i < Math.round((w * count) / total); i++) out.push(grade);
  while (out.length < count) out.push(rng.weighted(GRADE_MIX));
  out.length = count;
  return out;
}

/**
 * Quantities q for a mix, scaled so that α·Σβq/Q hits `targetR` while S = Σq/Q stays ≥ 1, and no
 * stock exceeds the unit's plausible maximum (a capped unit grades lower than aimed; every cap is
 * above Q, so S ≥ 1 still holds).
 */
function quantities(
  rng: Rng,
  scenario: Scenario,
  keys: ReadonlyArray<ChemKey>,
  alpha: number,
  targetR: number,
): Array<HazardChemical> {
  const mix = keys.map((k) => {
    const chem = CHEM[k];
    const listed = listedChemical(chem.casNo);
    if (!listed) throw new Error(`demo chemical ${chem.casNo} is not in the GB 18218 table`);
    const { beta } = chemicalFactors({ ...chem, quantityT: 0 });
    return { chem, Q: listed.criticalT, beta, w: 0.4 + rng.next() };
  });
  const sumW = mix.reduce((s, m) => s + m.w, 0);
  const sumBW = mix.reduce((s, m) => s + m.beta * m.w, 0);
  // q_i = k · w_i · Q_i  →  S = k·Σw,  R = α·k·Σβw
  let k = targetR / (alpha * sumBW);
  if (k * sumW < 1.05) k = 1.05 / sumW;
  return mix.map((m, i) => {
    const cap = scenario.maxT[keys[i] ?? 'lpg'] ?? Infinity;
    return { ...m.chem, quantityT: Math.round(Math.min(k * m.w * m.Q, cap) * 100) / 100 };
  });
}

export function generateHazardSources(
  rng: Rng,
  enterprises: ReadonlyArray<Enterprise>,
  count: number,
): Array<HazardSource> {
  const bySector = new Map<Sector, Array<Enterprise>>();
  for (const e of enterprises) {
    const list = bySector.get(e.sector);
    if (list) list.push(e);
    else bySector.set(e.sector, [e]);
  }
  // per scenario, its enterprises in a seeded order and a cursor: each unit goes to an
  // enterprise with no unit yet while there is one, then to any (larger benchmark counts)
  const pools = new Map<Scenario, { list: Array<Enterprise>; next: number }>();
  const poolOf = (scenario: Scenario) => {
    let pool = pools.get(scenario);
    if (!pool) {
      const all = scenario.sectors.flatMap((s) => bySector.get(s) ?? []);
      const hinted = scenario.nameHint ? all.filter((e) => scenario.nameHint?.test(e.name)) : all;
      const list = hinted.length > 0 ? hinted : all;
      for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(rng.next() * (i + 1));
        const a = list[i];
        const b = list[j];
        if (a && b) {
          list[i] = b;
          list[j] = a;
        }
      }
      pool = { list, next: 0 };
      pools.set(scenario, pool);
    }
    return pool;
  };
  const used = new Map<string, number>();
  const out: Array<HazardSource> = [];
  const width = Math.max(3, String(count).length);
  for (const [i, grade] of gradeQuota(rng, count).entries()) {
    const options = SCENARIOS.filter((s) => s.grades.includes(grade) && s.sectors.some((x) => bySector.has(x)));
    if (options.length === 0) continue;
    const scenario = rng.pick(options);
    const pool = poolOf(scenario);
    while (pool.next < pool.list.length && used.has(pool.list[pool.next]?.id ?? '')) pool.next++;
    const enterprise = pool.list[pool.next] ?? rng.pick(pool.list);
    const n = (used.get(enterprise.id) ?? 0) + 1;
    used.set(enterprise.id, n);
    const people = exposedPeople(rng, grade);
    const [lo, hi] = R_TARGET[grade];
    const keys = scenario.chemicals.slice(0, Math.max(1, rng.int(1, scenario.chemicals.length)));
    const chemicals = quantities(rng, scenario, keys, alphaFor(people), lo + rng.next() * (hi - lo));
    out.push({
      id: `hz-${pad(i + 1, width)}`,
      enterpriseId: enterprise.id,
      name: `${enterprise.name}${scenario.unit}${n > 1 ? `（${n}）` : ''}`,
      location: near(rng, enterprise.location, 0.0015),
      exposedPeople: people,
      chemicals,
    });
  }
  return out;
}
