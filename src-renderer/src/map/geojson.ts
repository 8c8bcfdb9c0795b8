import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Enterprise } from '@common/schemas/enterprise';
import type { Incident } from '@common/schemas/incident';
import type { LngLat } from '@common/schemas/common';
import type { RescueTeam } from '@common/schemas/rescue-team';

/** Small pure functions from replica rows to the GeoJSON the map's sources take. */

type Props = Record<string, string | number | boolean>;

const point = (id: string, at: LngLat, properties: Props): Feature<Point, Props> => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [at.lng, at.lat] },
  properties: { id, ...properties },
});

const collection = <P>(features: Array<Feature<Point, P>>): FeatureCollection<Point, P> => ({
  type: 'FeatureCollection',
  features,
});

export function enterprisesToGeoJSON(rows: ReadonlyArray<Enterprise>): FeatureCollection<Point, Props> {
  return collection(
    rows.map((e) => point(e.id, e.location, { name: e.name, riskLevel: e.riskLevel, sector: e.sector })),
  );
}

export function teamsToGeoJSON(rows: ReadonlyArray<RescueTeam>): FeatureCollection<Point, Props> {
  return collection(rows.map((t) => point(t.id, t.location, { name: t.name, status: t.status, type: t.type })));
}

/** `drillBadge` (e.g. 演练) is put in front of drill titles so no map label can pass for a real incident. */
export function incidentsToGeoJSON(rows: ReadonlyArray<Incident>, drillBadge: string): FeatureCollection<Point, Props> {
  return collection(
    rows.map((i) =>
      point(i.id, i.location, {
        title: i.title,
        label: i.mode === 'drill' && !i.title.includes(drillBadge) ? `【${drillBadge}】${i.title}` : i.title,
        mode: i.mode,
        state: i.state,
        category: i.category,
      }),
    ),
  );
}

export function pickToGeoJSON(at: LngLat | null): FeatureCollection<Point, Props> {
  return collection(at ? [point('pick', at, {})] : []);
}
