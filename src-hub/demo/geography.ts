import type { TownshipCode } from '@common/domain/county';
import type { LngLat } from '@common/schemas/common';
import { clampToCounty } from './naming';
import type { Rng } from './prng';

// Plausible, simplified geography of Rong'an County for the demo: where the main roads and
// rivers run (approximate polylines through the township seats — not surveyed), and how the
// enterprises of each sector spread over the 12 townships.

/** 融江 runs north–south past the county seat; two tributaries from the west (泗顶) and east. */
export const RIVERS: ReadonlyArray<{ name: string; path: ReadonlyArray<LngLat> }> = [
  {
    name: '融江',
    path: [
      { lng: 109.44, lat: 25.55 },
      { lng: 109.47, lat: 25.42 },
      { lng: 109.44, lat: 25.3 },
      { lng: 109.405, lat: 25.21 },
      { lng: 109.38, lat: 25.1 },
      { lng: 109.365, lat: 25.02 },
      { lng: 109.42, lat: 24.9 },
      { lng: 109.45, lat: 24.77 },
    ],
  },
  {
    name: '泗维河',
    path: [
      { lng: 109.25, lat: 25.12 },
      { lng: 109.3, lat: 25.08 },
      { lng: 109.37, lat: 25.06 },
    ],
  },
  {
    name: '浪溪江',
    path: [
      { lng: 109.7, lat: 25.3 },
      { lng: 109.62, lat: 25.25 },
      { lng: 109.55, lat: 25.2 },
      { lng: 109.42, lat: 25.22 },
    ],
  },
  {
    name: '东起河',
    path: [
      { lng: 109.74, lat: 25.05 },
      { lng: 109.66, lat: 25.09 },
      { lng: 109.58, lat: 25.15 },
    ],
  },
];

/** Main roads, seat to the township seats (a rough network). */
export const ROADS: ReadonlyArray<{ name: string; path: ReadonlyArray<LngLat> }> = [
  {
    name: '国道（南北）',
    path: [
      { lng: 109.45, lat: 24.78 },
      { lng: 109.45, lat: 24.85 },
      { lng: 109.36, lat: 25.02 },
      { lng: 109.4, lat: 25.21 },
      { lng: 109.47, lat: 25.3 },
      { lng: 109.5, lat: 25.42 },
      { lng: 109.48, lat: 25.53 },
    ],
  },
  {
    name: '县道（西线）',
    path: [
      { lng: 109.4, lat: 25.21 },
      { lng: 109.3, lat: 25.07 },
    ],
  },
  {
    name: '县道（东线）',
    path: [
      { lng: 109.4, lat: 25.21 },
      { lng: 109.57, lat: 25.18 },
      { lng: 109.68, lat: 25.08 },
    ],
  },
  {
    name: '县道（东北线）',
    path: [
      { lng: 109.47, lat: 25.3 },
      { lng: 109.64, lat: 25.36 },
    ],
  },
  {
    name: '县道（西北线）',
    path: [
      { lng: 109.4, lat: 25.21 },
      { lng: 109.27, lat: 25.36 },
      { lng: 109.33, lat: 25.47 },
    ],
  },
  {
    name: '县道（东南线）',
    path: [
      { lng: 109.36, lat: 25.02 },
      { lng: 109.55, lat: 24.92 },
    ],
  },
];

/** A random point on a polyline (segments chosen by length), jittered by ± `jitter` degrees. */
export function pointOnPath(rng: Rng, path: ReadonlyArray<LngLat>, jitter: number): LngLat {
  const lengths: Array<number> = [];
  let total = 0;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1];
    const b = path[i];
    const len = a && b ? Math.hypot(b.lng - a.lng, b.lat - a.lat) : 0;
    lengths.push(len);
    total += len;
  }
  let r = rng.next() * total;
  let i = 0;
  while (i < lengths.length - 1 && r > (lengths[i] ?? 0)) {
    r -= lengths[i] ?? 0;
    i++;
  }
  const a = path[i] ?? path[0];
  const b = path[i + 1] ?? a;
  if (!a || !b) throw new Error('empty path');
  const t = (lengths[i] ?? 0) > 0 ? r / (lengths[i] ?? 1) : 0;
  return clampToCounty({
    lng: a.lng + (b.lng - a.lng) * t + (rng.next() - 0.5) * 2 * jitter,
    lat: a.lat + (b.lat - a.lat) * t + (rng.next() - 0.5) * 2 * jitter,
  });
}

type Weights = ReadonlyArray<readonly [TownshipCode, number]>;

/**
 * How the ordinary run of enterprises spreads: the seat 长安镇 far ahead, then the market towns
 * (浮石, 泗顶 with its mining area, 板榄, 大将), then the rural 乡.
 */
export const TOWNSHIP_WEIGHTS: Weights = [
  ['450224100', 30],
  ['450224101', 11],
  ['450224102', 12],
  ['450224103', 8],
  ['450224200', 8],
  ['450224201', 6],
  ['450224202', 4],
  ['450224203', 4],
  ['450224204', 4],
  ['450224205', 4],
  ['450224206', 3],
  ['450224207', 6],
];

/** Sectors that do not follow the ordinary spread. */
export const SECTOR_TOWNSHIP_WEIGHTS: Partial<Record<string, Weights>> = {
  // the lead-zinc mine area is around 泗顶; smaller workings in the western hills
  non_coal_mine: [
    ['450224102', 16],
    ['450224101', 2],
    ['450224203', 2],
    ['450224205', 1],
  ],
  metallurgy: [
    ['450224102', 5],
    ['450224100', 1],
  ],
  quarry: [
    ['450224102', 8],
    ['450224101', 4],
    ['450224100', 3],
    ['450224103', 3],
    ['450224203', 2],
    ['450224201', 2],
    ['450224207', 2],
    ['450224200', 2],
  ],
  // plywood and veneer mills in the seat's industrial park and the forested towns
  wood_processing: [
    ['450224100', 14],
    ['450224101', 8],
    ['450224103', 6],
    ['450224200', 6],
    ['450224201', 4],
    ['450224202', 3],
    ['450224203', 3],
    ['450224205', 3],
    ['450224206', 2],
    ['450224207', 3],
    ['450224204', 2],
    ['450224102', 2],
  ],
  construction_site: [
    ['450224100', 20],
    ['450224101', 3],
    ['450224102', 2],
    ['450224103', 2],
    ['450224200', 2],
  ],
  hazchem_production: [
    ['450224101', 2],
    ['450224100', 1],
  ],
  hazchem_storage: [
    ['450224101', 2],
    ['450224100', 2],
  ],
  lpg_depot: [
    ['450224100', 3],
    ['450224101', 2],
    ['450224200', 1],
    ['450224102', 1],
    ['450224103', 1],
  ],
  fireworks_wholesale: [
    ['450224100', 2],
    ['450224101', 1],
  ],
};
