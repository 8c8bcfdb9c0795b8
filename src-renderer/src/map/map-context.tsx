import { createContext, useContext, useState } from 'react';
import type { ReactNode } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';

type MapContextValue = { map: MapLibreMap | null; setMap: (map: MapLibreMap | null) => void };

const MapContext = createContext<MapContextValue>({ map: null, setMap: () => {} });

/** Lets components outside the map (the feed) reach the one map instance, e.g. to fly to a feature. */
export function MapProvider({ children }: { children: ReactNode }) {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  return <MapContext.Provider value={{ map, setMap }}>{children}</MapContext.Provider>;
}

/** null until the map has loaded its style. */
export function useMapInstance(): MapLibreMap | null {
  return useContext(MapContext).map;
}

export function useSetMapInstance(): (map: MapLibreMap | null) => void {
  return useContext(MapContext).setMap;
}
