import type { ThematicLayer } from './map-controller';

/** Every source and layer id on the map, one definition. */
export const SOURCE_IDS = {
  county: 'county-outline',
  townships: 'townships',
  river: 'river',
  basemapRaster: 'basemap-raster',
  enterprises: 'enterprises',
  hazardSources: 'hazard-sources',
  incidents: 'incidents',
  teams: 'rescue-teams',
  shelters: 'shelters',
  supplyDepots: 'supply-depots',
  receptors: 'receptors',
  pick: 'pick-location',
  selection: 'selection',
  overlays: 'overlays',
} as const;
export type SourceId = (typeof SOURCE_IDS)[keyof typeof SOURCE_IDS];

/** The source that holds each thematic layer's features. */
export const THEMATIC_SOURCE: Record<ThematicLayer, SourceId> = {
  enterprises: SOURCE_IDS.enterprises,
  hazardSources: SOURCE_IDS.hazardSources,
  teams: SOURCE_IDS.teams,
  incidents: SOURCE_IDS.incidents,
  shelters: SOURCE_IDS.shelters,
  supplyDepots: SOURCE_IDS.supplyDepots,
  receptors: SOURCE_IDS.receptors,
};

export const LAYER_IDS = {
  basemapRaster: 'basemap-raster',
  countyFill: 'county-fill',
  countyLine: 'county-line',
  river: 'river-line',
  riverLabel: 'river-label',
  townshipDot: 'township-dot',
  townshipLabel: 'township-label',
  enterpriseClusters: 'enterprises-cluster',
  enterpriseClusterCount: 'enterprises-cluster-count',
  enterprises: 'enterprises-circle',
  enterpriseIcons: 'enterprises-icon',
  enterpriseLabels: 'enterprises-label',
  receptorClusters: 'receptors-cluster',
  receptorClusterCount: 'receptors-cluster-count',
  receptors: 'receptors-symbol',
  receptorLabels: 'receptors-label',
  shelters: 'shelters-symbol',
  shelterLabels: 'shelters-label',
  supplyDepots: 'supply-depots-symbol',
  supplyDepotLabels: 'supply-depots-label',
  hazardClusters: 'hazard-sources-cluster',
  hazardSources: 'hazard-sources-symbol',
  hazardSourceLabels: 'hazard-sources-label',
  teams: 'teams-symbol',
  teamLabels: 'teams-label',
  incidentPulse: 'incidents-pulse',
  incidentHalo: 'incidents-halo',
  incidents: 'incidents-circle',
  incidentLabels: 'incidents-label',
  overlayFill: 'overlay-fill',
  overlayLine: 'overlay-line',
  overlayPoint: 'overlay-point',
  overlayLabel: 'overlay-label',
  selection: 'selection-ring',
  pick: 'pick-marker',
} as const;

export type LayerId = (typeof LAYER_IDS)[keyof typeof LAYER_IDS];
