import { describe, expect, it } from 'vitest';
import { createPropertyExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import {
  ENTERPRISE_PAINT,
  INCIDENT_HALO_PAINT,
  PICK_PAINT,
  TOWNSHIP_DOT_PAINT,
} from '../../../src-renderer/src/map/layer-styles';
import { OPERATIONAL_LAYERS } from '../../../src-renderer/src/map/layers/operational-layers';
import { sharedCirclePaint } from '../../../src-renderer/src/map/layers/shared-circle-program';
import type { CirclePaint } from '../../../src-renderer/src/map/spec-types';

const PROPERTIES = ['circle-color', 'circle-opacity', 'circle-radius', 'circle-stroke-color', 'circle-stroke-width'];
const specOf = (property: string) =>
  (latest as unknown as { paint_circle: Record<string, StylePropertySpecification> }).paint_circle[
    property
  ] as StylePropertySpecification;

function compile(property: string, value: unknown) {
  const result = createPropertyExpression(value, property, specOf(property));
  if (result.result !== 'success') throw new Error(`${property}: ${JSON.stringify(result.value)}`);
  return result.value;
}

/** What MapLibre keys a circle program on: per property constant / camera → u_, source → a_, composite → z_. */
function programShape(paint: CirclePaint): string {
  return PROPERTIES.map((p) => {
    const value = (paint as Record<string, unknown>)[p];
    const kind = value === undefined ? 'constant' : compile(p, value).kind;
    return `${kind === 'source' ? 'a' : kind === 'composite' ? 'z' : 'u'}_${p}`;
  }).join('/');
}

function evaluate(property: string, value: unknown, zoom: number, properties: Record<string, unknown>, state = {}) {
  const e = compile(property, value) as unknown as {
    evaluate(globals: { zoom: number }, feature: unknown, state: unknown): unknown;
  };
  return String(e.evaluate({ zoom }, { type: 'Point', properties }, state));
}

describe('every circle layer shares one GL program', () => {
  it('the circle layers of the map and the offline basemap all have the same shape', () => {
    const circles = OPERATIONAL_LAYERS.filter((l) => l.type === 'circle').map(
      (l) => (l as { paint: CirclePaint }).paint,
    );
    expect(circles.length).toBeGreaterThanOrEqual(8);
    const shapes = new Set([...circles, sharedCirclePaint(TOWNSHIP_DOT_PAINT)].map(programShape));
    expect([...shapes]).toEqual([
      'a_circle-color/a_circle-opacity/z_circle-radius/a_circle-stroke-color/a_circle-stroke-width',
    ]);
    // as styled they came in several shapes (what this saves)
    expect(new Set([ENTERPRISE_PAINT, INCIDENT_HALO_PAINT, PICK_PAINT].map(programShape)).size).toBe(3);
  });

  it('values are unchanged: constants, zoom ramps, data and feature state, defaults', () => {
    const cases: Array<{ paint: CirclePaint; props: Record<string, unknown>; state?: Record<string, unknown> }> = [
      { paint: ENTERPRISE_PAINT, props: { risk: 'major' } },
      { paint: ENTERPRISE_PAINT, props: { risk: 'low' }, state: { selected: true } },
      { paint: INCIDENT_HALO_PAINT, props: { state: 'closed', mode: 'drill', grade: 'general' } },
      { paint: PICK_PAINT, props: {} },
      { paint: TOWNSHIP_DOT_PAINT, props: {} },
    ];
    const defaults: Record<string, unknown> = {
      'circle-color': '#000000',
      'circle-opacity': 1,
      'circle-radius': 5,
      'circle-stroke-color': '#000000',
      'circle-stroke-width': 0,
    };
    for (const { paint, props, state } of cases) {
      const shared = sharedCirclePaint(paint) as Record<string, unknown>;
      for (const p of PROPERTIES)
        for (const zoom of [5, 9, 12, 15, 18]) {
          const original = (paint as Record<string, unknown>)[p] ?? defaults[p];
          expect(evaluate(p, shared[p], zoom, props, state), `${p} at z${zoom}`).toBe(
            evaluate(p, original, zoom, props, state),
          );
        }
    }
  });
});
