import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { createMapController, type FitPadding } from '../../../src-renderer/src/map/map-controller';

/**
 * The controller against a recording stand-in for MapLibre: what it asks the camera to do when
 * a fly starts and when panels over the map open or close.
 */
function setup() {
  const moves: { kind: 'flyTo' | 'easeTo'; offset: [number, number] }[] = [];
  const listeners = new Set<() => void>();
  let clear: FitPadding = { top: 0, bottom: 0, left: 0, right: 0 };
  const map = {
    getZoom: () => 12,
    getContainer: () => ({ clientWidth: 1600, clientHeight: 900 }),
    flyTo: (o: { offset: [number, number] }) => moves.push({ kind: 'flyTo', offset: o.offset }),
    easeTo: (o: { offset: [number, number] }) => moves.push({ kind: 'easeTo', offset: o.offset }),
    on: () => {},
    off: () => {},
  } as unknown as MapLibreMap;
  const controller = createMapController({
    map,
    locate: () => null,
    drawSelection: () => {},
    drawOverlay: () => {},
    setPickingCursor: () => {},
    clearance: () => clear,
    onClearanceChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  });
  /** a panel opened or closed: the clear part is now `next` */
  const panels = (next: FitPadding) => {
    clear = next;
    for (const listener of listeners) listener();
  };
  return { controller, moves, panels };
}

describe('map controller: flying where the officer can see it', () => {
  beforeEach(() => {
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => {
      f(0);
      return 0;
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('re-aims when a panel that comes up after the fly covers where the point lands', () => {
    const { controller, moves, panels } = setup();
    controller.flyTo({ lng: 119.3, lat: 25.4 });
    expect(moves).toEqual([{ kind: 'flyTo', offset: [0, 0] }]);
    // a panel 900 px wide comes up on the left, over where the point lands (x = 800)
    panels({ top: 0, bottom: 0, left: 900, right: 0 });
    expect(moves.at(-1)).toEqual({ kind: 'easeTo', offset: [450, 0] });
  });

  it('does not move the map when a panel closes, or opens without covering the point', () => {
    const { controller, moves, panels } = setup();
    panels({ top: 0, bottom: 0, left: 576, right: 0 });
    controller.flyTo({ lng: 119.3, lat: 25.4 });
    expect(moves).toEqual([{ kind: 'flyTo', offset: [288, 0] }]);
    // the officer closes the panel: the point is still where they see it, and may be clicked
    panels({ top: 0, bottom: 0, left: 0, right: 0 });
    // the layer panel opens on the right, well away from the point
    panels({ top: 0, bottom: 0, left: 0, right: 320 });
    expect(moves).toHaveLength(1);
  });
});
