import type { AddLayerObject, MapOptions } from 'maplibre-gl';

// NOTE: maplibre-gl does not re-export the style-spec types; derive them from its public API
// instead of importing its transitive @maplibre/maplibre-gl-style-spec dependency.
export type StyleSpec = Exclude<MapOptions['style'], string | undefined>;
export type SourceSpec = StyleSpec['sources'][string];
export type LayerSpec = StyleSpec['layers'][number];
export type LayerOf<T extends LayerSpec['type']> = Extract<LayerSpec, { type: T }>;
export type CirclePaint = NonNullable<LayerOf<'circle'>['paint']>;
export type CircleLayout = NonNullable<LayerOf<'circle'>['layout']>;
export type SymbolPaint = NonNullable<LayerOf<'symbol'>['paint']>;
export type SymbolLayout = NonNullable<LayerOf<'symbol'>['layout']>;
export type LinePaint = NonNullable<LayerOf<'line'>['paint']>;
export type FillPaint = NonNullable<LayerOf<'fill'>['paint']>;
export type OperationalLayer = AddLayerObject;
