import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { KeyedSource } from '../../../src-renderer/src/map/keyed-source';
import type { FeatureAdapter } from '../../../src-renderer/src/map/geojson';
import { throttleRepaints } from '../../../src-renderer/src/map/load-repaint-throttle';

/** Just what the throttle touches of a MapLibre map: `triggerRepaint` on the prototype, events, tiles, the painter. */
class FakePainter {
  paints = 0;
  render(): void {
    this.paints += 1;
  }
}
class FakeMap {
  repaints = 0;
  tilesLoaded = true;
  styleLoaded = true;
  painter = new FakePainter();
  private readonly handlers = new Map<string, Set<() => void>>();
  triggerRepaint(): this {
    this.repaints += 1;
    return this;
  }
  areTilesLoaded(): boolean {
    return this.tilesLoaded;
  }
  isStyleLoaded(): boolean {
    return this.styleLoaded;
  }
  on(event: string, handler: () => void): this {
    const set = this.handlers.get(event) ?? new Set();
    set.add(handler);
    this.handlers.set(event, set);
    return this;
  }
  off(event: string, handler: () => void): this {
    this.handlers.get(event)?.delete(handler);
    return this;
  }
  fire(event: string): void {
    for (const handler of [...(this.handlers.get(event) ?? [])]) handler();
  }
  /** as MapLibre's frame: the painter draws, the 'render' event, then (the frame goes out) the next task */
  render(): void {
    this.painter.render();
    this.fire('render');
  }
}

describe('the load repaint throttle', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const gaps = { minGapMs: 150, maxGapMs: 600, firstPaintWaitMs: 3000 };

  it('a repaint waits until the thread has had minGap to itself since the last frame', () => {
    const map = new FakeMap();
    throttleRepaints(map as unknown as MapLibreMap, gaps);
    map.triggerRepaint();
    vi.advanceTimersByTime(0);
    expect(map.repaints).toBe(1); // nothing drawn yet: at once
    map.render();
    vi.advanceTimersByTime(0); // the frame is out
    map.triggerRepaint();
    map.triggerRepaint(); // asked twice: one repaint
    vi.advanceTimersByTime(100);
    expect(map.repaints).toBe(1);
    vi.advanceTimersByTime(60);
    expect(map.repaints).toBe(2);
  });

  it('while tiles are on their way it waits for them, but never longer than maxGap', () => {
    const map = new FakeMap();
    throttleRepaints(map as unknown as MapLibreMap, gaps);
    map.render();
    vi.advanceTimersByTime(0);
    map.tilesLoaded = false;
    map.triggerRepaint();
    vi.advanceTimersByTime(300);
    expect(map.repaints).toBe(0);
    map.tilesLoaded = true; // they came
    vi.advanceTimersByTime(40);
    expect(map.repaints).toBe(1);

    map.render();
    vi.advanceTimersByTime(0);
    map.tilesLoaded = false; // and these never come
    map.triggerRepaint();
    vi.advanceTimersByTime(590);
    expect(map.repaints).toBe(1);
    vi.advanceTimersByTime(40);
    expect(map.repaints).toBe(2);
  });

  it('release puts MapLibre’s own repaint back and pays a repaint that was owed, once', () => {
    const map = new FakeMap();
    const throttle = throttleRepaints(map as unknown as MapLibreMap, gaps);
    map.render();
    vi.advanceTimersByTime(0);
    map.triggerRepaint();
    throttle.release();
    expect(map.repaints).toBe(1);
    expect(Object.prototype.hasOwnProperty.call(map, 'triggerRepaint')).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(map.repaints).toBe(1);
    map.triggerRepaint();
    expect(map.repaints).toBe(2); // unthrottled: at once
    throttle.release(); // twice is harmless
  });

  it('a camera movement (the user panning while it loads) ends the throttle', () => {
    const map = new FakeMap();
    throttleRepaints(map as unknown as MapLibreMap, gaps);
    map.render();
    map.fire('movestart');
    map.triggerRepaint();
    expect(map.repaints).toBe(1);
  });

  describe('the first paint, held until the style is complete', () => {
    const ownRender = (map: FakeMap) => Object.prototype.hasOwnProperty.call(map.painter, 'render');

    it('frames before the style is complete are not drawn; from the first complete one on, every frame is', () => {
      const map = new FakeMap();
      map.styleLoaded = false;
      throttleRepaints(map as unknown as MapLibreMap, gaps);
      map.render();
      map.render();
      expect(map.painter.paints).toBe(0);
      map.styleLoaded = true;
      map.render();
      expect(map.painter.paints).toBe(1);
      map.styleLoaded = false; // operational layers added: incomplete again, but the map has been seen
      map.render();
      expect(map.painter.paints).toBe(2);
    });

    it('a frame held back goes at once (it draws nothing, and it is what asks for new sources’ tiles)', () => {
      const map = new FakeMap();
      map.styleLoaded = false;
      throttleRepaints(map as unknown as MapLibreMap, gaps);
      map.render();
      vi.advanceTimersByTime(0);
      expect(map.painter.paints).toBe(0);
      map.tilesLoaded = false;
      map.triggerRepaint();
      vi.advanceTimersByTime(0);
      expect(map.repaints).toBe(1);
      // once the style is complete, the frame that draws it waits its gap as any other
      map.styleLoaded = true;
      map.tilesLoaded = true;
      map.render();
      vi.advanceTimersByTime(0);
      expect(map.painter.paints).toBe(1);
      map.triggerRepaint();
      vi.advanceTimersByTime(100);
      expect(map.repaints).toBe(1);
      vi.advanceTimersByTime(60);
      expect(map.repaints).toBe(2);
    });

    it('a frame held back does not count for the spacing: the first complete frame goes at once', () => {
      const map = new FakeMap();
      map.styleLoaded = false;
      throttleRepaints(map as unknown as MapLibreMap, gaps);
      map.render(); // held back: drew nothing
      vi.advanceTimersByTime(0);
      map.styleLoaded = true; // the last tiles came
      map.triggerRepaint();
      vi.advanceTimersByTime(0);
      expect(map.repaints).toBe(1);
      map.render();
      expect(map.painter.paints).toBe(1);
    });

    it('the caller says what complete is: a loaded style without the operational layers is not drawn', () => {
      const map = new FakeMap();
      let layersIn = false;
      throttleRepaints(map as unknown as MapLibreMap, gaps, () => layersIn && map.isStyleLoaded());
      map.render();
      expect(map.painter.paints).toBe(0);
      layersIn = true;
      map.styleLoaded = false; // their tiles on the way
      map.render();
      expect(map.painter.paints).toBe(0);
      map.styleLoaded = true;
      map.render();
      expect(map.painter.paints).toBe(1);
    });

    it('after firstPaintWaitMs the map paints what it has (a slow basemap), and asks for the frame it held back', () => {
      const map = new FakeMap();
      map.styleLoaded = false;
      throttleRepaints(map as unknown as MapLibreMap, gaps);
      map.render();
      vi.advanceTimersByTime(2990);
      expect(map.repaints).toBe(0);
      // the deadline, then the throttled repaint's task (a timer set inside a fake tick runs 1 ms on)
      vi.advanceTimersByTime(11);
      expect(map.repaints).toBe(1);
      map.render();
      expect(map.painter.paints).toBe(1);
    });

    it('nothing held back by then: no extra repaint', () => {
      const map = new FakeMap();
      throttleRepaints(map as unknown as MapLibreMap, gaps);
      vi.advanceTimersByTime(5000);
      expect(map.repaints).toBe(0);
    });

    it('release (or the user moving the map) ends the hold, puts the painter back and redraws a held frame', () => {
      const map = new FakeMap();
      map.styleLoaded = false;
      throttleRepaints(map as unknown as MapLibreMap, gaps);
      expect(ownRender(map)).toBe(true);
      map.render();
      map.fire('movestart');
      expect(ownRender(map)).toBe(false);
      expect(map.repaints).toBe(1); // unthrottled and owed: at once
      map.render();
      expect(map.painter.paints).toBe(1);
      vi.advanceTimersByTime(5000);
      expect(map.repaints).toBe(1); // the deadline was cleared with it
    });

    it('a painter made since (a lost WebGL context came back) is left as it is', () => {
      const map = new FakeMap();
      map.styleLoaded = false;
      const throttle = throttleRepaints(map as unknown as MapLibreMap, gaps);
      map.painter = new FakePainter();
      throttle.release();
      map.render();
      expect(map.painter.paints).toBe(1);
      expect(ownRender(map)).toBe(false);
    });
  });
});

type Row = { id: string; lng: number };
const adapter: FeatureAdapter<Row> = {
  id: (r) => r.id,
  version: (r) => String(r.lng),
  feature: (r) => ({
    type: 'Feature',
    id: r.id,
    properties: { id: r.id },
    geometry: { type: 'Point', coordinates: [r.lng, 25] },
  }),
};

describe('KeyedSource before the map has its source', () => {
  it('keeps the rows pushed while the style loads and hands them over once, to add the source with', () => {
    const sent: Array<{ kind: string; size: number }> = [];
    const source = {
      setData: (data: { features: Array<unknown> }) => sent.push({ kind: 'setData', size: data.features.length }),
      updateData: (diff: { add: Array<unknown>; update: Array<unknown> }) =>
        sent.push({ kind: 'updateData', size: diff.add.length + diff.update.length }),
    };
    let added = false;
    const map = {
      getSource: () => (added ? (source as unknown as GeoJSONSource) : undefined),
    } as unknown as MapLibreMap;
    const keyed = new KeyedSource(map, 'teams', adapter);
    keyed.push([
      { id: 'a', lng: 1 },
      { id: 'b', lng: 2 },
    ]);
    keyed.push([
      { id: 'a', lng: 1 },
      { id: 'b', lng: 3 },
      { id: 'c', lng: 4 },
    ]);
    expect(sent).toEqual([]); // nothing to send to
    expect(keyed.locate('b')).toEqual({ lng: 3, lat: 25 });

    const initial = keyed.takeInitial();
    expect(initial?.features.map((f) => f.geometry.coordinates[0])).toEqual([1, 3, 4]);
    expect(keyed.takeInitial()).toBeUndefined(); // once
    added = true;

    keyed.push([
      { id: 'a', lng: 1 },
      { id: 'b', lng: 3 },
      { id: 'c', lng: 5 },
    ]);
    expect(sent).toEqual([{ kind: 'updateData', size: 1 }]); // only what changed since the hand-over
  });

  it('nothing pushed yet: the source is added empty and the first push sends everything', () => {
    const sent: Array<string> = [];
    const source = { setData: () => sent.push('setData'), updateData: () => sent.push('updateData') };
    const map = { getSource: () => source as unknown as GeoJSONSource } as unknown as MapLibreMap;
    const keyed = new KeyedSource(map, 'teams', adapter);
    expect(keyed.takeInitial()).toBeUndefined();
    keyed.push([{ id: 'a', lng: 1 }]);
    expect(sent).toEqual(['setData']);
  });
});

describe('deferred reads', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('wait for the map to say it has drawn its data; a late listener is called at once', async () => {
    const { onDeferredReadsReleased, releaseDeferredReads } =
      await import('../../../src-renderer/src/db/deferred-reads');
    const calls: Array<string> = [];
    onDeferredReadsReleased(() => calls.push('first'));
    const stop = onDeferredReadsReleased(() => calls.push('unsubscribed'));
    stop();
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual([]);
    releaseDeferredReads();
    releaseDeferredReads();
    expect(calls).toEqual(['first']);
    onDeferredReadsReleased(() => calls.push('late'));
    expect(calls).toEqual(['first', 'late']);
  });

  it('without a map to say so, they start after a while anyway', async () => {
    const { onDeferredReadsReleased } = await import('../../../src-renderer/src/db/deferred-reads');
    let called = false;
    onDeferredReadsReleased(() => {
      called = true;
    });
    vi.advanceTimersByTime(7999);
    expect(called).toBe(false);
    vi.advanceTimersByTime(1);
    expect(called).toBe(true);
  });
});
