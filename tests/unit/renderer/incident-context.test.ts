import { describe, expect, it } from 'vitest';
import { createSpatialIndex } from '@common/geo';
import type { RescueTeam } from '@common/schemas/rescue-team';
import {
  nearestAvailableTeams,
  planMatchInputOf,
  ringCounts,
  ringOf,
  withinRings,
} from '../../../src-renderer/src/features/incidents/context/context-logic';

const center = { lng: 109.4, lat: 25.2 };
/** A point `km` north of the centre (1° of latitude ≈ 111.195 km on the 6371 km sphere). */
const north = (km: number) => ({ lng: center.lng, lat: center.lat + km / 111.19493 });

describe('incident context: rings', () => {
  it('puts a distance in the smallest ring that holds it, boundaries included', () => {
    expect(ringOf(0)).toBe(1);
    expect(ringOf(1)).toBe(1);
    expect(ringOf(1.0001)).toBe(3);
    expect(ringOf(3)).toBe(3);
    expect(ringOf(5)).toBe(5);
    expect(ringOf(5.0001)).toBeNull();
  });

  it('lists what lies within 5 km, nearest first, with cumulative ring counts', () => {
    const items = [0.5, 0.99, 2, 4.9, 5.2, 12].map((d, i) => ({ id: `h${i}`, location: north(d) }));
    const hits = withinRings(createSpatialIndex(items), center);
    expect(hits.map((h) => [h.item.id, h.ring])).toEqual([
      ['h0', 1],
      ['h1', 1],
      ['h2', 3],
      ['h3', 5],
    ]);
    expect(ringCounts(hits)).toEqual({ 1: 2, 3: 3, 5: 4 });
  });
});

describe('incident context: nearest available teams', () => {
  const team = (id: string, type: RescueTeam['type'], km: number, status: RescueTeam['status']): RescueTeam => ({
    id,
    name: id,
    type,
    departmentId: 'fire',
    headcount: 10,
    equipment: [],
    base: north(km),
    location: north(km),
    status,
    phone: '',
  });

  it('takes the nearest available team of each type, skips busy ones, nearest first across types', () => {
    const index = createSpatialIndex([
      team('fire-near-busy', 'fire_station', 1, 'dispatched'),
      team('fire-far', 'fire_station', 8, 'available'),
      team('fire-mid', 'fire_station', 4, 'available'),
      team('med', 'medical', 2, 'available'),
      team('hazmat-off', 'hazmat', 1, 'unavailable'),
    ]);
    const hits = nearestAvailableTeams(index, center);
    expect(hits.map((h) => h.item.id)).toEqual(['med', 'fire-mid']);
    expect(hits[0]?.km).toBeCloseTo(2, 3);
  });
});

describe('incident context: plan match input', () => {
  it('uses the reported township, else the enterprise one, else the nearest seat', () => {
    const base = { category: 'fire' as const, enterpriseId: 'ent-1' };
    expect(planMatchInputOf({ ...base, townshipCode: '450224101' }, '450224102', '450224100').townshipCode).toBe(
      '450224101',
    );
    expect(planMatchInputOf({ ...base, townshipCode: undefined }, '450224102', '450224100').townshipCode).toBe(
      '450224102',
    );
    expect(
      planMatchInputOf({ category: 'fire', enterpriseId: undefined, townshipCode: undefined }, undefined, '450224100'),
    ).toEqual({ category: 'fire', enterpriseId: undefined, townshipCode: '450224100' });
  });
});
