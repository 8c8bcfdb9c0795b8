import { isSoftwareRenderer } from '../ui/motion-logic';
import { LIVE_FLUSH_MS } from './keyed-source';
import type { RepaintGaps } from './load-repaint-throttle';

/**
 * How hard the map may make the workstation draw, by the WebGL renderer it has.
 *
 * On software GL (SwiftShader, llvmpipe: old wall-screen PCs, remote desktops, this CI machine)
 * one repaint of the county view costs 100–300 ms of CPU (150–300 ms while MapLibre still drew
 * its invisible sky, invisible-sky.ts). Two MapLibre defaults assume a GPU's 16 ms frame:
 * - symbol fading (300 ms) makes placement time-sliced, 2 ms a frame: after each change to a
 *   source, placing the hazard and team icons took 7–12 repaints (2–3 s of the CPU) instead of 2;
 *   with no fade, placement finishes in the frame that needs it;
 * - live positions flushed four times a second kept the map repainting without pause (each flush
 *   costs two or three repaints); every 2 s leaves the CPU to the rest of the desk in between —
 *   still far fresher than the positions themselves (GPS units report every 5–30 s);
 * - while the map first loads, MapLibre repaints back to back as layers arrive, and its workers'
 *   round trips through the page's thread wait out each repaint; with repaints spaced out until
 *   the tiles on their way have come (load-repaint-throttle.ts), the 50k county was complete in
 *   3.5–4.1 s (medians of 5) instead of 5.7–6.4 s; and nothing is painted before the basemap
 *   and the operational layers are complete (those frames drew only part of the map, each read
 *   back whole).
 * Measured with the map bench (tests/bench/map.ts) on this machine's SwiftShader.
 */
export type MapRenderProfile = {
  /** MapLibre's `fadeDuration`, for symbols coming and going (ms) */
  fadeDuration: number;
  /** how often the live layers (team positions) flush to the map at most (ms) */
  liveFlushMs: number;
  /** how repaints are spaced until the map has first drawn everything; null: as MapLibre likes */
  loadRepaintGaps: RepaintGaps | null;
};

export const GPU_PROFILE: MapRenderProfile = {
  fadeDuration: 300,
  liveFlushMs: LIVE_FLUSH_MS,
  loadRepaintGaps: null,
};
export const SOFTWARE_PROFILE: MapRenderProfile = {
  fadeDuration: 0,
  liveFlushMs: 2000,
  // the offline county with the 50k enterprises' layers is complete 1.0–3.1 s after the map is
  // made here; a raster basemap on a slow network shows its first tiles after 3 s at most
  loadRepaintGaps: { minGapMs: 150, maxGapMs: 600, firstPaintWaitMs: 3000 },
};

/** The profile for a renderer name; unknown (null) counts as a GPU, MapLibre's own assumption. */
export function mapRenderProfile(renderer: string | null): MapRenderProfile {
  return renderer !== null && isSoftwareRenderer(renderer) ? SOFTWARE_PROFILE : GPU_PROFILE;
}
