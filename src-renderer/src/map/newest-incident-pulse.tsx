import { useEffect, useMemo } from 'react';
import { Marker } from 'maplibre-gl';
import type { Incident } from '@common/schemas/incident';
import { useMapInstance } from './map-context';
import { useMapLayers } from './map-layers-store';

const ENDED = new Set<Incident['state']>(['terminated', 'closed', 'dismissed']);

/**
 * The newest open incident pulses. A CSS-animated DOM marker for that one incident only: the
 * animation runs in the compositor, so the GL map is not repainted for it.
 */
export function NewestIncidentPulse({ incidents }: { incidents: ReadonlyArray<Incident> }) {
  const map = useMapInstance();
  const visible = useMapLayers((s) => s.visible.incidents);
  const newest = useMemo(
    () =>
      incidents
        .filter((i) => !ENDED.has(i.state))
        .reduce<Incident | null>((a, b) => (a === null || b.reportedAt > a.reportedAt ? b : a), null),
    [incidents],
  );
  const id = newest?.id;
  const lng = newest?.location.lng;
  const lat = newest?.location.lat;
  const drill = newest?.mode === 'drill';

  useEffect(() => {
    if (!map || !visible || id === undefined || lng === undefined || lat === undefined) return;
    const element = document.createElement('div');
    element.className = `incident-pulse${drill ? ' incident-pulse-drill' : ''}`;
    element.dataset['testid'] = 'incident-pulse';
    element.dataset['incidentId'] = id;
    // NOTE: clicks fall through to the map, which selects the incident under the marker.
    element.style.pointerEvents = 'none';
    // NOTE: the marker positions `element` with a transform; the animation scales a child.
    element.appendChild(document.createElement('div')).className = 'incident-pulse-ring';
    const marker = new Marker({ element }).setLngLat([lng, lat]).addTo(map);
    return () => void marker.remove();
  }, [map, visible, id, lng, lat, drill]);
  return null;
}
