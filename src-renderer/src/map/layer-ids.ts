/** Every source and layer id on the map, one definition. */
export const SOURCE_IDS = {
  county: 'county-outline',
  townships: 'townships',
  river: 'river',
  enterprises: 'enterprises',
  incidents: 'incidents',
  teams: 'rescue-teams',
  pick: 'pick-location',
} as const;

export const LAYER_IDS = {
  background: 'background',
  countyFill: 'county-fill',
  countyLine: 'county-line',
  river: 'river-line',
  riverLabel: 'river-label',
  townshipDot: 'township-dot',
  townshipLabel: 'township-label',
  enterprises: 'enterprises-circle',
  teams: 'teams-circle',
  teamLabels: 'teams-label',
  incidentHalo: 'incidents-halo',
  incidents: 'incidents-circle',
  incidentLabels: 'incidents-label',
  pick: 'pick-marker',
} as const;

export type LayerId = (typeof LAYER_IDS)[keyof typeof LAYER_IDS];
