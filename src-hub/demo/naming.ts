import { COUNTY, TOWNSHIPS } from '@common/domain/county';
import type { TownshipCode } from '@common/domain/county';
import { creditCodeCheckChar } from '@common/domain/credit-code';
import type { LngLat } from '@common/schemas/common';
import type { Rng } from './prng';

// NOTE: every name, person and phone number made here is fictional. Enterprise names are
// 融安县 + a made-up brand + a sector word; addresses use 示范路 / 演示街 / 样例大道; mobiles are
// in the 1380000xxxx placeholder range and landlines 0772-0000xxx.

export const BRANDS = [
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
  '森茂',
  '绿洲',
  '鼎盛',
  '汇通',
  '金山',
  '兴达',
  '宝林',
  '融信',
] as const;

const SURNAMES = [
  '张',
  '王',
  '李',
  '赵',
  '陈',
  '刘',
  '黄',
  '周',
  '吴',
  '覃',
  '韦',
  '蓝',
  '莫',
  '潘',
  '梁',
  '罗',
  '龙',
  '杨',
];
const GIVEN = [
  '伟',
  '芳',
  '军',
  '敏',
  '强',
  '丽',
  '勇',
  '静',
  '磊',
  '洋',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '华',
  '斌',
  '婷',
];
const STREETS = ['示范路', '演示街', '样例大道'] as const;

export function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.next() < 0.5 ? rng.pick(GIVEN) : '');
}

/** 1380000xxxx: the well-known placeholder range, clearly not a real subscriber. */
export function fakeMobile(rng: Rng): string {
  return `1380000${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

/** 0772-0000xxx: Liuzhou's area code with a placeholder number. */
export function fakeLandline(n: number): string {
  return `0772-0000${String(n % 1000).padStart(3, '0')}`;
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function demoAddress(rng: Rng, townshipName: string): string {
  return `${townshipName}${rng.pick(STREETS)}${rng.int(1, 199)}号`;
}

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

export type Township = (typeof TOWNSHIPS)[number];

export function township(code: TownshipCode): Township {
  const t = TOWNSHIPS.find((x) => x.code === code);
  if (!t) throw new Error(`unknown township ${code}`);
  return t;
}

export const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

const INSET = 0.005;

/** Keeps a point a little inside the county's bounding box. */
export function clampToCounty(p: LngLat): LngLat {
  const [west, south, east, north] = COUNTY.bbox;
  return {
    lng: round6(Math.min(east - INSET, Math.max(west + INSET, p.lng))),
    lat: round6(Math.min(north - INSET, Math.max(south + INSET, p.lat))),
  };
}

/** A point in a square of ± `spread` degrees around `center`, inside the county. */
export function near(rng: Rng, center: LngLat, spread: number): LngLat {
  return clampToCounty({
    lng: center.lng + (rng.next() - 0.5) * 2 * spread,
    lat: center.lat + (rng.next() - 0.5) * 2 * spread,
  });
}

/** The township whose centre is nearest (a stand-in for township boundaries, which we do not have). */
export function nearestTownship(p: LngLat): Township {
  let best: Township = TOWNSHIPS[0];
  let bestD = Infinity;
  for (const t of TOWNSHIPS) {
    const dx = (t.center.lng - p.lng) * Math.cos((p.lat * Math.PI) / 180);
    const dy = t.center.lat - p.lat;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = t;
    }
  }
  return best;
}

/** Days, hours and instants relative to the reference time, in China time (UTC+8). */
export const DAY_MS = 86_400_000;

/** 09:00 China time on the day `daysAgo` days before `now` — a plausible office-hours timestamp. */
export function dayIso(now: number, daysAgo: number): string {
  const local = new Date(now + 8 * 3_600_000 - Math.round(daysAgo) * DAY_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 1)).toISOString();
}
