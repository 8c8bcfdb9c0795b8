import { describe, expect, it, vi } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { SOURCE_IDS } from '../../../src-renderer/src/map/layer-ids';
import { addOperationalLayers, OPERATIONAL_LAYERS } from '../../../src-renderer/src/map/layers/operational-layers';

// the icons are drawn with ImageData (a browser's); their order is not what these tests are about
vi.mock('../../../src-renderer/src/map/map-icons', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  addMapImages: () => undefined,
}));

/** What addOperationalLayers touches of a map: sources by id, layers in drawing order (beforeId as MapLibre's). */
class FakeMap {
  readonly sources = new Map<string, { type: string; data?: unknown }>();
  readonly layers: Array<{ id: string; source?: unknown }> = [];
  getSource(id: string) {
    return this.sources.get(id);
  }
  addSource(id: string, spec: { type: string; data?: unknown }) {
    if (this.sources.has(id)) throw new Error(`source ${id} already exists`);
    this.sources.set(id, spec);
  }
  getLayer(id: string) {
    return this.layers.find((layer) => layer.id === id);
  }
  addLayer(layer: { id: string; source?: unknown }, beforeId?: string) {
    if (this.getLayer(layer.id)) throw new Error(`layer ${layer.id} already exists`);
    if (typeof layer.source === 'string' && !this.sources.has(layer.source))
      throw new Error(`layer ${layer.id}: no source ${layer.source}`);
    const at = beforeId === undefined ? -1 : this.layers.findIndex((l) => l.id === beforeId);
    if (beforeId !== undefined && at < 0) throw new Error(`no layer ${beforeId} to go before`);
    if (at < 0) this.layers.push(layer);
    else this.layers.splice(at, 0, layer);
  }
}

const ids = (map: FakeMap) => map.layers.map((layer) => layer.id);
const asMap = (map: FakeMap) => map as unknown as MapLibreMap;
const URL = 'wf-enterprises://{z}/{x}/{y}?v=0';

describe('adding the operational layers', () => {
  it('all at once: every layer, in the order they are listed (bottom to top)', () => {
    const map = new FakeMap();
    addOperationalLayers(asMap(map), URL);
    expect(ids(map)).toEqual(OPERATIONAL_LAYERS.map((layer) => layer.id));
  });

  it('the enterprises first (as the style is parsed), the rest later: the same order in the end', () => {
    const map = new FakeMap();
    const enterprises = (id: string) => id === SOURCE_IDS.enterprises;
    addOperationalLayers(asMap(map), URL, () => undefined, enterprises);
    expect([...map.sources.keys()]).toEqual([SOURCE_IDS.enterprises]);
    const enterpriseLayers = OPERATIONAL_LAYERS.filter((l) => 'source' in l && l.source === SOURCE_IDS.enterprises);
    expect(enterpriseLayers.length).toBeGreaterThan(1);
    expect(ids(map)).toEqual(enterpriseLayers.map((layer) => layer.id));
    // places are drawn below the enterprises, hazard sources above: both sides get filled in
    addOperationalLayers(asMap(map), URL);
    expect(ids(map)).toEqual(OPERATIONAL_LAYERS.map((layer) => layer.id));
  });

  it('a geojson source starts with the rows read before it was added; the enterprises’ tiles take none', () => {
    const map = new FakeMap();
    const rows = { type: 'FeatureCollection' as const, features: [] };
    const asked: Array<string> = [];
    addOperationalLayers(asMap(map), URL, (id) => {
      asked.push(id);
      return id === SOURCE_IDS.hazardSources ? rows : undefined;
    });
    expect(map.sources.get(SOURCE_IDS.hazardSources)?.data).toBe(rows);
    expect(map.sources.get(SOURCE_IDS.teams)?.data).toEqual({ type: 'FeatureCollection', features: [] });
    expect(asked).not.toContain(SOURCE_IDS.enterprises);
    expect(map.sources.get(SOURCE_IDS.enterprises)).toMatchObject({ type: 'vector', tiles: [URL] });
  });
});
