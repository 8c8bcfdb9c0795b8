import { useEffect, useMemo, useRef } from 'react';
import type { Position } from 'geojson';
import { useTranslation } from 'react-i18next';
import { distanceKm } from '@common/geo';
import { useMapController } from '../../map/map-context';
import { panelClearance } from '../../map/panel-clearance';
import { formatKm } from '../details/detail-parts';
import { panelStore, panels, usePanels } from '../details/panel-store';
import { kindOfLayer } from '../details/use-show';
import { useTeamData } from './place-data';
import { measure, measureOverlay, radiusOverlay, spokesOverlay } from './spatial-logic';

function bboxOf(coords: ReadonlyArray<Position>): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lng = 0, lat = 0] of coords) {
    w = Math.min(w, lng);
    s = Math.min(s, lat);
    e = Math.max(e, lng);
    n = Math.max(n, lat);
  }
  return [w, s, e, n];
}

/** How many teams the nearest-teams tool lists. */
export const NEAREST_TEAM_COUNT = 5;

/**
 * Connects the panels to the map through the map controller: a click on a place opens its
 * detail; while a spatial tool picks, clicks set its centre or add measure points; Esc ends;
 * the tools' overlays (radius circle, spokes to the nearest teams, measure line) are drawn.
 */
export function PanelsMapBridge() {
  const controller = useMapController();
  const { t } = useTranslation();
  const picking = usePanels((s) => s.picking);
  const measuring = usePanels((s) => s.measuring);
  const tool = usePanels((s) => s.tool);
  const center = usePanels((s) => s.center);
  const radiusKm = usePanels((s) => s.radiusKm);
  const teamType = usePanels((s) => s.teamType);
  const points = usePanels((s) => s.measurePoints);
  const teams = useTeamData();

  useEffect(() => {
    if (!controller) return;
    const offFeature = controller.onFeatureClick((ref) => {
      const kind = kindOfLayer(ref.layer);
      if (kind) panels.open({ kind, id: ref.id });
    });
    const offClick = controller.onMapClick(({ lngLat }) => {
      const state = panelStore.getState();
      const p = { lng: Math.round(lngLat.lng * 1e6) / 1e6, lat: Math.round(lngLat.lat * 1e6) / 1e6 };
      if (state.picking) panels.setCenter({ lngLat: p, from: null });
      else if (state.measuring) panels.addMeasurePoint(p);
    });
    return () => {
      offFeature();
      offClick();
    };
  }, [controller]);

  useEffect(() => {
    controller?.setPicking(picking || measuring);
  }, [controller, picking, measuring]);

  useEffect(() => {
    if (!picking && !measuring) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      if (panelStore.getState().measuring) panels.endMeasure();
      else panels.cancelPicking();
    };
    // NOTE: capture, so the detail panel's Esc (close) does not fire in the same key press.
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [picking, measuring]);

  const radius = useMemo(
    () => (tool === 'radius' && center ? radiusOverlay(center.lngLat, radiusKm, `${radiusKm} km`) : null),
    [tool, center, radiusKm],
  );
  useEffect(() => {
    controller?.setOverlay('radius', radius);
    // NOTE: a new centre or radius shows the whole circle: seeing what is inside is the point.
    const ring = radius?.features[0]?.geometry;
    if (controller && ring?.type === 'Polygon')
      controller.fitBounds(bboxOf(ring.coordinates[0] ?? []), panelClearance(40));
  }, [controller, radius]);

  const spokes = useMemo(() => {
    if (tool !== 'nearest' || !center) return null;
    const hits = teams.spatial.nearest(
      center.lngLat,
      NEAREST_TEAM_COUNT,
      (team) => team.type === teamType && team.status === 'available',
    );
    return spokesOverlay(
      center.lngLat,
      hits.map((h) => ({ location: h.item.location, label: t('panels.detail.km', { km: formatKm(h.km) }) })),
    );
  }, [tool, center, teams.spatial, teamType, t]);
  const spokesRef = useRef(spokes);
  useEffect(() => {
    spokesRef.current = spokes;
    controller?.setOverlay('highlight', spokes);
  }, [controller, spokes]);
  // Fit the centre and its teams once per question (not on every team move); runs after the above.
  const spokesKey = spokes ? `${center?.lngLat.lng},${center?.lngLat.lat},${teamType}` : null;
  useEffect(() => {
    const current = spokesRef.current;
    if (!controller || !spokesKey || !current) return;
    const coords = current.features.flatMap((f) =>
      f.geometry.type === 'LineString'
        ? f.geometry.coordinates
        : f.geometry.type === 'Point'
          ? [f.geometry.coordinates]
          : [],
    );
    if (coords.length > 1) controller.fitBounds(bboxOf(coords), panelClearance(60));
  }, [controller, spokesKey]);

  const measured = useMemo(() => {
    if (tool !== 'measure' || points.length === 0) return null;
    const m = measure(points, distanceKm);
    return measureOverlay(points, m, (km) => t('panels.detail.km', { km: formatKm(km) }));
  }, [tool, points, t]);
  useEffect(() => {
    controller?.setOverlay('measure', measured);
  }, [controller, measured]);

  useEffect(
    () => () => {
      if (!controller) return;
      for (const name of ['radius', 'highlight', 'measure'] as const) controller.setOverlay(name, null);
      controller.setPicking(false);
    },
    [controller],
  );
  return null;
}
