import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { FeatureCollection, Geometry } from 'geojson';
import type { LngLat } from '@common/schemas/common';

/**
 * The small typed API through which the rest of the app (search, detail panels, spatial tools)
 * drives the one map: fly somewhere, select a feature, draw a temporary overlay, hear clicks.
 * Reach it with `useMapController()` (map-context.tsx); it is null until the map has loaded.
 * NOTE: the camera is never mirrored into a store — ask the map, or listen to it, when needed.
 */

/** The thematic layers a feature can belong to; ids are the entity ids of the replica rows. */
export const THEMATIC_LAYERS = [
  'enterprises',
  'hazardSources',
  'teams',
  'incidents',
  'shelters',
  'supplyDepots',
  'receptors',
] as const;
export type ThematicLayer = (typeof THEMATIC_LAYERS)[number];

export type FeatureRef = { layer: ThematicLayer; id: string };

/**
 * Temporary overlays. Each has its own source and is drawn above the thematic layers:
 * polygons filled + outlined, lines drawn (dashed for `measure`), points as small rings, and a
 * `label` property written next to points and along lines. `color` (CSS) overrides the default.
 */
export const OVERLAY_NAMES = ['radius', 'measure', 'zone', 'route', 'highlight'] as const;
export type OverlayName = (typeof OVERLAY_NAMES)[number];
export type OverlayProperties = { color?: string; label?: string };
export type OverlayData = FeatureCollection<Geometry, OverlayProperties | null>;

export type MapClick = {
  lngLat: LngLat;
  /** the topmost thematic feature under the pointer, if any (clusters are not features) */
  feature: FeatureRef | null;
};

/** Padding in px per side, e.g. to keep a fitted area clear of a panel drawn over the map. */
export type FitPadding = { top: number; bottom: number; left: number; right: number };

export type FlyToOptions = {
  zoom?: number;
  /** animate (default true); false jumps */
  animate?: boolean;
};

export type MapController = {
  /** Fly to a point; keeps the current zoom when it is already closer than `zoom` (default 15). */
  flyTo(at: LngLat, zoomOrOptions?: number | FlyToOptions): void;
  /** Fit [west, south, east, north] with padding in px (default 48). */
  fitBounds(bbox: readonly [number, number, number, number], padding?: number | FitPadding): void;
  /** Highlight one feature (ring + feature-state `selected`), or clear with null. Does not move the camera. */
  select(ref: FeatureRef | null): void;
  /** Draw (or clear with null) a named temporary overlay. */
  setOverlay(name: OverlayName, data: OverlayData | null): void;
  /** Called when a thematic feature is clicked (not while picking). Returns an unsubscribe. */
  onFeatureClick(handler: (ref: FeatureRef, at: LngLat) => void): () => void;
  /** Called on every click on the map, with the feature under it if any. Returns an unsubscribe. */
  onMapClick(handler: (click: MapClick) => void): () => void;
  /**
   * While picking (a spatial tool choosing a point, the measure tool), the cursor is a crosshair
   * and clicks go only to `onMapClick` handlers: features are not selected and clusters do not expand.
   */
  setPicking(picking: boolean): void;
  /** Where a feature is drawn (from the data last pushed to the map), or null if not on the map. */
  locate(ref: FeatureRef): LngLat | null;
};

/** What the map view gives the controller: the one map and how to find and highlight features. */
export type MapControllerHost = {
  map: MapLibreMap;
  locate(ref: FeatureRef): LngLat | null;
  drawSelection(ref: FeatureRef | null, at: LngLat | null): void;
  drawOverlay(name: OverlayName, data: OverlayData | null): void;
  setPickingCursor(picking: boolean): void;
  /** the map's edges that panels cover, in px from each side (panel-clearance.ts) */
  clearance(): FitPadding;
  /** calls `listener` when a panel over the map changes size (opens, closes, fills); returns an unsubscribe */
  onClearanceChange(listener: () => void): () => void;
};

/** For this long after a fly, a panel that comes up over the map re-aims it (below). */
const REAIM_MS = 3000;

export const DEFAULT_FLY_ZOOM = 15;

export type MapControllerInternal = MapController & {
  /** the map view reports clicks here; returns true when the click was consumed by picking */
  dispatchClick(e: MapMouseEvent, feature: FeatureRef | null): boolean;
  isPicking(): boolean;
  dispose(): void;
};

export function createMapController(host: MapControllerHost): MapControllerInternal {
  const featureHandlers = new Set<(ref: FeatureRef, at: LngLat) => void>();
  const clickHandlers = new Set<(click: MapClick) => void>();
  let picking = false;
  let selected: FeatureRef | null = null;
  const { map } = host;
  /** where the last flyTo went, while a panel coming up late may still cover it */
  let aim: { at: LngLat; zoom: number; offset: [number, number]; until: number } | null = null;
  let disposed = false;
  /** whether a point flown to `offset` from the centre lands in the part `clear` leaves open */
  const landsClear = (offset: [number, number], clear: FitPadding) => {
    const { clientWidth: width, clientHeight: height } = map.getContainer();
    const x = width / 2 + offset[0];
    const y = height / 2 + offset[1];
    return x >= clear.left && x <= width - clear.right && y >= clear.top && y <= height - clear.bottom;
  };
  /** from the map's centre to the middle of the part `clear` leaves open */
  const offsetInto = (clear: FitPadding): [number, number] => [
    (clear.left - clear.right) / 2,
    (clear.top - clear.bottom) / 2,
  ];
  // A panel opened with the move can come up after it started (its content is read from the
  // replica first): aim again, at the middle of what is clear now — but only when the point
  // would land under a panel. A panel closing (or one that leaves the point clear) moves
  // nothing: the officer may be about to click what is drawn there.
  const stopWatchingPanels = host.onClearanceChange(() => {
    if (!aim || performance.now() > aim.until) return;
    const clear = host.clearance();
    if (landsClear(aim.offset, clear)) return;
    const offset = offsetInto(clear);
    aim.offset = offset;
    map.easeTo({ center: [aim.at.lng, aim.at.lat], zoom: aim.zoom, offset, duration: 300, essential: true });
  });
  // the officer moving the map takes over
  const onMoveStart = (e: { originalEvent?: unknown }) => {
    if (e.originalEvent) aim = null;
  };
  map.on('movestart', onMoveStart);

  return {
    flyTo(at, zoomOrOptions) {
      const options = typeof zoomOrOptions === 'number' ? { zoom: zoomOrOptions } : (zoomOrOptions ?? {});
      const zoom = Math.max(map.getZoom(), options.zoom ?? DEFAULT_FLY_ZOOM);
      // The point lands in the middle of the part of the map no panel covers (the incident
      // workspace alone is 560 px wide: at the map's centre the point was under it). Measured a
      // frame later, when a panel opened with this move is laid out (or re-aimed, above).
      requestAnimationFrame(() => {
        if (disposed) return; // the map went (sign-out, another basemap) before the frame
        const offset = offsetInto(host.clearance());
        aim = { at, zoom, offset, until: performance.now() + REAIM_MS };
        if (options.animate === false) {
          map.jumpTo({ center: [at.lng, at.lat], zoom });
          map.panBy([-offset[0], -offset[1]], { animate: false });
        } else map.flyTo({ center: [at.lng, at.lat], zoom, offset, speed: 1.6, essential: true });
      });
    },
    fitBounds(bbox, padding = 48) {
      map.fitBounds(
        [
          [bbox[0], bbox[1]],
          [bbox[2], bbox[3]],
        ],
        { padding, maxZoom: 17 },
      );
    },
    select(ref) {
      selected = ref;
      host.drawSelection(ref, ref ? host.locate(ref) : null);
    },
    setOverlay(name, data) {
      host.drawOverlay(name, data);
    },
    onFeatureClick(handler) {
      featureHandlers.add(handler);
      return () => void featureHandlers.delete(handler);
    },
    onMapClick(handler) {
      clickHandlers.add(handler);
      return () => void clickHandlers.delete(handler);
    },
    setPicking(next) {
      picking = next;
      host.setPickingCursor(next);
    },
    locate(ref) {
      return host.locate(ref);
    },
    dispatchClick(e, feature) {
      const lngLat = { lng: e.lngLat.lng, lat: e.lngLat.lat };
      for (const handler of [...clickHandlers]) handler({ lngLat, feature: picking ? null : feature });
      if (picking) return true;
      if (feature) for (const handler of [...featureHandlers]) handler(feature, host.locate(feature) ?? lngLat);
      return false;
    },
    isPicking() {
      return picking;
    },
    dispose() {
      disposed = true;
      stopWatchingPanels();
      map.off('movestart', onMoveStart);
      aim = null;
      featureHandlers.clear();
      clickHandlers.clear();
      if (selected) selected = null;
    },
  };
}
