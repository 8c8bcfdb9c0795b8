import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ToWorker } from '../../../src-renderer/src/map/enterprise-tiles/messages';

// the page's end registers a MapLibre protocol; MapLibre itself needs a browser
vi.mock('maplibre-gl', () => ({ addProtocol: vi.fn() }));

/** Stands in for the enterprise-tiles worker: records what the page sends and whether it was stopped. */
class StubWorker {
  static made: Array<StubWorker> = [];
  readonly sent: Array<ToWorker> = [];
  terminated = false;
  onmessage: unknown = null;
  onerror: unknown = null;
  constructor(readonly url: URL | string) {
    StubWorker.made.push(this);
  }
  postMessage(message: ToWorker): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const { EnterpriseTiles } = await import('../../../src-renderer/src/map/enterprise-tiles/enterprise-tiles');
const { NO_FILTERS } = await import('../../../src-renderer/src/map/map-layers-store');

describe('the enterprise-tiles worker lives as long as a map view uses it', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', StubWorker);
    StubWorker.made = [];
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('stops the worker when the last view releases it (sign-out), and a new sign-in starts another', () => {
    const tiles = EnterpriseTiles.forReplica('watchfloor:hub:duty', NO_FILTERS);
    const release = tiles.hold();
    const worker = StubWorker.made.at(-1);
    expect(worker?.sent[0]).toMatchObject({ type: 'open', dbName: 'watchfloor:hub:duty' });
    release();
    release(); // a second call does not count twice
    expect(worker?.terminated).toBe(false); // not before the task ends
    vi.runAllTimers();
    expect(worker?.terminated).toBe(true);

    const again = EnterpriseTiles.forReplica('watchfloor:hub:duty', NO_FILTERS);
    expect(again).not.toBe(tiles);
    expect(StubWorker.made).toHaveLength(2);
    again.hold()();
    vi.runAllTimers();
  });

  it('keeps the worker when a view is released and held again in one task (a rebuilt map, StrictMode)', () => {
    const tiles = EnterpriseTiles.forReplica('watchfloor:hub:liaison', NO_FILTERS);
    const first = tiles.hold();
    first();
    const second = tiles.hold();
    vi.runAllTimers();
    expect(StubWorker.made.at(-1)?.terminated).toBe(false);
    expect(EnterpriseTiles.forReplica('watchfloor:hub:liaison', NO_FILTERS)).toBe(tiles);
    second();
    vi.runAllTimers();
    expect(StubWorker.made.at(-1)?.terminated).toBe(true);
  });

  it('another replica (another user) replaces the instance and stops the old worker at once', () => {
    const duty = EnterpriseTiles.forReplica('watchfloor:hub:duty', NO_FILTERS);
    const dutyWorker = StubWorker.made.at(-1);
    const liaison = EnterpriseTiles.forReplica('watchfloor:hub:liaison', NO_FILTERS);
    expect(liaison).not.toBe(duty);
    expect(dutyWorker?.terminated).toBe(true);
    liaison.hold()();
    vi.runAllTimers();
  });
});
