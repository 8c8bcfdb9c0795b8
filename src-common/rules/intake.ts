// 接报 (intake): how a report's place and times are settled, shared by the report form and the
// ingest API so that a phone call and a 119 transfer make the same incident.
import { toWgs84 } from '../geo/datum';
import type { Datum } from '../geo/datum';
import type { TownshipCode } from '../domain/county';
import type { LngLat } from '../schemas/common';

/** What the place of a report is given as: typed coordinates (in some datum), an enterprise, or both. */
export type IntakePlaceInput = {
  location?: LngLat;
  /** the datum the typed coordinates are in (Amap/Tencent GCJ-02, Baidu BD-09); WGS84 if absent */
  datum?: Datum;
  enterpriseId?: string;
  townshipCode?: TownshipCode;
};

/** The enterprise's facts the place is taken from (a replica row or the hub's). */
export type IntakeEnterprise = { id: string; location: LngLat; townshipCode: TownshipCode };

export type IntakePlace = { location: LngLat; townshipCode?: TownshipCode };

export type IntakePlaceResult = { ok: true; place: IntakePlace } | { ok: false; field: string; message: string };

/**
 * The place in WGS84 and the township. Typed coordinates win over the enterprise's position (the
 * caller may be at the far gate of a large site); without them the enterprise's position is used.
 * The township given wins; else the enterprise's. An enterprise that is named but unknown is an
 * error only when it is the sole source of the position.
 */
export function resolveIntakePlace(
  input: IntakePlaceInput,
  enterprise: IntakeEnterprise | undefined,
): IntakePlaceResult {
  if (input.enterpriseId !== undefined && enterprise !== undefined && enterprise.id !== input.enterpriseId) {
    return { ok: false, field: 'enterpriseId', message: `enterprise ${enterprise.id} is not ${input.enterpriseId}` };
  }
  const townshipCode = input.townshipCode ?? enterprise?.townshipCode;
  const withTownship = (location: LngLat): IntakePlaceResult => ({
    ok: true,
    place: townshipCode === undefined ? { location } : { location, townshipCode },
  });
  if (input.location) return withTownship(toWgs84(input.location, input.datum ?? 'WGS84'));
  if (enterprise) return withTownship({ lng: enterprise.location.lng, lat: enterprise.location.lat });
  if (input.enterpriseId !== undefined) {
    return { ok: false, field: 'enterpriseId', message: `enterprise ${input.enterpriseId} does not exist` };
  }
  return { ok: false, field: 'location', message: 'give the location or an enterprise whose position is used' };
}

/** How far ahead of the hub's clock a workstation's clock may run before its time of report is refused. */
export const RECEIVED_AT_SKEW_MS = 2 * 60_000;

/**
 * When the command center received the report: the time the duty officer gives (the call came in
 * before it was typed), else when the hub recorded it. A time after the hub's clock (beyond a small
 * skew) is refused by the hub; one slightly ahead is clamped to the hub's time so that deadlines
 * never start in the future.
 */
export function receivedTime(receivedAt: string | undefined, recordedAt: string): string {
  if (receivedAt === undefined) return recordedAt;
  return Date.parse(receivedAt) < Date.parse(recordedAt) ? receivedAt : recordedAt;
}

/** Why a time of report is refused, or null: later than the hub's clock (beyond the skew). */
export function receivedAtProblem(receivedAt: string | undefined, hubNow: string): string | null {
  if (receivedAt === undefined) return null;
  const ahead = Date.parse(receivedAt) - Date.parse(hubNow);
  return ahead > RECEIVED_AT_SKEW_MS
    ? `the time of report ${receivedAt} is later than the hub's clock (${hubNow})`
    : null;
}
