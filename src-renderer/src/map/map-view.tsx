import { useEffect, useRef } from 'react';
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import type { ErrorEvent, GeoJSONSource, MapMouseEvent } from 'maplibre-gl';
import type { GeoJSON } from 'geojson';
import 'maplibre-gl/dist/maplibre-gl.css';
// NOTE: MapLibre 6 in a Vite build emits its worker only when it is imported like this.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useTranslation } from 'react-i18next';
import { COUNTY } from '@common/domain/county';
import { useEnterprises, useIncidents, useRescueTeams } from '../db/queries';
import { incidentUi, incidentUiStore, useIncidentUi } from '../features/incidents/incident-ui-store';
import { logger } from '../logger';
import { CJK_FONT_FAMILIES } from './fonts';
import { enterprisesToGeoJSON, incidentsToGeoJSON, pickToGeoJSON, teamsToGeoJSON } from './geojson';
import { SOURCE_IDS } from './layer-ids';
import { addOperationalLayers, INCIDENT_CLICK_LAYERS } from './layers/operational-layers';
import { useMapInstance, useSetMapLoaded } from './map-context';
import { createMapController } from './map-controller';
import { buildOfflineStyle } from './offline-style';

setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** the map, exposed for end-to-end tests only when the page is opened with `?e2e=1` */
    __watchfloorMap?: MapLibreMap;
  }
}

const exposeForTests = () => new URLSearchParams(window.location.search).get('e2e') === '1';

/** The one MapLibre instance. Sources are fed from the Dexie replica by <MapData>. */
export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const setLoaded = useSetMapLoaded();
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const riverName = t('map.river');

  useEffect(() => {
    if (!container.current) return;
    const map = new MapLibreMap({
      container: container.current,
      style: buildOfflineStyle({ language, river: riverName }),
      bounds: [...COUNTY.bbox],
      fitBoundsOptions: { padding: 24 },
      localIdeographFontFamily: `${CJK_FONT_FAMILIES.map((f) => `'${f}'`).join(', ')}, sans-serif`,
      attributionControl: false,
      maxZoom: 18,
    });
    map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    map.on('error', (e: ErrorEvent) => logger.warn('map error', e.error));
    map.on('load', () => {
      addOperationalLayers(map);
      // TODO(map): selection ring and overlays are drawn by the layer set that follows
      const controller = createMapController({
        map,
        locate: () => null,
        drawSelection: () => {},
        drawOverlay: () => {},
        setPickingCursor: (picking) => (map.getCanvas().style.cursor = picking ? 'crosshair' : ''),
      });
      setLoaded({ map, controller });
    });
    map.on('click', (e: MapMouseEvent) => {
      if (incidentUiStore.getState().picking) {
        incidentUi.setPicked({ lng: round6(e.lngLat.lng), lat: round6(e.lngLat.lat) });
        return;
      }
      const hit = map.queryRenderedFeatures(e.point, { layers: INCIDENT_CLICK_LAYERS })[0];
      const id = hit?.properties?.['id'];
      if (typeof id === 'string') incidentUi.select(id);
    });
    for (const layer of INCIDENT_CLICK_LAYERS) {
      map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
    }
    if (exposeForTests()) window.__watchfloorMap = map;
    return () => {
      setLoaded(null);
      if (window.__watchfloorMap === map) delete window.__watchfloorMap;
      map.remove();
    };
    // The style's labels follow the language: rebuild the map when it changes (rare, by hand).
  }, [setLoaded, language, riverName]);

  const picking = useIncidentUi((s) => s.picking);
  return (
    <div className={`map-view${picking ? ' map-picking' : ''}`} data-testid="map" data-picking={picking}>
      <div ref={container} className="map-canvas" />
      <MapData />
    </div>
  );
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

function setSourceData(map: MapLibreMap, id: string, data: GeoJSON) {
  (map.getSource(id) as GeoJSONSource | undefined)?.setData(data);
}

/** Pushes replica rows into the map's GeoJSON sources whenever Dexie changes. */
function MapData() {
  const map = useMapInstance();
  const { t } = useTranslation();
  const enterprises = useEnterprises();
  const teams = useRescueTeams();
  const incidents = useIncidents();
  const picked = useIncidentUi((s) => s.picked);
  const selectedId = useIncidentUi((s) => s.selectedId);
  const drillBadge = t('feed.drill');

  useEffect(() => {
    if (map) setSourceData(map, SOURCE_IDS.enterprises, enterprisesToGeoJSON(enterprises));
  }, [map, enterprises]);
  useEffect(() => {
    if (map) setSourceData(map, SOURCE_IDS.teams, teamsToGeoJSON(teams));
  }, [map, teams]);
  useEffect(() => {
    if (map) setSourceData(map, SOURCE_IDS.incidents, incidentsToGeoJSON(incidents, drillBadge));
  }, [map, incidents, drillBadge]);
  useEffect(() => {
    if (map) setSourceData(map, SOURCE_IDS.pick, pickToGeoJSON(picked));
  }, [map, picked]);
  useEffect(() => {
    if (!map || !selectedId) return;
    const target = { source: SOURCE_IDS.incidents, id: selectedId };
    map.setFeatureState(target, { selected: true });
    return () => {
      if (map.getSource(SOURCE_IDS.incidents)) map.removeFeatureState(target, 'selected');
    };
  }, [map, selectedId, incidents]);
  return null;
}
