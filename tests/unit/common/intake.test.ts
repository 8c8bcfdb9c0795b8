import { describe, expect, it } from 'vitest';
import { fromWgs84 } from '@common/geo/datum';
import { RECEIVED_AT_SKEW_MS, receivedAtProblem, receivedTime, resolveIntakePlace } from '@common/rules/intake';
import { IngestIncidentSchema } from '@common/protocol/ingest';

const enterprise = { id: 'demo-ent-0001', location: { lng: 109.41, lat: 25.22 }, townshipCode: '450224100' as const };

describe('intake place: typed coordinates, an enterprise, or both', () => {
  it('an enterprise alone gives its position and its township', () => {
    expect(resolveIntakePlace({ enterpriseId: enterprise.id }, enterprise)).toEqual({
      ok: true,
      place: { location: { lng: 109.41, lat: 25.22 }, townshipCode: '450224100' },
    });
  });

  it('typed coordinates win over the enterprise position; a given township wins over the enterprise one', () => {
    const r = resolveIntakePlace(
      { location: { lng: 109.42, lat: 25.23 }, enterpriseId: enterprise.id, townshipCode: '450224101' },
      enterprise,
    );
    expect(r).toEqual({ ok: true, place: { location: { lng: 109.42, lat: 25.23 }, townshipCode: '450224101' } });
  });

  it('GCJ-02 and BD-09 input is converted to WGS84 (round trip within a few metres)', () => {
    const wgs = { lng: 109.4, lat: 25.21 };
    for (const datum of ['GCJ02', 'BD09'] as const) {
      const given = fromWgs84(wgs, datum);
      // the offset in this part of China is hundreds of metres: the conversion must not be a no-op
      expect(Math.abs(given.lng - wgs.lng) + Math.abs(given.lat - wgs.lat)).toBeGreaterThan(0.002);
      const r = resolveIntakePlace({ location: given, datum }, undefined);
      if (!r.ok) throw new Error(r.message);
      expect(r.place.location.lng).toBeCloseTo(wgs.lng, 4);
      expect(r.place.location.lat).toBeCloseTo(wgs.lat, 4);
      expect(r.place.townshipCode).toBeUndefined();
    }
  });

  it('refuses no place at all, and an unknown enterprise as the only source, naming the field', () => {
    expect(resolveIntakePlace({}, undefined)).toMatchObject({ ok: false, field: 'location' });
    expect(resolveIntakePlace({ enterpriseId: 'nope' }, undefined)).toEqual({
      ok: false,
      field: 'enterpriseId',
      message: 'enterprise nope does not exist',
    });
    expect(resolveIntakePlace({ enterpriseId: 'other' }, enterprise)).toMatchObject({
      ok: false,
      field: 'enterpriseId',
    });
  });
});

describe('intake time of report', () => {
  const hub = '2026-03-14T15:30:00.000Z';
  it('uses the given time when it is earlier than the hub recorded it, else the hub time', () => {
    expect(receivedTime(undefined, hub)).toBe(hub);
    expect(receivedTime('2026-03-14T15:22:00.000Z', hub)).toBe('2026-03-14T15:22:00.000Z');
    expect(receivedTime('2026-03-14T15:31:00.000Z', hub)).toBe(hub);
  });

  it('refuses a time of report beyond the clock skew, not one at it', () => {
    const at = (ms: number) => new Date(Date.parse(hub) + ms).toISOString();
    expect(receivedAtProblem(undefined, hub)).toBeNull();
    expect(receivedAtProblem(at(-3_600_000), hub)).toBeNull();
    expect(receivedAtProblem(at(RECEIVED_AT_SKEW_MS), hub)).toBeNull();
    expect(receivedAtProblem(at(RECEIVED_AT_SKEW_MS + 1), hub)).toMatch(/later than the hub's clock/);
  });
});

describe('ingest body', () => {
  const base = { title: '119转警', category: 'fire', occurredAt: '2026-03-14T15:00:00Z' };
  it('needs a location or an enterprise, defaults the datum and the source', () => {
    const none = IngestIncidentSchema.safeParse(base);
    expect(none.success).toBe(false);
    expect(none.error?.issues[0]?.path).toEqual(['location']);
    const byEnterprise = IngestIncidentSchema.parse({ ...base, enterpriseId: enterprise.id });
    expect(byEnterprise).toMatchObject({ datum: 'WGS84', source: 'ingest_api' });
    expect(IngestIncidentSchema.safeParse({ ...base, location: { lng: 109, lat: 25 }, datum: 'WGS-84' }).success).toBe(
      false,
    );
  });
});
