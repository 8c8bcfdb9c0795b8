import type { FitPadding } from './map-controller';

/**
 * How far in from each side of the map the part no panel covers starts: the detail panel on the
 * left, the layer panel and legend on the right, plus `px` — while leaving at least 30 % of the
 * map. For fitting an area, or flying to a point, where the officer can see it.
 * NOTE: measured when used (not a render dependency): panels open and close at any time.
 */
export function panelClearance(px: number): FitPadding {
  const host = document.querySelector('.main-map');
  const map = document.querySelector('.map-view')?.getBoundingClientRect();
  if (!host || !map || map.width === 0) return { top: px, bottom: px, left: px, right: px };
  let left = px;
  let right = px;
  for (const el of Array.from(host.children)) {
    if (el.classList.contains('map-view')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.left + r.width / 2 < map.left + map.width / 2) left = Math.max(left, r.right - map.left + 16);
    else right = Math.max(right, map.right - r.left + 16);
  }
  const spare = map.width * 0.7;
  const scale = left + right > spare ? spare / (left + right) : 1;
  return { top: px, bottom: px, left: Math.round(left * scale), right: Math.round(right * scale) };
}
