import type { RiskLevel } from '@common/schemas/enterprise';
import type { IncidentState } from '@common/schemas/incident';
import type { TeamStatus } from '@common/schemas/rescue-team';
import { MAP_TEXT_FONT } from './fonts';
import type { CirclePaint, FillPaint, LinePaint, SymbolLayout, SymbolPaint } from './spec-types';

/** 四色 risk colours (DOMAIN.md): 重大 red, 较大 orange, 一般 yellow, 低 blue. */
export const RISK_COLORS: Record<RiskLevel, string> = {
  major: '#e02020',
  considerable: '#fa8c16',
  general: '#fadb14',
  low: '#1677ff',
};

export const INCIDENT_STATE_COLORS: Record<IncidentState, string> = {
  reported: '#cf1322',
  verified: '#d4380d',
  responding: '#a8071a',
  suspended: '#d48806',
  terminated: '#8c8c8c',
  closed: '#595959',
  dismissed: '#bfbfbf',
};

/** Drills are purple everywhere (map, badges): never to be taken for a real incident. */
export const DRILL_COLOR = '#722ed1';
export const TEAM_COLOR = '#237804';

const TEAM_STATUS_COLORS: Record<TeamStatus, string> = {
  available: '#389e0d',
  dispatched: '#1677ff',
  en_route: '#1677ff',
  on_scene: '#cf1322',
  returning: '#8c8c8c',
  unavailable: '#bfbfbf',
};

const matchBy = (property: string, colors: Record<string, string>, fallback: string) =>
  ['match', ['get', property], ...Object.entries(colors).flat(), fallback] as unknown as CirclePaint['circle-color'];

export const BACKGROUND_COLOR = '#eef2f4';

export const COUNTY_FILL_PAINT: FillPaint = { 'fill-color': '#f9fbf7', 'fill-opacity': 0.9 };
export const COUNTY_LINE_PAINT: LinePaint = { 'line-color': '#7f8c8d', 'line-width': 2, 'line-dasharray': [4, 2] };
export const RIVER_PAINT: LinePaint = { 'line-color': '#7fb8e6', 'line-width': 3 };
export const RIVER_LABEL_LAYOUT: SymbolLayout = {
  'symbol-placement': 'line',
  'text-field': ['get', 'name'],
  'text-font': MAP_TEXT_FONT,
  'text-size': 13,
};
export const RIVER_LABEL_PAINT: SymbolPaint = {
  'text-color': '#3a78b0',
  'text-halo-color': '#fff',
  'text-halo-width': 1,
};

export const TOWNSHIP_DOT_PAINT: CirclePaint = {
  'circle-radius': 3,
  'circle-color': '#5b6770',
  'circle-stroke-color': '#fff',
  'circle-stroke-width': 1,
};
export const TOWNSHIP_LABEL_LAYOUT: SymbolLayout = {
  'text-field': ['get', 'name'],
  'text-font': MAP_TEXT_FONT,
  'text-size': 14,
  'text-offset': [0, 0.9],
  'text-anchor': 'top',
};
export const TOWNSHIP_LABEL_PAINT: SymbolPaint = {
  'text-color': '#37474f',
  'text-halo-color': '#ffffff',
  'text-halo-width': 1.5,
};

export const ENTERPRISE_PAINT: CirclePaint = {
  'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 4, 13, 8],
  'circle-color': matchBy('riskLevel', RISK_COLORS, '#999'),
  'circle-stroke-color': '#333',
  'circle-stroke-width': 0.8,
  'circle-opacity': 0.9,
};

export const TEAM_PAINT: CirclePaint = {
  'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 4, 13, 7],
  'circle-color': '#ffffff',
  'circle-stroke-color': matchBy('status', TEAM_STATUS_COLORS, TEAM_COLOR),
  'circle-stroke-width': 3,
};
export const TEAM_LABEL_LAYOUT: SymbolLayout = {
  'text-field': ['get', 'name'],
  'text-font': MAP_TEXT_FONT,
  'text-size': 11,
  'text-offset': [0, 1],
  'text-anchor': 'top',
  'text-optional': true,
};
export const TEAM_LABEL_PAINT: SymbolPaint = {
  'text-color': TEAM_COLOR,
  'text-halo-color': '#fff',
  'text-halo-width': 1,
};
/** team names only when zoomed in: they crowd the county view */
export const TEAM_LABEL_MINZOOM = 12;

const isDrill = ['==', ['get', 'mode'], 'drill'];
const isSelected = ['boolean', ['feature-state', 'selected'], false];

export const INCIDENT_HALO_PAINT: CirclePaint = {
  'circle-radius': ['case', isSelected, 22, 16] as unknown as CirclePaint['circle-radius'],
  'circle-color': ['case', isDrill, DRILL_COLOR, matchBy('state', INCIDENT_STATE_COLORS, '#cf1322')] as never,
  'circle-opacity': 0.22,
};

export const INCIDENT_PAINT: CirclePaint = {
  'circle-radius': 9,
  'circle-color': ['case', isDrill, DRILL_COLOR, matchBy('state', INCIDENT_STATE_COLORS, '#cf1322')] as never,
  'circle-stroke-color': ['case', isSelected, '#000000', isDrill, '#ffffff', '#fff1f0'] as never,
  'circle-stroke-width': ['case', isSelected, 3, 2] as never,
};

export const INCIDENT_LABEL_LAYOUT: SymbolLayout = {
  // `label` carries the 【演练】 badge for drills (made in geojson.ts, in the UI language)
  'text-field': ['get', 'label'],
  'text-font': MAP_TEXT_FONT,
  'text-size': 13,
  'text-offset': [0, 1.3],
  'text-anchor': 'top',
  'text-max-width': 14,
  'text-allow-overlap': true,
};
export const INCIDENT_LABEL_PAINT: SymbolPaint = {
  'text-color': ['case', isDrill, DRILL_COLOR, '#a8071a'] as never,
  'text-halo-color': '#ffffff',
  'text-halo-width': 2,
};

export const PICK_PAINT: CirclePaint = {
  'circle-radius': 11,
  'circle-color': 'rgba(0,0,0,0)',
  'circle-stroke-color': '#0050b3',
  'circle-stroke-width': 3,
};
