import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Spaces out the map's repaints while it first loads, on software GL (see render-profile.ts).
 *
 * WHY: there a repaint holds the page's thread 150–350 ms (SwiftShader draws the frame and it is
 * read back for the compositor). While the map loads, MapLibre repaints as soon as anything
 * arrives, back to back, and its workers wait on the page's thread in between (tile results to
 * hand over, glyphs and images to fetch): a trace of opening the 50k-enterprise county showed the
 * workers idle 70 % of the time and a dozen repaints before the map was complete.
 *
 * So while loading, a repaint MapLibre asks for waits until the page's thread has had `minGapMs`
 * to itself since the last one, and then, while tiles are still on their way, until they have all
 * come (a repaint before that only draws a half-loaded map), but never more than `maxGapMs`.
 *
 * And nothing is painted until the map is complete for the first time (`complete`: by default
 * the style's sources and their tiles in; the map view adds its operational layers), or
 * `firstPaintWaitMs` has passed: the frames before it drew only the background colour — which
 * the map's container shows anyway — yet each cost a readback of the whole canvas. MapLibre still
 * runs those frames (styles, sources and tiles advance: that is what asks the workers for the next
 * step); only the painter's drawing is left out, and as they cost the thread little they are not
 * spaced out. Holding them back brought the 50k county 80–190 ms sooner (medians of paired
 * alternating rounds of this build and the one before, 10–14 pairs each; tests/bench/map.ts's
 * data); not spacing them, with the operational layers in the first frame, 330 ms sooner (14 pairs).
 *
 * Done by wrapping the instance's public `triggerRepaint`, through which MapLibre asks for every
 * frame, and its painter's `render`, which draws one. `release()` puts both back (and repaints if
 * one is owed); so does any camera movement, so a user who pans during the load gets smooth
 * frames at once.
 */
export type RepaintGaps = { minGapMs: number; maxGapMs: number; firstPaintWaitMs: number };

/**
 * @param complete whether the map has all it should first show: until then (or `firstPaintWaitMs`)
 *   nothing is painted
 */
export function throttleRepaints(
  map: MapLibreMap,
  { minGapMs, maxGapMs, firstPaintWaitMs }: RepaintGaps,
  complete: () => boolean = () => map.isStyleLoaded() === true,
): { release(): void } {
  const original = map.triggerRepaint;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** when the page's thread was last free after a frame */
  let lastEnd = Number.NEGATIVE_INFINITY;
  const hold = holdFirstPaint(map, firstPaintWaitMs, complete);
  // NOTE: 'render' fires before the frame is composited (where software GL reads it back): the
  // task after it runs once the frame is out. A frame held back (below) does not count: it drew
  // nothing, and had it counted, the first complete frame waited out a gap after it for nothing.
  const onRender = () => {
    if (hold.lastHeldBack()) return;
    setTimeout(() => {
      lastEnd = performance.now();
    }, 0);
  };
  const paintWhenDue = () => {
    const since = performance.now() - lastEnd;
    // a frame held back draws nothing, so it costs the thread little: it goes at once, for it is
    // what asks for the tiles of sources added since (the operational layers, before `load`)
    if (hold.holding() || since >= maxGapMs || (since >= minGapMs && map.areTilesLoaded())) {
      timer = null;
      original.call(map);
    } else {
      timer = setTimeout(paintWhenDue, Math.min(POLL_MS, Math.max(0, minGapMs - since)));
    }
  };
  map.triggerRepaint = () => {
    if (timer === null) timer = setTimeout(paintWhenDue, 0);
    return map;
  };
  map.on('render', onRender);
  const release = () => {
    map.off('movestart', release);
    map.off('render', onRender);
    hold.end();
    if (!Object.prototype.hasOwnProperty.call(map, 'triggerRepaint')) return;
    // the wrapper is an own property: deleting it uncovers the prototype's method again
    delete (map as { triggerRepaint?: unknown }).triggerRepaint;
    performance.mark('wf:repaint-throttle-released');
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
      original.call(map);
    }
  };
  map.on('movestart', release);
  return { release };
}

/** Leaves out the painter's drawing until the map is first `complete` or `waitMs` has passed. */
function holdFirstPaint(
  map: MapLibreMap,
  waitMs: number,
  complete: () => boolean,
): { end(): void; holding(): boolean; lastHeldBack(): boolean } {
  const painter = map.painter;
  const render = painter.render;
  let holding = true;
  /** a frame was left undrawn: the canvas is behind until the next one */
  let heldBack = false;
  const deadline = setTimeout(() => end(), waitMs);
  const end = () => {
    clearTimeout(deadline);
    if (!holding) return;
    holding = false;
    if (heldBack) map.triggerRepaint();
  };
  painter.render = function (this: typeof painter, ...args: Parameters<typeof render>) {
    if (holding && !complete()) {
      heldBack = true;
      return;
    }
    holding = false;
    heldBack = false;
    render.apply(this, args);
  };
  return {
    /** the frame just run drew nothing */
    lastHeldBack: () => holding && heldBack,
    /** the next frame will not be drawn (the map is not yet complete) */
    holding: () => holding && !complete(),
    end() {
      end();
      // an own property over the prototype's method; a painter made since (a lost WebGL context
      // came back) never had it
      if (map.painter === painter) delete (painter as { render?: unknown }).render;
    },
  };
}

/** how often a waiting repaint checks on the tiles */
const POLL_MS = 30;
