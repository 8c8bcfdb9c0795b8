import { describe, expect, it } from 'vitest';
import { Color, createExpression } from '@maplibre/maplibre-gl-style-spec';
import type { StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { CLUSTER_COLOR, HAZARD_CLUSTER_LAYOUT } from '../../../src-renderer/src/map/layer-styles';
import { enterpriseFeature, HAZARD_FEATURES, mapEnterprise } from '../../../src-renderer/src/map/geojson';
import { OPERATIONAL_SOURCES } from '../../../src-renderer/src/map/layers/operational-layers';
import { hazardPasses } from '../../../src-renderer/src/map/map-filters';
import { NO_FILTERS } from '../../../src-renderer/src/map/map-layers-store';
import {
  COVERAGE_COLORS,
  COVERAGE_ORDER,
  RISK_COLORS,
  RISK_ORDER,
  worstRank,
} from '../../../src-renderer/src/map/symbology';
import type { Enterprise } from '@common/schemas/enterprise';

const COLOR_SPEC = {
  type: 'color',
  'property-type': 'data-driven',
  expression: { interpolated: false, parameters: ['zoom', 'feature'] },
} as unknown as StylePropertySpecification;

/** What MapLibre's expression engine gives a cluster whose clusterProperties are `properties`. */
const css = (hex: string) => Color.parse(hex)?.toString();

function clusterColour(expression: unknown, properties: Record<string, number>): string {
  const compiled = createExpression(expression, 'circle-color', COLOR_SPEC);
  if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
  return String(compiled.value.evaluate({ zoom: 9 }, { type: 'Point', properties } as never));
}
describe('enterprise clusters take the colour of their worst member', () => {
  it('ranks grow with badness, worst first in the order; unknown ranks below all', () => {
    expect(RISK_ORDER.map((r) => worstRank(RISK_ORDER, r))).toEqual([3, 2, 1, 0]);
    expect(worstRank(COVERAGE_ORDER, 'none')).toBe(3);
    expect(worstRank(COVERAGE_ORDER, 'current')).toBe(0);
    expect(worstRank(RISK_ORDER, 'unknown' as never)).toBe(-1);
  });

  it('a cluster whose worst member is major risk is red; with no rank it is grey', () => {
    for (const risk of RISK_ORDER)
      expect(clusterColour(CLUSTER_COLOR.risk, { worstRisk: worstRank(RISK_ORDER, risk) })).toBe(
        css(RISK_COLORS[risk]),
      );
    for (const state of COVERAGE_ORDER)
      expect(clusterColour(CLUSTER_COLOR.coverage, { worstCoverage: worstRank(COVERAGE_ORDER, state) })).toBe(
        css(COVERAGE_COLORS[state]),
      );
    expect(clusterColour(CLUSTER_COLOR.risk, {})).toBe(css('#999999'));
  });

  it('each enterprise feature carries the ranks the cluster aggregates read', () => {
    const enterprise = {
      id: 'e1',
      name: '融安县某化工厂',
      sector: 'hazchem_production',
      riskLevel: 'considerable',
      townshipCode: '450224100',
      location: { lng: 109.4, lat: 25.2 },
    } as unknown as Enterprise;
    const f = enterpriseFeature(mapEnterprise(enterprise, 'drill_overdue'));
    expect(f.properties).toMatchObject({
      risk: 'considerable',
      coverage: 'drill_overdue',
      riskRank: worstRank(RISK_ORDER, 'considerable'),
      coverageRank: worstRank(COVERAGE_ORDER, 'drill_overdue'),
    });
  });
});

const IMAGE_SPEC = {
  type: 'resolvedImage',
  'property-type': 'data-driven',
  expression: { interpolated: false, parameters: ['zoom', 'feature'] },
} as unknown as StylePropertySpecification;

function clusterIcon(properties: Record<string, number>): string {
  const compiled = createExpression(HAZARD_CLUSTER_LAYOUT['icon-image'], 'icon-image', IMAGE_SPEC);
  if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
  return String(compiled.value.evaluate({ zoom: 10 }, { type: 'Point', properties } as never));
}

describe('hazard source clusters show their worst member’s grade', () => {
  const hazard = (id: string) => ({ id, name: id, enterpriseId: 'e1', location: { lng: 109.4, lat: 25.2 } }) as never;

  it('each feature carries a severity: its grade, and 5 below the major threshold (grade 0)', () => {
    const severity = (grade: 0 | 1 | 2 | 3 | 4) =>
      HAZARD_FEATURES.feature({ hazard: hazard('h'), grade }).properties['severity'];
    expect([1, 2, 3, 4, 0].map((g) => severity(g as 0 | 1 | 2 | 3 | 4))).toEqual([1, 2, 3, 4, 5]);
    // the source keeps the smallest severity of the members: the worst grade
    expect(OPERATIONAL_SOURCES['hazard-sources']).toMatchObject({
      cluster: true,
      clusterProperties: { worstSeverity: ['min', ['get', 'severity']] },
    });
  });

  it('a cluster draws the diamond of its worst grade; one with only non-major members the grade-0 mark', () => {
    expect([1, 2, 3, 4, 5].map((worstSeverity) => clusterIcon({ worstSeverity }))).toEqual([
      'hazard-1',
      'hazard-2',
      'hazard-3',
      'hazard-4',
      'hazard-0',
    ]);
  });

  it('grade and township filters apply before clustering, so clusters count only what passes', () => {
    const row = (grade: 0 | 1 | 2 | 3 | 4) => ({ hazard: hazard('h'), grade });
    const asked: Array<string> = [];
    const inA = (enterpriseId: string) => {
      asked.push(enterpriseId);
      return 'a';
    };
    const filters = { ...NO_FILTERS, hazardGrades: [1, 2] as Array<0 | 1 | 2 | 3 | 4> };
    expect(hazardPasses(filters, row(1), inA)).toBe(true);
    expect(hazardPasses(filters, row(3), inA)).toBe(false);
    expect(hazardPasses(NO_FILTERS, row(0), inA)).toBe(true);
    // a source's township is its enterprise's, looked up only when townships are filtered
    expect(asked).toEqual([]);
    expect(hazardPasses({ ...filters, townships: ['b' as never] }, row(1), inA)).toBe(false);
    expect(hazardPasses({ ...filters, townships: ['a' as never] }, row(1), inA)).toBe(true);
    expect(asked).toEqual(['e1', 'e1']);
    // an enterprise the catalog does not know (yet) is in no township
    expect(hazardPasses({ ...NO_FILTERS, townships: ['a' as never] }, row(1), () => undefined)).toBe(false);
  });
});
