import { describe, expect, it } from 'vitest';
import { createPropertyExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import {
  COUNTY_LINE_PAINT,
  ENTERPRISE_PAINT,
  INCIDENT_HALO_PAINT,
  INCIDENT_LABEL_PAINT,
  OVERLAY_LINE_PAINT,
  PICK_PAINT,
  RIVER_PAINT,
  TOWNSHIP_DOT_PAINT,
  TOWNSHIP_LABEL_PAINT,
} from '../../../src-renderer/src/map/layer-styles';
import { OPERATIONAL_LAYERS } from '../../../src-renderer/src/map/layers/operational-layers';
import {
  sharedCirclePaint,
  sharedLinePaint,
  sharedTextPaint,
} from '../../../src-renderer/src/map/layers/shared-programs';
import { buildOfflineStyle } from '../../../src-renderer/src/map/offline-style';
import type { CirclePaint, LayerSpec } from '../../../src-renderer/src/map/spec-types';

type Paint = Record<string, unknown>;
type Kind = 'circle' | 'symbol' | 'line';
/** The paint properties each program is configured by (MapLibre's paint attributes for the type). */
const PROPERTIES: Record<Kind, ReadonlyArray<string>> = {
  circle: ['circle-color', 'circle-opacity', 'circle-radius', 'circle-stroke-color', 'circle-stroke-width'],
  symbol: ['text-color', 'text-halo-color', 'text-halo-width', 'text-halo-blur', 'text-opacity'],
  line: ['line-color', 'line-opacity', 'line-width', 'line-gap-width', 'line-offset', 'line-blur', 'line-dasharray'],
};
const kindOf = (property: string): Kind => (property.startsWith('text-') ? 'symbol' : (property.split('-')[0] as Kind));
const specOf = (property: string) =>
  (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[`paint_${kindOf(property)}`]?.[
    property
  ] as StylePropertySpecification;

/** A constant array (a dash pattern) is data, which the expression parser takes as `literal`. */
const asExpression = (value: unknown) =>
  Array.isArray(value) && typeof value[0] !== 'string' ? ['literal', value] : value;

function compile(property: string, value: unknown) {
  const result = createPropertyExpression(asExpression(value), property, specOf(property));
  if (result.result !== 'success') throw new Error(`${property}: ${JSON.stringify(result.value)}`);
  return result.value;
}

/**
 * What MapLibre keys a program on: per property constant / camera → u_, source → a_, composite → z_;
 * and for lines, which program: dashed lines have their own (`lineSDF`).
 */
function programShape(kind: Kind, paint: Paint): string {
  const program = kind !== 'line' ? '' : paint['line-dasharray'] === undefined ? 'line:' : 'lineSDF:';
  return (
    program +
    PROPERTIES[kind]
      .map((p) => {
        const value = paint[p];
        const expression = value === undefined ? 'constant' : compile(p, value).kind;
        return `${expression === 'source' ? 'a' : expression === 'composite' ? 'z' : 'u'}_${p}`;
      })
      .join('/')
  );
}

function evaluate(property: string, value: unknown, zoom: number, properties: Record<string, unknown>, state = {}) {
  const e = compile(property, value) as unknown as {
    evaluate(globals: { zoom: number }, feature: unknown, state: unknown): unknown;
  };
  return String(e.evaluate({ zoom }, { type: 'Point', properties }, state));
}

/** The operational layers and the offline basemap's, as the map gets them. */
const ALL_LAYERS: ReadonlyArray<LayerSpec> = [
  ...(OPERATIONAL_LAYERS as ReadonlyArray<LayerSpec>),
  ...buildOfflineStyle({ language: 'zh-CN', river: '融江' }).layers,
];
const paintsOf = (kind: Kind) =>
  ALL_LAYERS.filter(
    (l) => l.type === kind && (kind !== 'symbol' || (l.layout !== undefined && 'text-field' in l.layout)),
  ).map((l) => ('paint' in l ? (l.paint as Paint | undefined) : undefined) ?? {});

describe('every circle layer shares one GL program', () => {
  it('the circle layers of the map and the offline basemap all have the same shape', () => {
    const circles = paintsOf('circle');
    expect(circles.length).toBeGreaterThanOrEqual(9);
    const shapes = new Set(circles.map((paint) => programShape('circle', paint)));
    expect([...shapes]).toEqual([
      'a_circle-color/a_circle-opacity/z_circle-radius/a_circle-stroke-color/a_circle-stroke-width',
    ]);
    // as styled they came in several shapes (what this saves)
    const styled = [ENTERPRISE_PAINT, INCIDENT_HALO_PAINT, PICK_PAINT] as Array<Paint>;
    expect(new Set(styled.map((paint) => programShape('circle', paint))).size).toBe(3);
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
      for (const p of PROPERTIES.circle)
        for (const zoom of [5, 9, 12, 15, 18]) {
          const original = (paint as Record<string, unknown>)[p] ?? defaults[p];
          expect(evaluate(p, shared[p], zoom, props, state), `${p} at z${zoom}`).toBe(
            evaluate(p, original, zoom, props, state),
          );
        }
    }
  });
});

describe('every text and every line shares one GL program', () => {
  it('the labels of the map and the offline basemap all have the same text shape', () => {
    const texts = paintsOf('symbol');
    expect(texts.length).toBeGreaterThanOrEqual(10);
    expect([...new Set(texts.map((paint) => programShape('symbol', paint)))]).toEqual([
      'a_text-color/u_text-halo-color/u_text-halo-width/u_text-halo-blur/u_text-opacity',
    ]);
    // as styled: the incidents' label colour per feature, the township's constant
    const styled = [INCIDENT_LABEL_PAINT, TOWNSHIP_LABEL_PAINT] as Array<Paint>;
    expect(new Set(styled.map((paint) => programShape('symbol', paint))).size).toBe(2);
  });

  it('the county boundary, the river and the spatial tools draw lines of one shape', () => {
    const lines = paintsOf('line');
    expect(lines.length).toBe(3);
    expect([...new Set(lines.map((paint) => programShape('line', paint)))]).toEqual([
      'lineSDF:a_line-color/u_line-opacity/u_line-width/u_line-gap-width/u_line-offset/u_line-blur/a_line-dasharray',
    ]);
    const styled = [COUNTY_LINE_PAINT, RIVER_PAINT, OVERLAY_LINE_PAINT] as Array<Paint>;
    expect(new Set(styled.map((paint) => programShape('line', paint))).size).toBe(3);
  });

  it('values are unchanged: label colours, dash patterns, a solid line as a dash with no gap', () => {
    const text = (paint: Paint, props: Record<string, unknown>) =>
      evaluate('text-color', (sharedTextPaint(paint) as Paint)['text-color'], 12, props);
    expect(text(INCIDENT_LABEL_PAINT as Paint, { mode: 'drill' })).toBe(
      evaluate('text-color', (INCIDENT_LABEL_PAINT as Paint)['text-color'], 12, { mode: 'drill' }),
    );
    expect(text(INCIDENT_LABEL_PAINT as Paint, { mode: 'real' })).not.toBe(
      text(INCIDENT_LABEL_PAINT as Paint, { mode: 'drill' }),
    );
    expect(text(TOWNSHIP_LABEL_PAINT as Paint, {})).toBe(
      evaluate('text-color', TOWNSHIP_LABEL_PAINT['text-color'], 12, {}),
    );
    // text paint without a colour: MapLibre's default, black
    expect(text({}, {})).toBe(evaluate('text-color', '#000000', 12, {}));

    const dash = (paint: Paint, props: Record<string, unknown> = {}) =>
      evaluate('line-dasharray', (sharedLinePaint(paint) as Paint)['line-dasharray'], 12, props);
    expect(dash(COUNTY_LINE_PAINT as Paint)).toBe('4,2');
    expect(dash(RIVER_PAINT as Paint)).toBe('1,0');
    expect(dash(OVERLAY_LINE_PAINT as Paint, { overlay: 'measure' })).toBe('2,1.5');
    expect(dash(OVERLAY_LINE_PAINT as Paint, { overlay: 'radius' })).toBe('1,0');
    const colour = (paint: Paint) => evaluate('line-color', (sharedLinePaint(paint) as Paint)['line-color'], 12, {});
    expect(colour(RIVER_PAINT as Paint)).toBe(evaluate('line-color', RIVER_PAINT['line-color'], 12, {}));
  });

  it('the offline basemap has no background layer: the container colour shows around the county', () => {
    const style = buildOfflineStyle({ language: 'en', river: 'Rong River' });
    expect(style.layers.map((l) => l.type)).not.toContain('background');
    expect(style.layers[0]?.id).toBe('county-fill');
  });
});
