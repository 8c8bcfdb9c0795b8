import type { IncidentState } from '@common/schemas/incident';
import { MAP_TEXT_FONT } from './fonts';
import type { CirclePaint, CircleLayout, FillPaint, LinePaint, SymbolLayout, SymbolPaint } from './spec-types';
import {
  COVERAGE_COLORS,
  COVERAGE_ORDER,
  DEPOT_COLOR,
  HAZARD_GRADE_COLORS,
  RECEPTOR_COLOR,
  RESPONSE_LEVEL_COLORS,
  RISK_COLORS,
  RISK_ORDER,
  SHELTER_COLOR,
  worstRank,
} from './symbology';

export { RISK_COLORS };

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

export const BACKGROUND_COLOR = '#eef2f4';

// NOTE: opaque (#f9fbf7 at 0.9 over the background, mixed) and without MapLibre's antialiasing
// outline (the dashed county line draws the edge): an opaque fill goes in the opaque pass, which
// spares the blending and the outline pass; ~10 ms of each county-view frame on software GL.
export const COUNTY_FILL_PAINT: FillPaint = { 'fill-color': '#f8faf7', 'fill-antialias': false };
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

// NOTE: MapLibre's expression types are too narrow for data-built expressions; each one is cast
// once here, where it is made, and the paint/layout objects stay typed.
type Expr = never;
const expr = (e: ReadonlyArray<unknown>) => e as unknown as Expr;

const matchBy = (property: string, colors: Record<string, string>, fallback: string) =>
  expr(['match', ['get', property], ...Object.entries(colors).flat(), fallback]);
const isSelected = ['boolean', ['feature-state', 'selected'], false];
const zoomRamp = (z0: number, v0: number, z1: number, v1: number) =>
  expr(['interpolate', ['linear'], ['zoom'], z0, v0, z1, v1]);
const label = (size: number, offset: number, extra: SymbolLayout = {}): SymbolLayout => ({
  'text-field': ['get', 'name'],
  'text-font': MAP_TEXT_FONT,
  'text-size': size,
  'text-offset': [0, offset],
  'text-anchor': 'top',
  'text-max-width': 10,
  'text-optional': true,
  ...extra,
});
const labelPaint = (color: string): SymbolPaint => ({
  'text-color': color,
  'text-halo-color': '#ffffff',
  'text-halo-width': 1.4,
});
const iconLayout = (image: unknown, size: unknown = 1): SymbolLayout => ({
  'icon-image': expr(image as ReadonlyArray<unknown>),
  'icon-size': size as Expr,
  'icon-allow-overlap': true,
  'icon-ignore-placement': true,
});

/* ---- enterprises: circle coloured by risk (or plan coverage), white sector pictogram on top ---- */

/** per-point colour in each colour mode; the mode switch sets `circle-color` to one of these */
export const ENTERPRISE_COLOR = {
  risk: matchBy('risk', RISK_COLORS, '#999999'),
  coverage: matchBy('coverage', COVERAGE_COLORS, '#999999'),
} as const;

export const ENTERPRISE_PAINT: CirclePaint = {
  'circle-radius': zoomRamp(9, 5, 15, 11),
  'circle-color': ENTERPRISE_COLOR.risk,
  'circle-stroke-color': expr(['case', isSelected, '#000000', '#ffffff']),
  'circle-stroke-width': expr(['case', isSelected, 3, 1.2]),
};
export const ENTERPRISE_ICON_LAYOUT: SymbolLayout = iconLayout(
  ['concat', 'sector-', ['get', 'group']],
  zoomRamp(11, 0.55, 15, 0.9),
);
export const ENTERPRISE_ICON_MINZOOM = 13;
export const ENTERPRISE_LABEL_LAYOUT = label(11, 1.1);
export const ENTERPRISE_LABEL_PAINT = labelPaint('#333333');
export const ENTERPRISE_LABEL_MINZOOM = 15;

/** clusters carry their worst member's rank (clusterProperties `worstRisk`, `worstCoverage`): colour by it */
const worstOf = <K extends string>(order: ReadonlyArray<K>, colors: Record<K, string>, property: string) =>
  expr(['match', ['get', property], ...order.flatMap((k) => [worstRank(order, k), colors[k]]), '#999999']);
export const CLUSTER_COLOR = {
  risk: worstOf(RISK_ORDER, RISK_COLORS, 'worstRisk'),
  coverage: worstOf(COVERAGE_ORDER, COVERAGE_COLORS, 'worstCoverage'),
} as const;
export const ENTERPRISE_CLUSTER_PAINT: CirclePaint = {
  'circle-radius': expr(['step', ['get', 'point_count'], 13, 10, 16, 50, 20, 200, 25, 1000, 31]),
  'circle-color': CLUSTER_COLOR.risk,
  'circle-opacity': 0.88,
  'circle-stroke-color': '#ffffff',
  'circle-stroke-width': 2,
};
export const CLUSTER_COUNT_LAYOUT: SymbolLayout = {
  'text-field': ['get', 'point_count_abbreviated'],
  'text-font': MAP_TEXT_FONT,
  'text-size': 12,
  'text-allow-overlap': true,
  'text-ignore-placement': true,
};
export const CLUSTER_COUNT_PAINT: SymbolPaint = {
  'text-color': '#ffffff',
  'text-halo-color': 'rgba(0,0,0,0.45)',
  'text-halo-width': 1,
};

/* ---- receptors (schools, hospitals...), clustered too ---- */
export const RECEPTOR_CLUSTER_PAINT: CirclePaint = {
  'circle-radius': expr(['step', ['get', 'point_count'], 11, 10, 14, 50, 18]),
  'circle-color': RECEPTOR_COLOR,
  'circle-opacity': 0.8,
  'circle-stroke-color': '#ffffff',
  'circle-stroke-width': 2,
};
export const RECEPTOR_LAYOUT: SymbolLayout = iconLayout(
  ['concat', 'receptor-', ['get', 'kind']],
  zoomRamp(10, 0.75, 15, 1),
);
export const RECEPTOR_LABEL_LAYOUT = label(11, 0.9);
export const RECEPTOR_LABEL_PAINT = labelPaint(RECEPTOR_COLOR);
export const POI_LABEL_MINZOOM = 13;

/* ---- shelters and supply depots ---- */
export const SHELTER_LAYOUT: SymbolLayout = iconLayout(['literal', 'shelter'], zoomRamp(9, 0.75, 15, 1));
export const SHELTER_LABEL_PAINT = labelPaint(SHELTER_COLOR);
export const DEPOT_LAYOUT: SymbolLayout = iconLayout(['literal', 'depot'], zoomRamp(9, 0.75, 15, 1));
export const DEPOT_LABEL_PAINT = labelPaint(DEPOT_COLOR);
export const POI_LABEL_LAYOUT = label(11, 0.9);

/* ---- major hazard sources: a diamond in the grade's colour with the grade number ---- */
export const HAZARD_LAYOUT: SymbolLayout = {
  ...iconLayout(['concat', 'hazard-', ['to-string', ['get', 'grade']]], zoomRamp(9, 0.8, 15, 1.1)),
  'symbol-sort-key': expr(['-', 10, ['get', 'grade']]),
};
/**
 * A cluster of hazard sources: the diamond of its worst member's grade (clusterProperties
 * `worstSeverity`, 5 = below the major threshold, drawn as grade 0) with the count beside it.
 */
export const HAZARD_CLUSTER_LAYOUT: SymbolLayout = {
  ...iconLayout(
    ['concat', 'hazard-', ['to-string', ['case', ['==', ['get', 'worstSeverity'], 5], 0, ['get', 'worstSeverity']]]],
    zoomRamp(9, 0.95, 11, 1.1),
  ),
  'text-field': ['get', 'point_count_abbreviated'],
  'text-font': MAP_TEXT_FONT,
  'text-size': 11,
  'text-anchor': 'bottom-left',
  'text-offset': [0.55, -0.35],
  'text-allow-overlap': true,
  'text-ignore-placement': true,
};
export const HAZARD_CLUSTER_PAINT: SymbolPaint = {
  'text-color': '#8c1d1d',
  'text-halo-color': '#ffffff',
  'text-halo-width': 1.6,
};
export const HAZARD_LABEL_LAYOUT = label(11, 1.1);
export const HAZARD_LABEL_PAINT = labelPaint('#8c1d1d');
export const HAZARD_LABEL_MINZOOM = 13;
export { HAZARD_GRADE_COLORS };

/* ---- rescue teams: a shield in the status colour with the team type's pictogram ---- */
export const TEAM_LAYOUT: SymbolLayout = {
  ...iconLayout(['concat', 'team-', ['get', 'type'], '-', ['get', 'status']], zoomRamp(9, 0.8, 15, 1.1)),
};
export const TEAM_LABEL_LAYOUT = label(11, 1.2);
export const TEAM_LABEL_PAINT = labelPaint(TEAM_COLOR);
/** team names only when zoomed in: they crowd the county view */
export const TEAM_LABEL_MINZOOM = 12;

/* ---- incidents: colour by response level when one is active, else by state; drills purple ---- */
const isDrill = ['==', ['get', 'mode'], 'drill'];
const isClosed = ['in', ['get', 'state'], ['literal', ['terminated', 'closed', 'dismissed']]];
const incidentColor = expr([
  'case',
  isDrill,
  DRILL_COLOR,
  isClosed,
  matchBy('state', INCIDENT_STATE_COLORS, '#8c8c8c'),
  ['>', ['get', 'level'], 0],
  ['match', ['get', 'level'], ...Object.entries(RESPONSE_LEVEL_COLORS).flatMap(([k, v]) => [Number(k), v]), '#cf1322'],
  matchBy('state', INCIDENT_STATE_COLORS, '#cf1322'),
]);

export const INCIDENT_HALO_PAINT: CirclePaint = {
  'circle-radius': expr(['case', isSelected, 22, isClosed, 10, 16]),
  'circle-color': incidentColor,
  'circle-opacity': expr(['case', isClosed, 0.12, 0.25]),
  // drills get a dashed-looking double ring: a purple outline around the halo
  'circle-stroke-color': DRILL_COLOR,
  'circle-stroke-width': expr(['case', isDrill, 2, 0]),
};

export const INCIDENT_PAINT: CirclePaint = {
  'circle-radius': expr(['case', isClosed, 6, 9]),
  'circle-color': incidentColor,
  'circle-stroke-color': expr(['case', isSelected, '#000000', '#ffffff']),
  'circle-stroke-width': expr(['case', isSelected, 3, 2]),
};

export const INCIDENT_LABEL_LAYOUT: SymbolLayout = {
  // `label` carries the 【演练】 badge for drills (made in geojson.ts, in the UI language)
  'text-field': ['get', 'label'],
  'text-font': MAP_TEXT_FONT,
  'text-size': 13,
  // below the point, else above or beside it; where no place is free the label of the incident
  // that matters less (geojson.ts incidentLabelRank) gives way instead of printing over another
  'text-variable-anchor': ['top', 'bottom', 'right', 'left'],
  'text-radial-offset': 1.3,
  'text-justify': 'auto',
  'text-max-width': 14,
  'text-padding': 3,
  'symbol-sort-key': ['get', 'labelRank'],
};
export const INCIDENT_LABEL_PAINT: SymbolPaint = {
  'text-color': expr(['case', isDrill, DRILL_COLOR, '#a8071a']),
  'text-halo-color': '#ffffff',
  'text-halo-width': 2,
};

/* ---- selection ring, temporary overlays, the pick marker ---- */
export const SELECTION_PAINT: CirclePaint = {
  'circle-radius': 17,
  'circle-color': 'rgba(0,0,0,0)',
  'circle-stroke-color': '#00e5ff',
  'circle-stroke-width': 3.5,
};
export const OVERLAY_DEFAULT_COLOR = '#0050b3';
const overlayColor = expr(['coalesce', ['get', 'color'], OVERLAY_DEFAULT_COLOR]);
export const OVERLAY_FILL_PAINT: FillPaint = { 'fill-color': overlayColor, 'fill-opacity': 0.1 };
export const OVERLAY_LINE_PAINT: LinePaint = {
  'line-color': overlayColor,
  'line-width': 2.5,
  'line-dasharray': expr(['case', ['==', ['get', 'overlay'], 'measure'], ['literal', [2, 1.5]], ['literal', [1, 0]]]),
};
export const OVERLAY_POINT_PAINT: CirclePaint = {
  'circle-radius': 5,
  'circle-color': '#ffffff',
  'circle-stroke-color': overlayColor,
  'circle-stroke-width': 2.5,
};
export const OVERLAY_LABEL_LAYOUT: SymbolLayout = {
  'text-field': ['coalesce', ['get', 'label'], ''],
  'text-font': MAP_TEXT_FONT,
  'text-size': 13,
  'text-offset': [0, -1.1],
  'text-anchor': 'bottom',
  'text-allow-overlap': true,
  'symbol-placement': 'point',
};
export const OVERLAY_LABEL_PAINT: SymbolPaint = {
  'text-color': overlayColor,
  'text-halo-color': '#ffffff',
  'text-halo-width': 2,
};

export const PICK_PAINT: CirclePaint = {
  'circle-radius': 11,
  'circle-color': 'rgba(0,0,0,0)',
  'circle-stroke-color': '#0050b3',
  'circle-stroke-width': 3,
};

export type { CircleLayout };
