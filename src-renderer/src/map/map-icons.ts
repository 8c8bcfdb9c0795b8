import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ReceptorKind } from '@common/schemas/places';
import type { TeamType } from '@common/schemas/rescue-team';
import {
  DEPOT_COLOR,
  HAZARD_GRADE_COLORS,
  iconName,
  RECEPTOR_COLOR,
  RECEPTOR_KINDS,
  SECTOR_GROUP_KEYS,
  SHELTER_COLOR,
  TEAM_STATUS_COLORS,
  TEAM_STATUSES,
  TEAM_TYPES,
} from './symbology';
import type { HazardGradeKey, SectorGroup } from './symbology';

/**
 * Map symbols drawn at runtime on a canvas and added with `map.addImage`: no sprite, no network.
 * Pictograms are drawn white on a 24-unit grid; the badge shapes behind them carry the colour.
 */

type Ctx = CanvasRenderingContext2D;
type Draw = (ctx: Ctx) => void;

const PIXEL_RATIO = 2;

const fill = (ctx: Ctx, path: (c: Ctx) => void) => {
  ctx.beginPath();
  path(ctx);
  ctx.fill();
};
const poly = (ctx: Ctx, points: ReadonlyArray<readonly [number, number]>) => {
  ctx.beginPath();
  points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  ctx.closePath();
  ctx.fill();
};
const rect = (ctx: Ctx, x: number, y: number, w: number, h: number) => ctx.fillRect(x, y, w, h);
const dot = (ctx: Ctx, x: number, y: number, r: number) => fill(ctx, (c) => c.arc(x, y, r, 0, Math.PI * 2));

/** White pictograms, centred on (12, 12), about 14 units across. */
const PICTOGRAMS: Record<string, Draw> = {
  flask: (c) => {
    rect(c, 10, 5, 4, 5);
    poly(c, [
      [10, 9],
      [14, 9],
      [19, 18],
      [5, 18],
    ]);
  },
  drop: (c) =>
    fill(c, (p) => {
      p.moveTo(12, 4.5);
      p.bezierCurveTo(15, 9, 17.5, 12, 17.5, 14.5);
      p.arc(12, 14.5, 5.5, 0, Math.PI);
      p.bezierCurveTo(6.5, 12, 9, 9, 12, 4.5);
    }),
  mountain: (c) =>
    poly(c, [
      [4, 18],
      [10, 7],
      [13, 12],
      [15, 9],
      [20, 18],
    ]),
  burst: (c) => {
    const pts: Array<[number, number]> = [];
    for (let i = 0; i < 16; i++) {
      const r = i % 2 === 0 ? 8 : 3.5;
      const a = (i * Math.PI) / 8 - Math.PI / 2;
      pts.push([12 + r * Math.cos(a), 12 + r * Math.sin(a)]);
    }
    poly(c, pts);
  },
  tree: (c) => {
    poly(c, [
      [12, 4],
      [18, 13],
      [6, 13],
    ]);
    poly(c, [
      [12, 8],
      [19, 17],
      [5, 17],
    ]);
    rect(c, 11, 16, 2, 4);
  },
  factory: (c) =>
    poly(c, [
      [5, 19],
      [5, 6],
      [8, 6],
      [8, 11],
      [12, 8],
      [12, 11],
      [16, 8],
      [16, 11],
      [19, 8],
      [19, 19],
    ]),
  gear: (c) => {
    for (let i = 0; i < 8; i++) {
      c.save();
      c.translate(12, 12);
      c.rotate((i * Math.PI) / 4);
      rect(c, -1.6, -8, 3.2, 4);
      c.restore();
    }
    fill(c, (p) => {
      p.arc(12, 12, 5.5, 0, Math.PI * 2);
      p.arc(12, 12, 2.2, 0, Math.PI * 2, true);
    });
  },
  crane: (c) => {
    rect(c, 8, 5, 2.5, 14);
    rect(c, 5, 5, 14, 2.5);
    rect(c, 16.5, 7, 1.2, 6);
    rect(c, 15, 13, 4, 2.5);
    rect(c, 5, 18, 9, 2);
  },
  bolt: (c) =>
    poly(c, [
      [13.5, 3.5],
      [6.5, 13.5],
      [11.5, 13.5],
      [10, 20.5],
      [17.5, 10],
      [12.5, 10],
    ]),
  truck: (c) => {
    rect(c, 4, 8, 10, 8);
    poly(c, [
      [14, 10],
      [17.5, 10],
      [20, 13],
      [20, 16],
      [14, 16],
    ]);
    dot(c, 8, 17, 2.2);
    dot(c, 16.5, 17, 2.2);
  },
  flame: (c) =>
    fill(c, (p) => {
      p.moveTo(12, 3.5);
      p.bezierCurveTo(17, 8, 18.5, 12, 17.5, 15);
      p.bezierCurveTo(16.5, 19, 13, 20.5, 12, 20.5);
      p.bezierCurveTo(8, 20.5, 6, 17.5, 6.3, 14.5);
      p.bezierCurveTo(6.6, 11.5, 8.5, 10.5, 9.5, 8.5);
      p.bezierCurveTo(10.3, 10.5, 10.8, 11.5, 11.8, 12);
      p.bezierCurveTo(12.5, 9, 12.5, 6.5, 12, 3.5);
    }),
  hazmat: (c) => {
    // trefoil of three dots round a ring: reads as "chemical" at small sizes
    for (let i = 0; i < 3; i++) {
      const a = (i * 2 * Math.PI) / 3 - Math.PI / 2;
      dot(c, 12 + 5.5 * Math.cos(a), 12.5 + 5.5 * Math.sin(a), 3.4);
    }
    dot(c, 12, 12.5, 1.8);
  },
  helmet: (c) => {
    fill(c, (p) => p.arc(12, 14, 7, Math.PI, 0));
    rect(c, 3.5, 14, 17, 2.5);
    rect(c, 11, 5, 2, 3);
  },
  cross: (c) => {
    rect(c, 9.5, 4.5, 5, 15);
    rect(c, 4.5, 9.5, 15, 5);
  },
  people: (c) => {
    dot(c, 8.5, 8, 2.6);
    dot(c, 15.5, 8, 2.6);
    fill(c, (p) => p.arc(8.5, 17, 4.5, Math.PI, 0));
    fill(c, (p) => p.arc(15.5, 17, 4.5, Math.PI, 0));
  },
  house: (c) => {
    poly(c, [
      [12, 4],
      [20.5, 11.5],
      [3.5, 11.5],
    ]);
    rect(c, 6, 11, 12, 8.5);
  },
  box: (c) => {
    poly(c, [
      [12, 4],
      [20, 8],
      [12, 12],
      [4, 8],
    ]);
    poly(c, [
      [4, 9.5],
      [11.3, 13.2],
      [11.3, 20.5],
      [4, 16.8],
    ]);
    poly(c, [
      [20, 9.5],
      [12.7, 13.2],
      [12.7, 20.5],
      [20, 16.8],
    ]);
  },
  book: (c) => {
    poly(c, [
      [3.5, 6],
      [11.2, 7.5],
      [11.2, 19],
      [3.5, 17.5],
    ]);
    poly(c, [
      [20.5, 6],
      [12.8, 7.5],
      [12.8, 19],
      [20.5, 17.5],
    ]);
  },
  star: (c) => {
    const pts: Array<[number, number]> = [];
    for (let i = 0; i < 10; i++) {
      const r = i % 2 === 0 ? 8.5 : 3.6;
      const a = (i * Math.PI) / 5 - Math.PI / 2;
      pts.push([12 + r * Math.cos(a), 12.8 + r * Math.sin(a)]);
    }
    poly(c, pts);
  },
  heart: (c) =>
    fill(c, (p) => {
      p.moveTo(12, 19.5);
      p.bezierCurveTo(3, 13, 4, 5.5, 8.5, 5.5);
      p.bezierCurveTo(10.5, 5.5, 11.5, 7, 12, 8);
      p.bezierCurveTo(12.5, 7, 13.5, 5.5, 15.5, 5.5);
      p.bezierCurveTo(20, 5.5, 21, 13, 12, 19.5);
    }),
  houses: (c) => {
    poly(c, [
      [8, 6],
      [13, 10.5],
      [3, 10.5],
    ]);
    rect(c, 4.5, 10.3, 7, 5.5);
    poly(c, [
      [16, 9],
      [21, 13.5],
      [11, 13.5],
    ]);
    rect(c, 12.5, 13.3, 7, 6);
  },
  cart: (c) => {
    poly(c, [
      [4, 6],
      [19.5, 8],
      [18, 14.5],
      [7, 14.5],
    ]);
    rect(c, 6.5, 15.5, 12, 1.6);
    dot(c, 8.5, 19, 1.8);
    dot(c, 16.5, 19, 1.8);
  },
};

const SECTOR_PICTOGRAM: Record<SectorGroup, string> = {
  hazchem: 'flask',
  fuel: 'drop',
  mining: 'mountain',
  fireworks: 'burst',
  wood: 'tree',
  industry: 'factory',
  equipment: 'gear',
  construction: 'crane',
  hydropower: 'bolt',
  transport: 'truck',
};
const TEAM_PICTOGRAM: Record<TeamType, string> = {
  fire_station: 'flame',
  hazmat: 'hazmat',
  mine_rescue: 'helmet',
  medical: 'cross',
  power: 'bolt',
  enterprise: 'factory',
  social: 'people',
};
const RECEPTOR_PICTOGRAM: Record<ReceptorKind, string> = {
  school: 'book',
  kindergarten: 'star',
  hospital: 'cross',
  nursing_home: 'heart',
  village: 'houses',
  market: 'cart',
};

type Badge = 'none' | 'circle' | 'shield' | 'square' | 'diamond';

/** Draws one icon: a badge (colour, white outline, soft shadow) with a white pictogram or text. */
function drawIcon(size: number, badge: Badge, color: string, content: Draw | string | null): ImageData {
  const px = size * PIXEL_RATIO;
  const canvas = document.createElement('canvas');
  canvas.width = px;
  canvas.height = px;
  // NOTE: a CPU-backed canvas: the pixels are read back at once, and reading back a GPU canvas costs
  // ~40 ms per icon when the GPU is software (3 s for the set, measured in Chromium + SwiftShader).
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2d canvas');
  ctx.scale(PIXEL_RATIO, PIXEL_RATIO);
  const m = size / 2;
  const r = m - 2;
  const outline = () => {
    ctx.beginPath();
    if (badge === 'circle') ctx.arc(m, m, r, 0, Math.PI * 2);
    else if (badge === 'square') ctx.roundRect(2, 2, size - 4, size - 4, 4);
    else if (badge === 'diamond') {
      ctx.moveTo(m, 1);
      ctx.lineTo(size - 1, m);
      ctx.lineTo(m, size - 1);
      ctx.lineTo(1, m);
      ctx.closePath();
    } else if (badge === 'shield') {
      ctx.moveTo(2.5, 3);
      ctx.lineTo(size - 2.5, 3);
      ctx.lineTo(size - 2.5, m + 1);
      ctx.quadraticCurveTo(size - 3, size - 4, m, size - 1.5);
      ctx.quadraticCurveTo(3, size - 4, 2.5, m + 1);
      ctx.closePath();
    }
  };
  if (badge !== 'none') {
    ctx.save();
    ctx.shadowColor = 'rgba(0,0,0,0.35)';
    ctx.shadowBlur = 2;
    ctx.shadowOffsetY = 0.5;
    outline();
    ctx.fillStyle = color;
    ctx.fill();
    ctx.restore();
    outline();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
  }
  ctx.fillStyle = '#ffffff';
  if (typeof content === 'string') {
    ctx.font = `bold ${Math.round(size * 0.5)}px sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(content, m, m + 1);
  } else if (content) {
    // pictograms are drawn on a 24-unit grid: fit them into the badge's inner area
    const inner = badge === 'diamond' ? size * 0.5 : size * 0.66;
    const k = inner / 24;
    ctx.save();
    ctx.translate(m - 12 * k, m - 12 * k + (badge === 'shield' ? -0.5 : 0));
    ctx.scale(k, k);
    content(ctx);
    ctx.restore();
  }
  return ctx.getImageData(0, 0, px, px);
}

const pictogram = (name: string): Draw => PICTOGRAMS[name] ?? (() => {});

/** Every runtime image the layers name, drawn once per map (cheap: ~70 small canvases). */
export function buildMapImages(): Array<{ name: string; image: ImageData }> {
  const images: Array<{ name: string; image: ImageData }> = [];
  for (const group of SECTOR_GROUP_KEYS)
    images.push({ name: iconName.sector(group), image: drawIcon(24, 'none', '', pictogram(SECTOR_PICTOGRAM[group])) });
  for (const grade of [0, 1, 2, 3, 4] as const satisfies ReadonlyArray<HazardGradeKey>)
    images.push({
      name: iconName.hazard(grade),
      image: drawIcon(26, 'diamond', HAZARD_GRADE_COLORS[grade], grade === 0 ? '!' : String(grade)),
    });
  for (const type of TEAM_TYPES)
    for (const status of TEAM_STATUSES)
      images.push({
        name: iconName.team(type, status),
        image: drawIcon(26, 'shield', TEAM_STATUS_COLORS[status], pictogram(TEAM_PICTOGRAM[type])),
      });
  images.push({ name: iconName.shelter, image: drawIcon(22, 'square', SHELTER_COLOR, pictogram('house')) });
  images.push({ name: iconName.depot, image: drawIcon(22, 'square', DEPOT_COLOR, pictogram('box')) });
  for (const kind of RECEPTOR_KINDS)
    images.push({
      name: iconName.receptor(kind),
      image: drawIcon(20, 'circle', RECEPTOR_COLOR, pictogram(RECEPTOR_PICTOGRAM[kind])),
    });
  return images;
}

let cache: Array<{ name: string; image: ImageData }> | null = null;

export function addMapImages(map: MapLibreMap): void {
  cache ??= buildMapImages();
  for (const { name, image } of cache) if (!map.hasImage(name)) map.addImage(name, image, { pixelRatio: PIXEL_RATIO });
}

const legendUrls = new Map<string, string>();

/** A data URL of one icon for the legend (same drawing as on the map), encoded once per name. */
export function legendIconUrl(name: string): string {
  const known = legendUrls.get(name);
  if (known !== undefined) return known;
  cache ??= buildMapImages();
  const found = cache.find((i) => i.name === name);
  if (!found) return '';
  const canvas = document.createElement('canvas');
  canvas.width = found.image.width;
  canvas.height = found.image.height;
  canvas.getContext('2d', { willReadFrequently: true })?.putImageData(found.image, 0, 0);
  const url = canvas.toDataURL();
  legendUrls.set(name, url);
  return url;
}
