import { addProtocol } from 'maplibre-gl';
import { FileSource, PMTiles, Protocol, TileType } from 'pmtiles';
import { LAYER_IDS, SOURCE_IDS } from '../layer-ids';
import { inSharedShape } from '../layers/shared-programs';
import { buildOfflineStyle } from '../offline-style';
import type { BaseLabels } from '../offline-style';
import type { LayerSpec, SourceSpec, StyleSpec } from '../spec-types';
import { MAP_TEXT_FONT } from '../fonts';
import { expandTemplate } from './tile-template';
import type { BasemapSettings } from './basemap-settings';

export type BasemapStyle = {
  kind: BasemapSettings['kind'];
  /** a style object, or a style URL MapLibre fetches */
  style: StyleSpec | string;
  attribution: string;
};

/** County outline and township names stay on top of any raster basemap; the schematic river goes. */
function withRasterUnder(labels: BaseLabels, sources: Record<string, SourceSpec>, layers: Array<LayerSpec>): StyleSpec {
  const base = buildOfflineStyle(labels);
  const kept = base.layers.filter(
    (l) => l.id !== LAYER_IDS.countyFill && l.id !== LAYER_IDS.river && l.id !== LAYER_IDS.riverLabel,
  );
  return {
    ...base,
    sources: { ...base.sources, ...sources },
    // the basemap's own layers at the bottom, in the same shared shapes as the offline style's
    layers: [...layers.map(inSharedShape), ...kept],
  };
}

export function rasterStyle(settings: Extract<BasemapSettings, { kind: 'raster' }>, labels: BaseLabels): StyleSpec {
  const sources: Record<string, SourceSpec> = {};
  const layers: Array<LayerSpec> = [];
  settings.templates.forEach((template, i) => {
    const id = `${SOURCE_IDS.basemapRaster}-${i}`;
    sources[id] = {
      type: 'raster',
      tiles: expandTemplate(template),
      tileSize: settings.tileSize,
      maxzoom: settings.maxZoom,
      scheme: template.includes('{-y}') ? 'tms' : 'xyz',
    } as SourceSpec;
    layers.push({ id: `${LAYER_IDS.basemapRaster}-${i}`, type: 'raster', source: id });
  });
  // NOTE: TMS templates use {-y}; MapLibre takes {y} with scheme "tms".
  for (const s of Object.values(sources))
    if ('tiles' in s && s.tiles) s.tiles = s.tiles.map((t) => t.replace('{-y}', '{y}'));
  return withRasterUnder(labels, sources, layers);
}

let protocol: Protocol | null = null;

/** A local PMTiles file: raster archives are drawn as they are, vector ones with a generic style. */
export async function pmtilesStyle(file: File, labels: BaseLabels): Promise<StyleSpec> {
  if (!protocol) {
    protocol = new Protocol();
    addProtocol('pmtiles', protocol.tile);
  }
  const archive = new PMTiles(new FileSource(file));
  protocol.add(archive);
  const header = await archive.getHeader();
  const url = `pmtiles://${archive.source.getKey()}`;
  const id = SOURCE_IDS.basemapRaster;
  if (header.tileType !== TileType.Mvt) {
    return withRasterUnder(labels, { [id]: { type: 'raster', url, tileSize: 256 } as SourceSpec }, [
      { id: LAYER_IDS.basemapRaster, type: 'raster', source: id },
    ]);
  }
  const metadata = (await archive.getMetadata()) as { vector_layers?: Array<{ id: string }> } | null;
  const names = (metadata?.vector_layers ?? []).map((l) => l.id);
  return withRasterUnder(labels, { [id]: { type: 'vector', url } as SourceSpec }, genericVectorLayers(id, names));
}

/** Neutral layers for any vector archive: water blue, land-use pale, roads grey, names where present. */
function genericVectorLayers(source: string, sourceLayers: ReadonlyArray<string>): Array<LayerSpec> {
  const layers: Array<LayerSpec> = [];
  const water = (n: string) => /water|ocean|river|lake/i.test(n);
  for (const name of sourceLayers) {
    const isWater = water(name);
    layers.push({
      id: `pm-${name}-fill`,
      type: 'fill',
      source,
      'source-layer': name,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': isWater ? '#a9cfee' : '#e4ecdf', 'fill-opacity': isWater ? 1 : 0.6 },
    });
    layers.push({
      id: `pm-${name}-line`,
      type: 'line',
      source,
      'source-layer': name,
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': isWater ? '#7fb8e6' : '#b9b9b9', 'line-width': 1.2 },
    });
  }
  for (const name of sourceLayers)
    layers.push({
      id: `pm-${name}-label`,
      type: 'symbol',
      source,
      'source-layer': name,
      filter: ['has', 'name'],
      layout: { 'text-field': ['get', 'name'], 'text-font': MAP_TEXT_FONT, 'text-size': 11 },
      paint: { 'text-color': '#555', 'text-halo-color': '#fff', 'text-halo-width': 1 },
    });
  return layers;
}
