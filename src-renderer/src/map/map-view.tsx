import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import type { ErrorEvent, FilterSpecification, GeoJSONSource, MapMouseEvent, MapOptions } from 'maplibre-gl';
import { useDb } from '../db/db-context';
import { releaseDeferredReads } from '../db/deferred-reads';
import 'maplibre-gl/dist/maplibre-gl.css';
import './map.css';
// NOTE: MapLibre 6 in a Vite build emits its worker only when it is imported like this.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useTranslation } from 'react-i18next';
import { COUNTY } from '@common/domain/county';
import { incidentUi, incidentUiStore, useIncidentUi } from '../features/incidents/incident-ui-store';
import { logger } from '../logger';
import { applyMotionFrom, rememberedRenderer } from '../ui/motion';
import { useBasemapSettings } from './basemap/basemap-settings';
import { useBasemapStyle } from './basemap/use-basemap-style';
import type { BasemapStyle } from './basemap/basemap-style';
import { EnterpriseTiles } from './enterprise-tiles/enterprise-tiles';
import { ENTERPRISE_TILE_LAYER } from './enterprise-tiles/tile-layout';
import { CJK_FONT_FAMILIES } from './fonts';
import { SOURCE_IDS, THEMATIC_SOURCE } from './layer-ids';
import { BACKGROUND_COLOR, CLUSTER_COLOR, ENTERPRISE_COLOR } from './layer-styles';
import {
  addOperationalLayers,
  CLICKABLE_LAYERS,
  CLUSTER_LAYERS,
  THEMATIC_LAYER_IDS,
} from './layers/operational-layers';
import { useMapFed, useSetMapFed, useSetMapLoaded } from './map-context';
import { createMapController, OVERLAY_NAMES, THEMATIC_LAYERS } from './map-controller';
import type { FeatureRef, MapControllerInternal, OverlayData, OverlayName } from './map-controller';
import { MapData, MapSources } from './map-data';
import { layerFilters } from './map-filters';
import { mapLayers, mapLayersStore } from './map-layers-store';
import type { MapLayersState } from './map-layers-store';
import { LAYER_IDS } from './layer-ids';
import type { LayerId } from './layer-ids';
import type { CirclePaint } from './spec-types';
import { mapRenderProfile } from './render-profile';
import { throttleRepaints } from './load-repaint-throttle';
import { panelClearance } from './panel-clearance';
import { skipInvisibleSky } from './invisible-sky';

setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** the map, exposed for end-to-end tests only when the page is opened with `?e2e=1` */
    __watchfloorMap?: MapLibreMap;
  }
}

/** The load throttle (load-repaint-throttle.ts) ends by then even if the map never settles. */
const UNTHROTTLE_AFTER_MS = 15_000;

const exposeForTests = () => new URLSearchParams(window.location.search).get('e2e') === '1';

type Camera = Required<Pick<MapOptions, 'center' | 'zoom' | 'bearing' | 'pitch'>>;
type MapParts = { map: MapLibreMap; sources: MapSources; throttle: { release(): void } | null };
type Created = MapParts & {
  /** <MapData> has every layer's first rows (the sources keep them until the layers are added) */
  rowsRead(): void;
};
type Loaded = MapParts & { controller: MapControllerInternal };

/** The one MapLibre instance. Sources are fed from the Dexie replica by <MapData>. */
export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const setMapLoaded = useSetMapLoaded();
  const setMapFed = useSetMapFed();
  const [created, setCreated] = useState<Created | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const fed = useMapFed();
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const riverName = t('map.river');
  const style = useBasemapStyle({ language, river: riverName });
  // The map is built for a basemap and rebuilt only when the basemap changes (rare, by hand). A
  // new language relabels it in place (below): rebuilt, it went blank for a second and lost what
  // it showed beyond the camera (feature states, a measurement).
  const basemap = useBasemapSettings();
  const hasStyle = style !== null;
  const latestStyle = useRef<BasemapStyle | null>(style);
  useLayoutEffect(() => {
    latestStyle.current = style;
  }, [style]);
  const db = useDb();
  // made before the map, so its worker reads and clusters the enterprises while the style loads
  const [enterpriseTiles] = useState(() => EnterpriseTiles.forReplica(db.name, mapLayersStore.getState().filters));
  // its worker stops once no map view uses it (sign-out)
  useEffect(() => enterpriseTiles.hold(), [enterpriseTiles]);
  /** where the map looked when it was last rebuilt (another basemap): the new one looks there too */
  const camera = useRef<Camera | null>(null);

  useEffect(() => {
    const initial = latestStyle.current;
    if (!container.current || !initial || !hasStyle) return;
    const map = new MapLibreMap({
      container: container.current,
      style: initial.style,
      ...(camera.current ?? { bounds: [...COUNTY.bbox], fitBoundsOptions: { padding: 24 } }),
      localIdeographFontFamily: `${CJK_FONT_FAMILIES.map((f) => `'${f}'`).join(', ')}, sans-serif`,
      attributionControl: initial.attribution ? { compact: true, customAttribution: initial.attribution } : false,
      maxZoom: 18,
      // made before this map's renderer is known: the one this workstation had last time
      fadeDuration: mapRenderProfile(rememberedRenderer()).fadeDuration,
    });
    const profile = mapRenderProfile(applyMotionFrom(map.getCanvas()).renderer);
    skipInvisibleSky(map);
    performance.mark('wf:map-created');
    /** the map and what works it, once every operational layer is in (below) */
    let current: Loaded | null = null;
    // released once the map has drawn what it was fed (below), on any camera move, or after a while
    const throttle =
      profile.loadRepaintGaps === null
        ? null
        : throttleRepaints(map, profile.loadRepaintGaps, () => current !== null && map.isStyleLoaded() === true);
    const unthrottle = throttle ? setTimeout(throttle.release, UNTHROTTLE_AFTER_MS) : undefined;

    map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    map.on('error', (e: ErrorEvent) => logger.warn('map error', e.error));
    map.once('idle', () => performance.mark('wf:map-first-idle'));
    // fed from the replica while the style loads: sources start with the rows pushed before them
    const sources = new MapSources(map, enterpriseTiles, profile.liveFlushMs);
    // NOTE: the operational layers go in before the basemap's tiles are in (the enterprises' once the
    // style is parsed, the others' once <MapData> has read all their rows), and nothing is painted
    // before they all are (load-repaint-throttle.ts): the first frame draws everything. Added at
    // `load` (as they were), they made a second whole frame on software GL, ~0.5 s of readback,
    // and their tiles were only asked for after it.
    let styleParsed = false;
    let rowsRead = false;
    const addLayers = () => {
      if (current || !styleParsed || !rowsRead) return;
      addOperationalLayers(map, enterpriseTiles.tileUrl(), (id) => sources.initialData(id));
      performance.mark('wf:layers-added');
      const controller = createMapController(mapHost(map, sources));
      current = { map, sources, controller, throttle };
      applyLayerState(map, mapLayersStore.getState());
      setLoaded(current);
      setMapLoaded({ map, controller });
    };
    map.once('style.load', () => {
      styleParsed = true;
      const enterprises = (id: string) => id === SOURCE_IDS.enterprises;
      addOperationalLayers(map, enterpriseTiles.tileUrl(), () => undefined, enterprises);
      applyLayerState(map, mapLayersStore.getState());
      addLayers();
    });
    map.once('load', () => performance.mark('wf:map-load'));
    setCreated({
      map,
      sources,
      throttle,
      rowsRead: () => {
        rowsRead = true;
        addLayers();
      },
    });
    const unsubscribe = mapLayersStore.subscribe((state, previous) => {
      if (current) applyLayerState(map, state, previous);
    });
    map.on('click', (e: MapMouseEvent) => {
      if (incidentUiStore.getState().picking) {
        incidentUi.setPicked({ lng: round6(e.lngLat.lng), lat: round6(e.lngLat.lat) });
        return;
      }
      if (current) onMapClick(current, e);
    });
    for (const [layer] of [...CLICKABLE_LAYERS, ...CLUSTER_LAYERS]) {
      map.on('mouseenter', layer, () => {
        if (!current?.controller.isPicking()) map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', layer, () => {
        if (!current?.controller.isPicking()) map.getCanvas().style.cursor = '';
      });
    }
    if (exposeForTests()) window.__watchfloorMap = map;
    return () => {
      clearTimeout(unthrottle);
      throttle?.release();
      unsubscribe();
      current?.controller.dispose();
      current = null;
      setLoaded(null);
      setCreated(null);
      setMapFed(false);
      setMapLoaded(null);
      if (window.__watchfloorMap === map) delete window.__watchfloorMap;
      camera.current = {
        center: map.getCenter(),
        zoom: map.getZoom(),
        bearing: map.getBearing(),
        pitch: map.getPitch(),
      };
      map.remove();
    };
  }, [setMapLoaded, setMapFed, basemap, hasStyle, enterpriseTiles]);

  // the basemap's labels in the current language: the new style's label sources, set in place
  useEffect(() => {
    if (!loaded || !style || typeof style.style === 'string') return;
    for (const id of [SOURCE_IDS.townships, SOURCE_IDS.river]) {
      const spec = style.style.sources[id];
      const source = loaded.map.getSource<GeoJSONSource>(id);
      if (spec?.type === 'geojson' && typeof spec.data !== 'string' && source) void source.setData(spec.data);
    }
  }, [loaded, style]);

  const picking = useIncidentUi((s) => s.picking);
  const selectedIncident = useIncidentUi((s) => s.selectedId);
  useEffect(() => {
    if (loaded && selectedIncident) loaded.controller.select({ layer: 'incidents', id: selectedIncident });
  }, [loaded, selectedIncident]);
  const onReady = useCallback(() => {
    performance.mark('wf:layers-fed');
    created?.rowsRead();
    setMapFed(true);
  }, [setMapFed, created]);
  useEffect(() => {
    // the page's own reads of the big tables wait until the map has drawn everything it was fed
    if (!loaded || !fed) return;
    const { map } = loaded;
    const settled = () => {
      loaded.throttle?.release();
      releaseDeferredReads();
    };
    if (map.loaded() && map.areTilesLoaded()) settled();
    else map.once('idle', settled);
    return () => {
      map.off('idle', settled);
    };
  }, [loaded, fed]);

  return (
    <div
      className={`map-view${picking ? ' map-picking' : ''}`}
      data-testid="map"
      data-picking={picking}
      data-basemap={style?.kind ?? 'loading'}
      data-layers-ready={loaded !== null && fed}
    >
      {/* the style's background colour, shown until the map first paints (load-repaint-throttle.ts) */}
      <div ref={container} className="map-canvas" style={{ background: BACKGROUND_COLOR }} />
      {created && <MapData sources={created.sources} onReady={onReady} />}
    </div>
  );
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

function onMapClick({ map, sources, controller }: Loaded, e: MapMouseEvent) {
  const layers = CLICKABLE_LAYERS.map(([id]) => id).filter((id) => map.getLayer(id));
  const clusterLayers = CLUSTER_LAYERS.map(([id]) => id);
  const hits = map.queryRenderedFeatures(e.point, { layers: [...layers, ...clusterLayers] });
  const top = hits[0];
  let feature: FeatureRef | null = null;
  const hitLayer = top ? CLICKABLE_LAYERS.find(([id]) => id === top.layer.id) : undefined;
  const id = top?.properties['id'];
  if (hitLayer && typeof id === 'string') feature = { layer: hitLayer[1], id };
  if (controller.dispatchClick(e, feature)) return; // a spatial tool is picking a point

  const cluster = top ? CLUSTER_LAYERS.find(([layerId]) => layerId === top.layer.id) : undefined;
  const clusterId = top?.properties['cluster_id'];
  if (cluster && top && typeof clusterId === 'number' && top.geometry.type === 'Point') {
    const [lng, lat] = top.geometry.coordinates;
    const expansion =
      cluster[1] === SOURCE_IDS.enterprises
        ? sources.enterprises.expansionZoom(clusterId)
        : map.getSource<GeoJSONSource>(cluster[1])?.getClusterExpansionZoom(clusterId);
    void expansion?.then((zoom) => {
      // null: the cluster's index was replaced under the click (filters changed); zoom in one step
      map.easeTo({ center: [lng ?? 0, lat ?? 0], zoom: zoom === null ? map.getZoom() + 1 : zoom + 0.2 });
    });
    return;
  }
  if (feature?.layer === 'incidents') incidentUi.select(feature.id);
  controller.select(feature);
}

/** How the controller draws on this map (selection ring, overlays, cursor). */
function mapHost(map: MapLibreMap, sources: MapSources) {
  const overlays = new Map<OverlayName, OverlayData>();
  let selectedState: { source: string; sourceLayer?: string; id: string } | null = null;
  return {
    map,
    locate: (ref: FeatureRef) => sources.source(ref.layer)?.locate(ref.id) ?? null,
    drawSelection(ref: FeatureRef | null, at: { lng: number; lat: number } | null) {
      if (selectedState && map.getSource(selectedState.source)) map.removeFeatureState(selectedState, 'selected');
      selectedState = ref ? { source: THEMATIC_SOURCE[ref.layer], id: ref.id } : null;
      // the enterprises are vector tiles: their feature state lives per source layer
      if (selectedState?.source === SOURCE_IDS.enterprises) selectedState.sourceLayer = ENTERPRISE_TILE_LAYER;
      if (selectedState) map.setFeatureState(selectedState, { selected: true });
      mapLayers.setSelected(ref);
      void map.getSource<GeoJSONSource>(SOURCE_IDS.selection)?.setData({
        type: 'FeatureCollection',
        features: at
          ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [at.lng, at.lat] } }]
          : [],
      });
    },
    drawOverlay(name: OverlayName, data: OverlayData | null) {
      if (data) overlays.set(name, data);
      else overlays.delete(name);
      const features = OVERLAY_NAMES.flatMap((n) =>
        (overlays.get(n)?.features ?? []).map((f) => ({ ...f, properties: { ...f.properties, overlay: n } })),
      );
      void map.getSource<GeoJSONSource>(SOURCE_IDS.overlays)?.setData({ type: 'FeatureCollection', features });
    },
    setPickingCursor(picking: boolean) {
      map.getCanvas().style.cursor = picking ? 'crosshair' : '';
    },
    clearance: () => panelClearance(0),
    onClearanceChange(listener: () => void) {
      // the panels are the map view's siblings (panel-clearance.ts)
      const view = map.getContainer().parentElement;
      const host = view?.parentElement;
      if (!host || typeof ResizeObserver === 'undefined') return () => {};
      const observer = new ResizeObserver(() => listener());
      for (const el of Array.from(host.children)) if (el !== view) observer.observe(el);
      return () => observer.disconnect();
    },
  };
}

/** Applies visibility, filters and the colour mode to the map's layers (only what changed). */
function applyLayerState(map: MapLibreMap, state: MapLayersState, previous?: MapLayersState) {
  // the enterprises' layers are in before the others (see MapView)
  const filter = (id: LayerId, value: FilterSpecification | null) => {
    if (map.getLayer(id)) map.setFilter(id, value);
  };
  const circleColor = (id: LayerId, value: CirclePaint['circle-color']) => {
    if (map.getLayer(id)) map.setPaintProperty(id, 'circle-color', value);
  };
  if (!previous || state.visible !== previous.visible) {
    for (const layer of THEMATIC_LAYERS)
      for (const id of THEMATIC_LAYER_IDS[layer])
        if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', state.visible[layer] ? 'visible' : 'none');
  }
  if (!previous || state.filters !== previous.filters) {
    const filters = layerFilters(state.filters);
    filter(LAYER_IDS.teams, filters.teams);
    filter(LAYER_IDS.teamLabels, filters.teams);
    filter(LAYER_IDS.shelters, filters.shelters);
    filter(LAYER_IDS.shelterLabels, filters.shelters);
    filter(LAYER_IDS.supplyDepots, filters.supplyDepots);
    filter(LAYER_IDS.supplyDepotLabels, filters.supplyDepots);
  }
  if (!previous || state.colourMode !== previous.colourMode) {
    circleColor(LAYER_IDS.enterprises, ENTERPRISE_COLOR[state.colourMode]);
    circleColor(LAYER_IDS.enterpriseClusters, CLUSTER_COLOR[state.colourMode]);
  }
}
