import { useCallback } from 'react';
import type { LngLat } from '@common/schemas/common';
import type { FeatureRef, ThematicLayer } from '../../map/map-controller';
import { useMapController } from '../../map/map-context';
import { planPlace } from '../search/use-search';
import { usePlaceData, useTeamData } from '../spatial/place-data';
import { panels } from './panel-store';
import type { DetailKind, DetailRef, PlaceKind } from './panel-store';

/** The map layer a place kind is drawn in. */
export const LAYER_OF: Record<PlaceKind, ThematicLayer> = {
  enterprises: 'enterprises',
  hazardSources: 'hazardSources',
  rescueTeams: 'teams',
  receptors: 'receptors',
  shelters: 'shelters',
  supplyDepots: 'supplyDepots',
};

/** The panel kind of a clicked map feature (incidents keep their own card). */
export function kindOfLayer(layer: ThematicLayer): PlaceKind | null {
  const hit = (Object.keys(LAYER_OF) as Array<PlaceKind>).find((k) => LAYER_OF[k] === layer);
  return hit ?? null;
}

export function featureOf(ref: DetailRef): FeatureRef | null {
  return ref.kind === 'plans' ? null : { layer: LAYER_OF[ref.kind], id: ref.id };
}

/** Where a detail is on the map now (a team's current position; a plan's enterprise or township). */
export function useLocate(): (ref: DetailRef) => { lngLat: LngLat; feature: FeatureRef | null } | null {
  const data = usePlaceData();
  const teams = useTeamData();
  return useCallback(
    (ref: DetailRef) => {
      if (ref.kind === 'plans') {
        const plan = data.byId.plans.get(ref.id);
        const place = plan ? planPlace(data, plan) : null;
        return place ? { lngLat: place.lngLat, feature: place.ref ? featureOf(place.ref) : null } : null;
      }
      const row = ref.kind === 'rescueTeams' ? teams.byId.get(ref.id) : data.byId[ref.kind].get(ref.id);
      return row ? { lngLat: row.location, feature: featureOf(ref) } : null;
    },
    [data, teams],
  );
}

/** Opens a detail, flies the map there and highlights the feature. */
export function useShow(): (ref: DetailRef, options?: { fly?: boolean }) => void {
  const controller = useMapController();
  const locate = useLocate();
  return useCallback(
    (ref: DetailRef, options: { fly?: boolean } = {}) => {
      panels.open(ref);
      const at = locate(ref);
      if (!controller || !at) return;
      if (options.fly !== false) controller.flyTo(at.lngLat);
    },
    [controller, locate],
  );
}

export type { DetailKind };
