import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LngLat } from '@common/schemas/common';
import { BACKGROUND_COLOR } from '../../../map/layer-styles';

export type MapSnapshot = { png: Uint8Array; width: number; height: number };

/** Zoom of the snapshot: the plant and its surroundings (about 2 km across on a desk screen). */
const SNAPSHOT_ZOOM = 14;
/** At most this long waiting for tiles and data; a partial map is better than no document. */
const IDLE_TIMEOUT_MS = 8_000;

function dataUrlBytes(url: string): Uint8Array {
  const base64 = url.slice(url.indexOf(',') + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function idle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, IDLE_TIMEOUT_MS);
    function done() {
      clearTimeout(timer);
      map.off('idle', done);
      resolve();
    }
    map.on('idle', done);
    map.triggerRepaint();
  });
}

/**
 * The frame on the map container's colour: the offline basemap leaves the canvas clear around
 * the county (offline-style.ts), which a document would show as transparent or black.
 */
function onBackground(canvas: HTMLCanvasElement): string {
  const flat = document.createElement('canvas');
  flat.width = canvas.width;
  flat.height = canvas.height;
  const ctx = flat.getContext('2d');
  if (!ctx) return canvas.toDataURL('image/png');
  ctx.fillStyle = BACKGROUND_COLOR;
  ctx.fillRect(0, 0, flat.width, flat.height);
  ctx.drawImage(canvas, 0, 0);
  return flat.toDataURL('image/png');
}

/**
 * The map around the incident as PNG. Flies there (a jump: the document is what the officer
 * waits for), waits until the map is idle, then reads the canvas INSIDE a render callback: the
 * map is created without `preserveDrawingBuffer` (it costs frame time all day for a rare export),
 * so the WebGL drawing buffer is only guaranteed to hold the frame during the render that drew it.
 */
export async function captureMapSnapshot(map: MapLibreMap, at: LngLat): Promise<MapSnapshot | undefined> {
  map.jumpTo({ center: [at.lng, at.lat], zoom: Math.max(map.getZoom(), SNAPSHOT_ZOOM) });
  await idle(map);
  const url = await new Promise<string>((resolve) => {
    map.once('render', () => resolve(onBackground(map.getCanvas())));
    map.triggerRepaint();
  });
  const canvas = map.getCanvas();
  if (!url.startsWith('data:image/png') || canvas.width === 0 || canvas.height === 0) return undefined;
  return { png: dataUrlBytes(url), width: canvas.width, height: canvas.height };
}
