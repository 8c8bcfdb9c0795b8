import { createContext, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapController } from './map-controller';

type Loaded = { map: MapLibreMap; controller: MapController } | null;
type MapContextValue = {
  loaded: Loaded;
  setLoaded: (loaded: Loaded) => void;
  /** every thematic layer has been given its replica rows (the worker may still be digesting them) */
  fed: boolean;
  setFed: (fed: boolean) => void;
};

const MapContext = createContext<MapContextValue>({
  loaded: null,
  setLoaded: () => {},
  fed: false,
  setFed: () => {},
});

/**
 * Lets components outside the map (feed, search, panels, spatial tools) reach the one map
 * instance and its controller. Never put the map or its camera in a global store.
 */
export function MapProvider({ children }: { children: ReactNode }) {
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [fed, setFed] = useState(false);
  const value = useMemo(() => ({ loaded, setLoaded, fed, setFed }), [loaded, fed]);
  return <MapContext.Provider value={value}>{children}</MapContext.Provider>;
}

/** null until the map has loaded its style. Prefer `useMapController()` outside src-renderer/src/map. */
export function useMapInstance(): MapLibreMap | null {
  return useContext(MapContext).loaded?.map ?? null;
}

/** The typed map API (fly, select, overlays, clicks); null until the map has loaded. */
export function useMapController(): MapController | null {
  return useContext(MapContext).loaded?.controller ?? null;
}

/** Whether the map has been given its data: work that can wait should wait for this and the next idle. */
export function useMapFed(): boolean {
  return useContext(MapContext).fed;
}

/** For the map view only. */
export function useSetMapLoaded(): (loaded: Loaded) => void {
  return useContext(MapContext).setLoaded;
}

/** For the map view only. */
export function useSetMapFed(): (fed: boolean) => void {
  return useContext(MapContext).setFed;
}
