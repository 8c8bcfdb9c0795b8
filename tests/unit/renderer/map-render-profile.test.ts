import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { KeyedSource, LIVE_FLUSH_MS } from '../../../src-renderer/src/map/keyed-source';
import type { FeatureAdapter } from '../../../src-renderer/src/map/geojson';
import { GPU_PROFILE, mapRenderProfile, SOFTWARE_PROFILE } from '../../../src-renderer/src/map/render-profile';

describe('map render profile', () => {
  it('software GL: no symbol fading, live layers flush at most every 2 s, repaints spaced while loading', () => {
    for (const name of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
    ])
      expect(mapRenderProfile(name), name).toEqual({
        fadeDuration: 0,
        liveFlushMs: 2000,
        loadRepaintGaps: { minGapMs: 150, maxGapMs: 600, firstPaintWaitMs: 3000 },
      });
    expect(SOFTWARE_PROFILE.liveFlushMs).toBeGreaterThan(GPU_PROFILE.liveFlushMs);
  });

  it('a GPU, or a renderer not known yet, keeps MapLibre’s fade, the 250 ms flush and its repaints', () => {
    expect(mapRenderProfile('ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toEqual({
      fadeDuration: 300,
      liveFlushMs: 250,
      loadRepaintGaps: null,
    });
    expect(mapRenderProfile(null)).toBe(GPU_PROFILE);
    expect(GPU_PROFILE.liveFlushMs).toBe(LIVE_FLUSH_MS);
  });
});

type Team = { id: string; lng: number };
const adapter: FeatureAdapter<Team> = {
  id: (t) => t.id,
  version: (t) => String(t.lng),
  feature: (t) => ({
    type: 'Feature',
    id: t.id,
    properties: { id: t.id },
    geometry: { type: 'Point', coordinates: [t.lng, 25] },
  }),
};

function fakeMap() {
  const sent: Array<{ kind: 'setData' | 'updateData'; size: number; lngs: Array<number> }> = [];
  const source = {
    setData: (data: { features: Array<{ geometry: { coordinates: Array<number> } }> }) =>
      sent.push({
        kind: 'setData',
        size: data.features.length,
        lngs: data.features.map((f) => f.geometry.coordinates[0] ?? 0),
      }),
    updateData: (diff: { add: Array<unknown>; update: Array<{ newGeometry: { coordinates: Array<number> } }> }) =>
      sent.push({
        kind: 'updateData',
        size: diff.add.length + diff.update.length,
        lngs: diff.update.map((u) => u.newGeometry.coordinates[0] ?? 0),
      }),
  };
  const map = { getSource: () => source as unknown as GeoJSONSource } as unknown as MapLibreMap;
  return { map, sent };
}

describe('KeyedSource.pushCoalesced', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('flushes at most once per interval, with the latest rows', () => {
    const { map, sent } = fakeMap();
    const teams = new KeyedSource(map, 'rescue-teams', adapter);
    const rows = (lng: number) => Array.from({ length: 10 }, (_, i) => ({ id: `t${i}`, lng: i === 0 ? lng : i }));
    teams.pushCoalesced(rows(100), 'incremental', 2000);
    // the first push goes at once, whole, in the caller's task (with the other layers' first rows)
    expect(sent.map((s) => s.kind)).toEqual(['setData']);

    teams.pushCoalesced(rows(101), 'incremental', 2000);
    teams.pushCoalesced(rows(102), 'incremental', 2000);
    vi.advanceTimersByTime(1999);
    expect(sent).toHaveLength(1); // held: the interval has not passed
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(2);
    // one feature changed: only it goes, at its latest position
    expect(sent[1]).toEqual({ kind: 'updateData', size: 1, lngs: [102] });

    vi.advanceTimersByTime(10_000);
    expect(sent).toHaveLength(2); // nothing pending, nothing sent
  });
});
