import type { Feature, Point } from 'geojson';
import type { Enterprise } from '@common/schemas/enterprise';
import type { HazardSource } from '@common/schemas/hazard-source';
import type { Incident } from '@common/schemas/incident';
import type { LngLat } from '@common/schemas/common';
import type { Receptor, Shelter, SupplyDepot } from '@common/schemas/places';
import type { RescueTeam } from '@common/schemas/rescue-team';
import { COVERAGE_ORDER, RISK_ORDER, sectorGroup, worstRank } from './symbology';
import type { CoverageState, HazardGradeKey } from './symbology';

/**
 * Small pure functions from replica rows to the GeoJSON features the map's sources take, each with
 * the cheap version string the live sources diff on (only the fields the map draws).
 */

export type Props = Record<string, string | number | boolean>;
export type MapFeature = Feature<Point, Props> & { id: string };

/** How one kind of row becomes a keyed feature. */
export type FeatureAdapter<Row> = {
  id(row: Row): string;
  version(row: Row): string;
  feature(row: Row): MapFeature;
};

const point = (id: string, at: LngLat, properties: Props): MapFeature => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [at.lng, at.lat] },
  properties: { id, ...properties },
});

const at = (p: LngLat) => `${p.lng},${p.lat}`;

/**
 * What the map keeps of an enterprise, with the plan coverage it derives from src-common's rules.
 * 50,000 of these are clustered in the enterprise-tiles worker and cached there between sessions,
 * so only what the layers draw, filter on or locate by.
 */
export type MapEnterprise = Pick<Enterprise, 'id' | 'name' | 'sector' | 'riskLevel' | 'townshipCode'> & {
  lng: number;
  lat: number;
  coverage: CoverageState;
};

export const mapEnterprise = (e: Enterprise, coverage: CoverageState): MapEnterprise => ({
  id: e.id,
  name: e.name,
  sector: e.sector,
  riskLevel: e.riskLevel,
  townshipCode: e.townshipCode,
  lng: e.location.lng,
  lat: e.location.lat,
  coverage,
});

/**
 * An enterprise as the map's layers read it. `riskRank` / `coverageRank` let a cluster keep its
 * worst member with one `max` each.
 */
export const enterpriseFeature = (e: MapEnterprise): MapFeature =>
  point(e.id, e, {
    name: e.name,
    group: sectorGroup(e.sector),
    risk: e.riskLevel,
    coverage: e.coverage,
    riskRank: worstRank(RISK_ORDER, e.riskLevel),
    coverageRank: worstRank(COVERAGE_ORDER, e.coverage),
  });

/**
 * A hazard source with its computed GB 18218 grade. (Its township is its enterprise's, looked up
 * only when the map is filtered by township: map-filters.ts.)
 */
export type HazardRow = { hazard: HazardSource; grade: HazardGradeKey };

export const HAZARD_FEATURES: FeatureAdapter<HazardRow> = {
  id: (r) => r.hazard.id,
  version: ({ hazard: h, grade }) => `${at(h.location)}|${h.name}|${grade}`,
  // `severity` 1 (一级) … 4 (四级), 5 for a source below the major threshold: a cluster keeps its
  // worst member with one `min` (grade 0 means "not major", so the grade itself can't be min'd)
  feature: ({ hazard: h, grade }) =>
    point(h.id, h.location, { name: h.name, grade, severity: grade === 0 ? 5 : grade }),
};

export const TEAM_FEATURES: FeatureAdapter<RescueTeam> = {
  id: (t) => t.id,
  version: (t) => `${at(t.location)}|${t.status}|${t.type}|${t.name}`,
  feature: (t) => point(t.id, t.location, { name: t.name, status: t.status, type: t.type }),
};

const CLOSED_STATES: ReadonlySet<Incident['state']> = new Set(['terminated', 'closed', 'dismissed']);
const YEAR_2100_MS = Date.parse('2100-01-01T00:00:00Z');

/**
 * Which incident keeps its label where labels would overlap (the map's `symbol-sort-key`: lower
 * wins): open real incidents, then open drills, then ended ones; newest first within each.
 * Several reports at one mill, or a drill beside a real call, otherwise print over each other.
 */
export function incidentLabelRank(i: Pick<Incident, 'state' | 'mode' | 'reportedAt'>): number {
  const tier = CLOSED_STATES.has(i.state) ? 2 : i.mode === 'drill' ? 1 : 0;
  // minutes before 2100: positive, newer is smaller, and far below one tier's 1e8
  const age = (YEAR_2100_MS - Date.parse(i.reportedAt)) / 60_000;
  return tier * 1e8 + Math.max(0, Math.min(age, 1e8 - 1));
}

/** `drillBadge` (e.g. 演练) is put in front of drill titles so no map label can pass for a real incident. */
export function incidentFeatures(drillBadge: string): FeatureAdapter<Incident> {
  return {
    id: (i) => i.id,
    version: (i) => `${i.lastSeq}|${drillBadge}`,
    feature: (i) =>
      point(i.id, i.location, {
        title: i.title,
        label: i.mode === 'drill' && !i.title.includes(drillBadge) ? `【${drillBadge}】${i.title}` : i.title,
        mode: i.mode,
        state: i.state,
        level: i.level ?? 0,
        category: i.category,
        labelRank: incidentLabelRank(i),
      }),
  };
}

export const SHELTER_FEATURES: FeatureAdapter<Shelter> = {
  id: (s) => s.id,
  version: (s) => `${at(s.location)}|${s.name}|${s.townshipCode}|${s.capacity}`,
  feature: (s) =>
    point(s.id, s.location, { name: s.name, township: s.townshipCode, kind: s.kind, capacity: s.capacity }),
};

export const DEPOT_FEATURES: FeatureAdapter<SupplyDepot> = {
  id: (d) => d.id,
  version: (d) => `${at(d.location)}|${d.name}|${d.townshipCode}`,
  feature: (d) => point(d.id, d.location, { name: d.name, township: d.townshipCode }),
};

export const RECEPTOR_FEATURES: FeatureAdapter<Receptor> = {
  id: (r) => r.id,
  version: (r) => `${at(r.location)}|${r.name}|${r.kind}|${r.townshipCode}`,
  feature: (r) =>
    point(r.id, r.location, { name: r.name, kind: r.kind, township: r.townshipCode, population: r.population }),
};

export function pickFeatures(p: LngLat | null): Array<MapFeature> {
  return p ? [point('pick', p, {})] : [];
}
