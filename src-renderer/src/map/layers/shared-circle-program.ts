import type { CirclePaint } from '../spec-types';

/**
 * MapLibre links one GL program per layer type and per shape of its paint: each property either
 * the same for the whole layer, per feature, or per zoom and feature. Software GL (SwiftShader)
 * takes ~150 ms to link one, on the main thread, while the map opens; our eight circle layers came
 * in five shapes. Written in one shape — colour, opacity, stroke colour and stroke width per
 * feature, radius per zoom and feature — they share one program. The values do not change: a
 * constant becomes a per-feature expression that always gives it.
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
  if (readsZoom(value)) throw new Error('a zoom-dependent circle paint value must be the radius');
  return ['case', ['has', NEVER], value, value];
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

/** MapLibre's defaults for what a circle paint leaves out (style spec v8). */
const DEFAULTS = {
  'circle-color': '#000000',
  'circle-opacity': 1,
  'circle-radius': 5,
  'circle-stroke-color': '#000000',
  'circle-stroke-width': 0,
} as const;

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
