import type { CirclePaint, LinePaint, SymbolPaint } from '../spec-types';

/**
 * MapLibre links one GL program per layer type and per shape of its paint: each property either
 * the same for the whole layer, per feature, or per zoom and feature. Software GL (SwiftShader)
 * pays for every program twice while the map opens: ~150 ms to link it, on the main thread, and
 * 50–100 ms to compile its pipeline at its first draw in each new WebGL context (every sign-in:
 * a second map in a warm page drew its first frame 300–650 ms slower than the next ones,
 * growing with each layer type added), which the page waits out when it reads the frame back.
 * Written in one shape per layer type, the layers share one program each:
 * - circles (eight layers came in five shapes): colour, opacity, stroke colour and stroke width
 *   per feature, radius per zoom and feature;
 * - text (the incident labels' colour is per feature, every other label's is constant): colour
 *   per feature;
 * - lines (the county boundary is dashed, the river solid, the spatial tools' lines dashed per
 *   feature; solid and dashed lines are two programs): colour and dash pattern per feature, a
 *   solid line being the pattern [1, 0].
 * The values do not change: a constant becomes a per-feature expression that always gives it.
 */

type Json = unknown;

/** No feature has this property: `has` on it makes an expression per feature without changing it. */
const NEVER = '__wf_never';

/** Operators that read the feature (what makes MapLibre evaluate an expression per feature). */
const FEATURE_OPERATORS = new Set(['get', 'has', 'feature-state', 'properties', 'id', 'geometry-type', 'accumulated']);

function uses(value: Json, test: (operator: string) => boolean): boolean {
  if (!Array.isArray(value)) return false;
  const [head] = value as Array<Json>;
  if (typeof head === 'string' && test(head)) return true;
  return (value as Array<Json>).some((part) => uses(part, test));
}

export const readsFeature = (value: Json): boolean => uses(value, (op) => FEATURE_OPERATORS.has(op));
export const readsZoom = (value: Json): boolean => uses(value, (op) => op === 'zoom');

/** The same value, evaluated per feature. */
export function perFeature(value: Json): Json {
  if (readsFeature(value)) return value;
  if (readsZoom(value)) throw new Error('only a circle radius may depend on the zoom in the shared shapes');
  // an array of numbers (a dash pattern) is data to the expression engine, not an expression
  const data = Array.isArray(value) && typeof value[0] !== 'string' ? ['literal', value] : value;
  return ['case', ['has', NEVER], data, data];
}

/** The same value, evaluated per zoom and feature (an interpolation on zoom whose stops read the feature). */
export function perZoomAndFeature(value: Json): Json {
  if (Array.isArray(value) && readsZoom(value)) {
    const [op, ...rest] = value as Array<Json>;
    // ['interpolate', how, ['zoom'], z, out, ...] / ['step', ['zoom'], out, z, out, ...]: wrap the outputs
    const firstOutput = op === 'interpolate' ? 3 : op === 'step' ? 1 : -1;
    if (firstOutput < 0) throw new Error(`a zoom-dependent radius must be an interpolate or step on zoom`);
    return [op, ...rest.map((part, i) => (i >= firstOutput && (i - firstOutput) % 2 === 0 ? perFeature(part) : part))];
  }
  const constant = perFeature(value);
  return ['interpolate', ['linear'], ['zoom'], 0, constant, 24, constant];
}

/** MapLibre's defaults for what a paint leaves out (style spec v8). */
const DEFAULTS = {
  'circle-color': '#000000',
  'circle-opacity': 1,
  'circle-radius': 5,
  'circle-stroke-color': '#000000',
  'circle-stroke-width': 0,
  'text-color': '#000000',
  'line-color': '#000000',
} as const;

/** A solid line as a dash pattern: a dash with no gap. */
const SOLID_DASH = [1, 0] as const;

/** A circle paint in the one shape every circle layer of the desk shares (see above). */
export function sharedCirclePaint(paint: CirclePaint): CirclePaint {
  return {
    ...paint,
    'circle-color': perFeature(paint['circle-color'] ?? DEFAULTS['circle-color']),
    'circle-opacity': perFeature(paint['circle-opacity'] ?? DEFAULTS['circle-opacity']),
    'circle-stroke-color': perFeature(paint['circle-stroke-color'] ?? DEFAULTS['circle-stroke-color']),
    'circle-stroke-width': perFeature(paint['circle-stroke-width'] ?? DEFAULTS['circle-stroke-width']),
    'circle-radius': perZoomAndFeature(paint['circle-radius'] ?? DEFAULTS['circle-radius']),
  } as CirclePaint;
}

/** A symbol paint whose text shares the one text program (see above); icons are left as they are. */
export function sharedTextPaint(paint: SymbolPaint): SymbolPaint {
  return { ...paint, 'text-color': perFeature(paint['text-color'] ?? DEFAULTS['text-color']) } as SymbolPaint;
}

/** A line paint in the one shape every line layer of the desk shares (see above). */
export function sharedLinePaint(paint: LinePaint): LinePaint {
  return {
    ...paint,
    'line-color': perFeature(paint['line-color'] ?? DEFAULTS['line-color']),
    'line-dasharray': perFeature(paint['line-dasharray'] ?? SOLID_DASH),
  } as LinePaint;
}

type Styled = { type: string; paint?: unknown; layout?: unknown };
const hasText = (layout: unknown) => typeof layout === 'object' && layout !== null && 'text-field' in layout;

/** A layer with its paint in its type's shared shape (circle, line, symbol with text); others as they are. */
export function inSharedShape<L extends Styled>(layer: L): L {
  const paint = layer.paint ?? {};
  switch (layer.type) {
    // NOTE: the paint keeps the layer's own type (only values change), which the spread cannot say
    case 'circle':
      return { ...layer, paint: sharedCirclePaint(paint as CirclePaint) } as L;
    case 'line':
      return { ...layer, paint: sharedLinePaint(paint as LinePaint) } as L;
    case 'symbol':
      return hasText(layer.layout) ? ({ ...layer, paint: sharedTextPaint(paint as SymbolPaint) } as L) : layer;
    default:
      return layer;
  }
}
