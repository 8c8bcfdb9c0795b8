import type { Map as MapLibreMap } from 'maplibre-gl';
import { LAYER_IDS, SOURCE_IDS } from '../layer-ids';
import {
  ENTERPRISE_PAINT,
  INCIDENT_HALO_PAINT,
  INCIDENT_LABEL_LAYOUT,
  INCIDENT_LABEL_PAINT,
  INCIDENT_PAINT,
  PICK_PAINT,
  TEAM_LABEL_LAYOUT,
  TEAM_LABEL_MINZOOM,
  TEAM_LABEL_PAINT,
  TEAM_PAINT,
} from '../layer-styles';
import type { OperationalLayer } from '../spec-types';

/** The live sources, all GeoJSON fed from the Dexie replica; `promoteId` enables feature-state. */
const OPERATIONAL_SOURCES = [SOURCE_IDS.enterprises, SOURCE_IDS.teams, SOURCE_IDS.incidents, SOURCE_IDS.pick] as const;

/** Bottom to top: enterprises, teams, incidents (always on top of base data), the pick marker. */
export const OPERATIONAL_LAYERS: ReadonlyArray<OperationalLayer> = [
  { id: LAYER_IDS.enterprises, type: 'circle', source: SOURCE_IDS.enterprises, paint: ENTERPRISE_PAINT },
  { id: LAYER_IDS.teams, type: 'circle', source: SOURCE_IDS.teams, paint: TEAM_PAINT },
  {
    id: LAYER_IDS.teamLabels,
    type: 'symbol',
    source: SOURCE_IDS.teams,
    minzoom: TEAM_LABEL_MINZOOM,
    layout: TEAM_LABEL_LAYOUT,
    paint: TEAM_LABEL_PAINT,
  },
  { id: LAYER_IDS.incidentHalo, type: 'circle', source: SOURCE_IDS.incidents, paint: INCIDENT_HALO_PAINT },
  { id: LAYER_IDS.incidents, type: 'circle', source: SOURCE_IDS.incidents, paint: INCIDENT_PAINT },
  {
    id: LAYER_IDS.incidentLabels,
    type: 'symbol',
    source: SOURCE_IDS.incidents,
    layout: INCIDENT_LABEL_LAYOUT,
    paint: INCIDENT_LABEL_PAINT,
  },
  { id: LAYER_IDS.pick, type: 'circle', source: SOURCE_IDS.pick, paint: PICK_PAINT },
];

/** The one place operational sources and layers are added to the map. */
export function addOperationalLayers(map: MapLibreMap): void {
  for (const id of OPERATIONAL_SOURCES) {
    if (!map.getSource(id))
      map.addSource(id, { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id' });
  }
  for (const layer of OPERATIONAL_LAYERS) {
    if (!map.getLayer(layer.id)) map.addLayer(layer);
  }
}

/** Layers whose features can be clicked to select an incident. */
export const INCIDENT_CLICK_LAYERS = [LAYER_IDS.incidents, LAYER_IDS.incidentHalo];
