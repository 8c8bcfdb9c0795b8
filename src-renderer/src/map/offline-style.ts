import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import { COUNTY, TOWNSHIPS } from '@common/domain/county';
import { LAYER_IDS, SOURCE_IDS } from './layer-ids';
import { inSharedShape } from './layers/shared-programs';
import {
  COUNTY_FILL_PAINT,
  COUNTY_LINE_PAINT,
  RIVER_LABEL_LAYOUT,
  RIVER_LABEL_PAINT,
  RIVER_PAINT,
  TOWNSHIP_DOT_PAINT,
  TOWNSHIP_LABEL_LAYOUT,
  TOWNSHIP_LABEL_PAINT,
} from './layer-styles';
import type { StyleSpec } from './spec-types';

export type BaseLabels = { language: 'zh-CN' | 'en'; river: string };

/** A schematic course of the Rong river (融江) north–south past the seat; not survey data. */
const RIVER_COURSE: Array<[number, number]> = [
  [109.5, 25.57],
  [109.47, 25.45],
  [109.43, 25.33],
  [109.41, 25.25],
  [109.405, 25.2],
  [109.39, 25.1],
  [109.4, 24.98],
  [109.43, 24.86],
  [109.45, 24.75],
];

function countyExtent(): FeatureCollection<Polygon> {
  const [w, s, e, n] = COUNTY.bbox;
  const ring: Array<[number, number]> = [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
  return {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }],
  };
}

function townships(language: BaseLabels['language']): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: TOWNSHIPS.map((t): Feature<Point> => ({
      type: 'Feature',
      properties: { code: t.code, name: language === 'en' ? t.nameEn : t.nameZh },
      geometry: { type: 'Point', coordinates: [t.center.lng, t.center.lat] },
    })),
  };
}

function river(name: string): FeatureCollection<LineString> {
  return {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { name }, geometry: { type: 'LineString', coordinates: RIVER_COURSE } }],
  };
}

/**
 * The reference basemap when none is configured: the county's approximate extent, the river and
 * township labels from src-common/domain/county.ts. It fetches nothing — no tiles, no sprite and
 * no `glyphs` (labels are drawn locally with the CJK font stack).
 *
 * It has no background layer: around the county the canvas is left clear and the map container's
 * colour (BACKGROUND_COLOR, map-view.tsx) shows through. A background layer filled every pixel
 * of every frame and was one more GL pipeline to compile at sign-in on software GL.
 */
export function buildOfflineStyle(labels: BaseLabels): StyleSpec {
  const layers: StyleSpec['layers'] = [
    { id: LAYER_IDS.countyFill, type: 'fill', source: SOURCE_IDS.county, paint: COUNTY_FILL_PAINT },
    { id: LAYER_IDS.countyLine, type: 'line', source: SOURCE_IDS.county, paint: COUNTY_LINE_PAINT },
    { id: LAYER_IDS.river, type: 'line', source: SOURCE_IDS.river, paint: RIVER_PAINT },
    {
      id: LAYER_IDS.riverLabel,
      type: 'symbol',
      source: SOURCE_IDS.river,
      layout: RIVER_LABEL_LAYOUT,
      paint: RIVER_LABEL_PAINT,
    },
    { id: LAYER_IDS.townshipDot, type: 'circle', source: SOURCE_IDS.townships, paint: TOWNSHIP_DOT_PAINT },
    {
      id: LAYER_IDS.townshipLabel,
      type: 'symbol',
      source: SOURCE_IDS.townships,
      layout: TOWNSHIP_LABEL_LAYOUT,
      paint: TOWNSHIP_LABEL_PAINT,
    },
  ];
  return {
    version: 8,
    name: 'watchfloor-offline',
    sources: {
      [SOURCE_IDS.county]: { type: 'geojson', data: countyExtent() },
      [SOURCE_IDS.river]: { type: 'geojson', data: river(labels.river) },
      [SOURCE_IDS.townships]: { type: 'geojson', data: townships(labels.language) },
    },
    // every layer in its type's shared shape: one GL program per type (layers/shared-programs.ts)
    layers: layers.map(inSharedShape),
  };
}
