import { describe, expect, it } from 'vitest';
import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import type { StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { incidentLabelRank } from '../../../src-renderer/src/map/geojson';
import { INCIDENT_LABEL_LAYOUT } from '../../../src-renderer/src/map/layer-styles';

/** Which incident keeps its label where labels collide: the lower rank is placed first. */
describe('incident labels give way by importance', () => {
  const at = (reportedAt: string, state: 'reported' | 'responding' | 'closed' = 'reported', mode = 'real') =>
    incidentLabelRank({ reportedAt, state, mode: mode as 'real' | 'drill' });

  it('an open real incident before an open drill before an ended one, whatever their age', () => {
    const oldReal = at('2026-01-01T00:00:00+08:00', 'responding');
    const newDrill = at('2026-11-29T03:00:00+08:00', 'reported', 'drill');
    const newClosed = at('2026-11-29T03:05:00+08:00', 'closed');
    expect(oldReal).toBeLessThan(newDrill);
    expect(newDrill).toBeLessThan(newClosed);
  });

  it('newest first among equals, to the minute', () => {
    expect(at('2026-11-29T03:01:00+08:00')).toBeLessThan(at('2026-11-29T03:00:00+08:00'));
    expect(at('2026-11-29T03:00:00Z')).toBe(at('2026-11-29T11:00:00+08:00'));
  });

  it('the map places labels by that rank and does not print them over each other', () => {
    const spec = { type: 'number', 'property-type': 'data-driven', expression: { parameters: ['zoom', 'feature'] } };
    const sortKey = createExpression(
      INCIDENT_LABEL_LAYOUT['symbol-sort-key'],
      'symbol-sort-key',
      spec as StylePropertySpecification,
    );
    if (sortKey.result !== 'success') throw new Error(JSON.stringify(sortKey.value));
    expect(sortKey.value.evaluate({ zoom: 12 }, { type: 'Point', properties: { labelRank: 42 } } as never)).toBe(42);
    expect(INCIDENT_LABEL_LAYOUT['text-allow-overlap']).not.toBe(true);
  });
});
