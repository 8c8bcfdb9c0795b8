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
 * Done by wrapping the instance's public `triggerRepaint`, through which MapLibre asks for every
 * frame. `release()` puts it back (and repaints if one is owed); so does any camera movement, so
 * a user who pans during the load gets smooth frames at once.
 */
export type RepaintGaps = { minGapMs: number; maxGapMs: number };

export function throttleRepaints(map: MapLibreMap, { minGapMs, maxGapMs }: RepaintGaps): { release(): void } {
  const original = map.triggerRepaint;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** when the page's thread was last free after a repaint */
  let lastEnd = Number.NEGATIVE_INFINITY;
  // NOTE: 'render' fires before the frame is composited (where software GL reads it back): the
  // task after it runs once the frame is out
  const onRender = () => {
    setTimeout(() => {
      lastEnd = performance.now();
    }, 0);
  };
  const paintWhenDue = () => {
    const since = performance.now() - lastEnd;
    if (since >= maxGapMs || (since >= minGapMs && map.areTilesLoaded())) {
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

/** how often a waiting repaint checks on the tiles */
const POLL_MS = 30;
