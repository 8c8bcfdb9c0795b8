import gcoord from 'gcoord';
import type { LngLat } from '../schemas/common';

/**
 * Datums that coordinates arrive in. Amap (高德) and Tencent give GCJ-02 (the obfuscated
 * "Mars" datum), Baidu gives BD-09; GPS, 天地图 and CGCS2000 survey data are WGS84 to well
 * within a metre at county scale. Watchfloor stores WGS84 only.
 */
export type Datum = 'WGS84' | 'GCJ02' | 'BD09';
export const DATUMS: ReadonlyArray<Datum> = ['WGS84', 'GCJ02', 'BD09'];

const GCOORD_CRS = { WGS84: gcoord.WGS84, GCJ02: gcoord.GCJ02, BD09: gcoord.BD09 } as const;

/**
 * Converts a point to WGS84 (via gcoord). NOTE: the GCJ-02 inverse is an approximation with an
 * error of about a metre or two; outside mainland China GCJ-02 equals WGS84 and gcoord returns
 * the point unchanged.
 */
export function toWgs84(point: LngLat, datum: Datum): LngLat {
  if (datum === 'WGS84') return { lng: point.lng, lat: point.lat };
  const [lng, lat] = gcoord.transform([point.lng, point.lat], GCOORD_CRS[datum], gcoord.WGS84);
  return { lng, lat };
}

/** The reverse, for showing a stored point to a GCJ-02/BD-09 tool (e.g. an Amap link). */
export function fromWgs84(point: LngLat, datum: Datum): LngLat {
  if (datum === 'WGS84') return { lng: point.lng, lat: point.lat };
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord.WGS84, GCOORD_CRS[datum]);
  return { lng, lat };
}
