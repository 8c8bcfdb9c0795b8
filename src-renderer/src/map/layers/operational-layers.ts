import type { FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { LAYER_IDS, SOURCE_IDS } from '../layer-ids';
import type { LayerId, SourceId } from '../layer-ids';
import {
  CLUSTER_COUNT_LAYOUT,
  CLUSTER_COUNT_PAINT,
  DEPOT_LAYOUT,
  DEPOT_LABEL_PAINT,
  ENTERPRISE_CLUSTER_PAINT,
  ENTERPRISE_ICON_LAYOUT,
  ENTERPRISE_ICON_MINZOOM,
  ENTERPRISE_LABEL_LAYOUT,
  ENTERPRISE_LABEL_MINZOOM,
  ENTERPRISE_LABEL_PAINT,
  ENTERPRISE_PAINT,
  HAZARD_CLUSTER_LAYOUT,
  HAZARD_CLUSTER_PAINT,
  HAZARD_LABEL_LAYOUT,
  HAZARD_LABEL_MINZOOM,
  HAZARD_LABEL_PAINT,
  HAZARD_LAYOUT,
  INCIDENT_HALO_PAINT,
  INCIDENT_LABEL_LAYOUT,
  INCIDENT_LABEL_PAINT,
  INCIDENT_PAINT,
  OVERLAY_FILL_PAINT,
  OVERLAY_LABEL_LAYOUT,
  OVERLAY_LABEL_PAINT,
  OVERLAY_LINE_PAINT,
  OVERLAY_POINT_PAINT,
  PICK_PAINT,
  POI_LABEL_LAYOUT,
  POI_LABEL_MINZOOM,
  RECEPTOR_CLUSTER_PAINT,
  RECEPTOR_LABEL_LAYOUT,
  RECEPTOR_LABEL_PAINT,
  RECEPTOR_LAYOUT,
  SELECTION_PAINT,
  SHELTER_LABEL_PAINT,
  SHELTER_LAYOUT,
  TEAM_LABEL_LAYOUT,
  TEAM_LABEL_MINZOOM,
  TEAM_LABEL_PAINT,
  TEAM_LAYOUT,
} from '../layer-styles';
import { addMapImages } from '../map-icons';
import { ENTERPRISE_TILE_LAYER, ENTERPRISE_TILE_MAX_ZOOM } from '../enterprise-tiles/tile-layout';
import { inSharedShape } from './shared-programs';
import type { ThematicLayer } from '../map-controller';
import type { OperationalLayer, SourceSpec } from '../spec-types';

/** Dense point layers cluster below this zoom (software GL can't draw 50k points smoothly). */
export const CLUSTER_MAX_ZOOM = 13;
/**
 * Hazard sources cluster only at county and township zooms, and only close neighbours: they are
 * few in a real county (each one matters) but thousands in a province-sized dataset, where 5,000
 * overlapping diamonds hid everything below them and cost seconds of symbol placement.
 */
export const HAZARD_CLUSTER_MAX_ZOOM = 11;

/**
 * hazard clusters keep the grade of their worst member, to take its diamond.
 * NOTE: one aggregate, not a count per grade: the worker evaluates it for every point at every
 * cluster zoom. (Enterprises are clustered in a worker of our own: enterprise-tiles/.)
 */
const HAZARD_CLUSTER_PROPERTIES = { worstSeverity: ['min', ['get', 'severity']] };

const geojson = (extra: Record<string, unknown> = {}): SourceSpec =>
  ({ type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id', ...extra }) as SourceSpec;

/** Every operational source; the thematic ones are fed from the Dexie replica (map-data.tsx). */
export const OPERATIONAL_SOURCES: Record<
  Exclude<SourceId, 'county-outline' | 'townships' | 'river' | 'basemap-raster' | 'enterprises'>,
  SourceSpec
> = {
  [SOURCE_IDS.receptors]: geojson({ cluster: true, clusterMaxZoom: CLUSTER_MAX_ZOOM, clusterRadius: 40 }),
  [SOURCE_IDS.shelters]: geojson(),
  [SOURCE_IDS.supplyDepots]: geojson(),
  [SOURCE_IDS.hazardSources]: geojson({
    cluster: true,
    clusterMaxZoom: HAZARD_CLUSTER_MAX_ZOOM,
    clusterRadius: 28,
    clusterProperties: HAZARD_CLUSTER_PROPERTIES,
  }),
  [SOURCE_IDS.teams]: geojson(),
  [SOURCE_IDS.incidents]: geojson(),
  [SOURCE_IDS.overlays]: geojson({ promoteId: undefined }),
  [SOURCE_IDS.selection]: geojson(),
  [SOURCE_IDS.pick]: geojson(),
};

const CLUSTERED: FilterSpecification = ['has', 'point_count'];
const UNCLUSTERED: FilterSpecification = ['!', ['has', 'point_count']];

/** Bottom to top: places, enterprises, hazard sources, teams, incidents, labels, overlays, selection. */
const LAYERS_AS_STYLED: ReadonlyArray<OperationalLayer> = [
  {
    id: LAYER_IDS.receptorClusters,
    type: 'circle',
    source: SOURCE_IDS.receptors,
    filter: CLUSTERED,
    paint: RECEPTOR_CLUSTER_PAINT,
  },
  {
    id: LAYER_IDS.receptorClusterCount,
    type: 'symbol',
    source: SOURCE_IDS.receptors,
    filter: CLUSTERED,
    layout: CLUSTER_COUNT_LAYOUT,
    paint: CLUSTER_COUNT_PAINT,
  },
  {
    id: LAYER_IDS.receptors,
    type: 'symbol',
    source: SOURCE_IDS.receptors,
    filter: UNCLUSTERED,
    layout: RECEPTOR_LAYOUT,
  },
  { id: LAYER_IDS.shelters, type: 'symbol', source: SOURCE_IDS.shelters, layout: SHELTER_LAYOUT },
  { id: LAYER_IDS.supplyDepots, type: 'symbol', source: SOURCE_IDS.supplyDepots, layout: DEPOT_LAYOUT },
  {
    id: LAYER_IDS.enterpriseClusters,
    type: 'circle',
    source: SOURCE_IDS.enterprises,
    'source-layer': ENTERPRISE_TILE_LAYER,
    filter: CLUSTERED,
    paint: ENTERPRISE_CLUSTER_PAINT,
  },
  {
    id: LAYER_IDS.enterpriseClusterCount,
    type: 'symbol',
    source: SOURCE_IDS.enterprises,
    'source-layer': ENTERPRISE_TILE_LAYER,
    filter: CLUSTERED,
    layout: CLUSTER_COUNT_LAYOUT,
    paint: CLUSTER_COUNT_PAINT,
  },
  {
    id: LAYER_IDS.enterprises,
    type: 'circle',
    source: SOURCE_IDS.enterprises,
    'source-layer': ENTERPRISE_TILE_LAYER,
    filter: UNCLUSTERED,
    paint: ENTERPRISE_PAINT,
  },
  {
    id: LAYER_IDS.enterpriseIcons,
    type: 'symbol',
    source: SOURCE_IDS.enterprises,
    'source-layer': ENTERPRISE_TILE_LAYER,
    filter: UNCLUSTERED,
    minzoom: ENTERPRISE_ICON_MINZOOM,
    layout: ENTERPRISE_ICON_LAYOUT,
  },
  {
    id: LAYER_IDS.hazardClusters,
    type: 'symbol',
    source: SOURCE_IDS.hazardSources,
    filter: CLUSTERED,
    layout: HAZARD_CLUSTER_LAYOUT,
    paint: HAZARD_CLUSTER_PAINT,
  },
  {
    id: LAYER_IDS.hazardSources,
    type: 'symbol',
    source: SOURCE_IDS.hazardSources,
    filter: UNCLUSTERED,
    layout: HAZARD_LAYOUT,
  },
  { id: LAYER_IDS.teams, type: 'symbol', source: SOURCE_IDS.teams, layout: TEAM_LAYOUT },
  { id: LAYER_IDS.incidentHalo, type: 'circle', source: SOURCE_IDS.incidents, paint: INCIDENT_HALO_PAINT },
  { id: LAYER_IDS.incidents, type: 'circle', source: SOURCE_IDS.incidents, paint: INCIDENT_PAINT },
  // labels above every symbol, in order of importance (later = drawn on top, placed first)
  {
    id: LAYER_IDS.receptorLabels,
    type: 'symbol',
    source: SOURCE_IDS.receptors,
    filter: UNCLUSTERED,
    minzoom: POI_LABEL_MINZOOM,
    layout: RECEPTOR_LABEL_LAYOUT,
    paint: RECEPTOR_LABEL_PAINT,
  },
  {
    id: LAYER_IDS.shelterLabels,
    type: 'symbol',
    source: SOURCE_IDS.shelters,
    minzoom: POI_LABEL_MINZOOM,
    layout: POI_LABEL_LAYOUT,
    paint: SHELTER_LABEL_PAINT,
  },
  {
    id: LAYER_IDS.supplyDepotLabels,
    type: 'symbol',
    source: SOURCE_IDS.supplyDepots,
    minzoom: POI_LABEL_MINZOOM,
    layout: POI_LABEL_LAYOUT,
    paint: DEPOT_LABEL_PAINT,
  },
  {
    id: LAYER_IDS.enterpriseLabels,
    type: 'symbol',
    source: SOURCE_IDS.enterprises,
    'source-layer': ENTERPRISE_TILE_LAYER,
    filter: UNCLUSTERED,
    minzoom: ENTERPRISE_LABEL_MINZOOM,
    layout: ENTERPRISE_LABEL_LAYOUT,
    paint: ENTERPRISE_LABEL_PAINT,
  },
  {
    id: LAYER_IDS.hazardSourceLabels,
    type: 'symbol',
    source: SOURCE_IDS.hazardSources,
    filter: UNCLUSTERED,
    minzoom: HAZARD_LABEL_MINZOOM,
    layout: HAZARD_LABEL_LAYOUT,
    paint: HAZARD_LABEL_PAINT,
  },
  {
    id: LAYER_IDS.teamLabels,
    type: 'symbol',
    source: SOURCE_IDS.teams,
    minzoom: TEAM_LABEL_MINZOOM,
    layout: TEAM_LABEL_LAYOUT,
    paint: TEAM_LABEL_PAINT,
  },
  {
    id: LAYER_IDS.incidentLabels,
    type: 'symbol',
    source: SOURCE_IDS.incidents,
    layout: INCIDENT_LABEL_LAYOUT,
    paint: INCIDENT_LABEL_PAINT,
  },
  {
    id: LAYER_IDS.overlayFill,
    type: 'fill',
    source: SOURCE_IDS.overlays,
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: OVERLAY_FILL_PAINT,
  },
  {
    id: LAYER_IDS.overlayLine,
    type: 'line',
    source: SOURCE_IDS.overlays,
    filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'LineString']]],
    paint: OVERLAY_LINE_PAINT,
  },
  {
    id: LAYER_IDS.overlayPoint,
    type: 'circle',
    source: SOURCE_IDS.overlays,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: OVERLAY_POINT_PAINT,
  },
  {
    id: LAYER_IDS.overlayLabel,
    type: 'symbol',
    source: SOURCE_IDS.overlays,
    filter: ['has', 'label'],
    layout: OVERLAY_LABEL_LAYOUT,
    paint: OVERLAY_LABEL_PAINT,
  },
  { id: LAYER_IDS.selection, type: 'circle', source: SOURCE_IDS.selection, paint: SELECTION_PAINT },
  { id: LAYER_IDS.pick, type: 'circle', source: SOURCE_IDS.pick, paint: PICK_PAINT },
];

/** The map layers drawing each thematic layer (for visibility toggles). */
export const THEMATIC_LAYER_IDS: Record<ThematicLayer, ReadonlyArray<LayerId>> = {
  enterprises: [
    LAYER_IDS.enterpriseClusters,
    LAYER_IDS.enterpriseClusterCount,
    LAYER_IDS.enterprises,
    LAYER_IDS.enterpriseIcons,
    LAYER_IDS.enterpriseLabels,
  ],
  hazardSources: [LAYER_IDS.hazardClusters, LAYER_IDS.hazardSources, LAYER_IDS.hazardSourceLabels],
  teams: [LAYER_IDS.teams, LAYER_IDS.teamLabels],
  incidents: [LAYER_IDS.incidentHalo, LAYER_IDS.incidents, LAYER_IDS.incidentLabels],
  shelters: [LAYER_IDS.shelters, LAYER_IDS.shelterLabels],
  supplyDepots: [LAYER_IDS.supplyDepots, LAYER_IDS.supplyDepotLabels],
  receptors: [
    LAYER_IDS.receptorClusters,
    LAYER_IDS.receptorClusterCount,
    LAYER_IDS.receptors,
    LAYER_IDS.receptorLabels,
  ],
};

/** The layers whose features are clicked to select them (topmost first), and what they are. */
export const CLICKABLE_LAYERS: ReadonlyArray<readonly [LayerId, ThematicLayer]> = [
  [LAYER_IDS.incidents, 'incidents'],
  [LAYER_IDS.incidentHalo, 'incidents'],
  [LAYER_IDS.teams, 'teams'],
  [LAYER_IDS.hazardSources, 'hazardSources'],
  [LAYER_IDS.enterprises, 'enterprises'],
  [LAYER_IDS.enterpriseIcons, 'enterprises'],
  [LAYER_IDS.supplyDepots, 'supplyDepots'],
  [LAYER_IDS.shelters, 'shelters'],
  [LAYER_IDS.receptors, 'receptors'],
];
export const CLUSTER_LAYERS: ReadonlyArray<readonly [LayerId, SourceId]> = [
  [LAYER_IDS.hazardClusters, SOURCE_IDS.hazardSources],
  [LAYER_IDS.enterpriseClusters, SOURCE_IDS.enterprises],
  [LAYER_IDS.receptorClusters, SOURCE_IDS.receptors],
];

/** The layers as added: each type's paint in the one shape that shares a GL program (shared-programs.ts). */
export const OPERATIONAL_LAYERS: ReadonlyArray<OperationalLayer> = LAYERS_AS_STYLED.map(inSharedShape);

/**
 * The enterprises' vector source: tiles cut by our worker from the replica (enterprise-tiles/),
 * clustered up to ENTERPRISE_CLUSTER_MAX_ZOOM and over-zoomed above ENTERPRISE_TILE_MAX_ZOOM.
 * Vector tiles are 512 px, as geojson sources' are: zooms and cluster radii mean the same.
 */
const enterpriseSource = (tileUrl: string): SourceSpec => ({
  type: 'vector',
  tiles: [tileUrl],
  maxzoom: ENTERPRISE_TILE_MAX_ZOOM,
  promoteId: 'id',
});

/**
 * Adds the operational sources and their layers (all of them, or only those of `only`), each
 * layer in its place bottom to top whichever were added before: the enterprises go in as soon as
 * the style is parsed, so their tiles are asked for while the replica's other rows are read.
 * @param initialData the features a geojson source starts with (rows read before it was added):
 *   added with its source, they take one trip to the map's worker instead of two
 */
export function addOperationalLayers(
  map: MapLibreMap,
  enterpriseTileUrl: string,
  initialData: (sourceId: string) => GeoJSON.FeatureCollection | undefined = () => undefined,
  only: (sourceId: string) => boolean = () => true,
): void {
  addMapImages(map);
  const sources = { ...OPERATIONAL_SOURCES, [SOURCE_IDS.enterprises]: enterpriseSource(enterpriseTileUrl) };
  for (const [id, spec] of Object.entries(sources)) {
    if (map.getSource(id) || !only(id)) continue;
    const data = spec.type === 'geojson' ? initialData(id) : undefined;
    map.addSource(id, spec.type === 'geojson' && data ? { ...spec, data } : spec);
  }
  OPERATIONAL_LAYERS.forEach((layer, i) => {
    if (map.getLayer(layer.id) || !('source' in layer && typeof layer.source === 'string' && only(layer.source)))
      return;
    const above = OPERATIONAL_LAYERS.slice(i + 1).find((next) => map.getLayer(next.id));
    map.addLayer(layer, above?.id);
  });
}
