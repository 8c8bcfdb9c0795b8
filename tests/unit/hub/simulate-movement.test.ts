import { describe, expect, it } from 'vitest';
import { distanceKm } from '@common/geo/distance';
import {
  plausibleRoute,
  pointAlong,
  roundPosition,
  routeOf,
  stepKm,
  unitHash,
} from '../../../src-hub/simulate/movement';

const BASE = { lng: 109.36, lat: 25.02 }; // 浮石镇
const SCENE = { lng: 109.41, lat: 25.22 }; // 长安镇

describe('team simulator movement', () => {
  it('a route starts and ends exactly at the given points and is road-like: longer than the straight line, not absurdly so', () => {
    for (const seed of [0.1, 0.4, 0.6, 0.9]) {
      const route = plausibleRoute(BASE, SCENE, seed);
      expect(route.points[0]).toEqual(BASE);
      expect(route.points.at(-1)).toEqual(SCENE);
      const straight = distanceKm(BASE, SCENE);
      expect(route.lengthKm).toBeGreaterThan(straight * 1.08);
      expect(route.lengthKm).toBeLessThan(straight * 1.5);
      // no leg is a teleport: every segment is a small part of the route
      for (let i = 1; i < route.points.length; i++) {
        const leg = (route.cumulativeKm[i] ?? 0) - (route.cumulativeKm[i - 1] ?? 0);
        expect(leg).toBeLessThan(route.lengthKm / 8);
      }
    }
  });

  it('the seed picks the route shape; the same team takes the same route', () => {
    const a = plausibleRoute(BASE, SCENE, 0.2);
    const b = plausibleRoute(BASE, SCENE, 0.8);
    expect(a.points[12]).not.toEqual(b.points[12]);
    expect(plausibleRoute(BASE, SCENE, unitHash('team-fire-fushi:outbound'))).toEqual(
      plausibleRoute(BASE, SCENE, unitHash('team-fire-fushi:outbound')),
    );
    const h = unitHash('team-hazmat:return');
    expect(h).toBeGreaterThanOrEqual(0);
    expect(h).toBeLessThan(1);
  });

  it('pointAlong interpolates by distance and clamps at both ends', () => {
    const route = routeOf([
      { lng: 109.4, lat: 25.0 },
      { lng: 109.4, lat: 25.1 },
      { lng: 109.5, lat: 25.1 },
    ]);
    const first = route.cumulativeKm[1] ?? 0;
    expect(first).toBeCloseTo(11.12, 1); // 0.1° of latitude
    expect(pointAlong(route, -1)).toEqual({ lng: 109.4, lat: 25.0 });
    expect(pointAlong(route, route.lengthKm + 5)).toEqual({ lng: 109.5, lat: 25.1 });
    const half = pointAlong(route, first / 2);
    expect(half.lng).toBeCloseTo(109.4, 9);
    expect(half.lat).toBeCloseTo(25.05, 9);
    const onSecond = pointAlong(route, first + (route.lengthKm - first) / 4);
    expect(onSecond.lat).toBeCloseTo(25.1, 9);
    expect(onSecond.lng).toBeCloseTo(109.425, 6);
    // walking the route in 1 s steps at 40 km/h covers it in about lengthKm / 40 hours
    let km = 0;
    let steps = 0;
    let prev = pointAlong(route, 0);
    while (km < route.lengthKm) {
      km += stepKm(40, 1, 0, 0.5);
      const here = pointAlong(route, km);
      expect(distanceKm(prev, here)).toBeLessThanOrEqual(40 / 3600 + 1e-9);
      prev = here;
      steps += 1;
    }
    expect(steps).toBe(Math.ceil(route.lengthKm / (40 / 3600)));
  });

  it('a step is speed × time, varied by the jitter within its bounds', () => {
    expect(stepKm(40, 1, 0, 0.3)).toBeCloseTo(40 / 3600, 12);
    expect(stepKm(36, 10, 0, 0)).toBeCloseTo(0.1, 12);
    expect(stepKm(40, 1, 0.25, 0)).toBeCloseTo((40 * 0.75) / 3600, 12);
    expect(stepKm(40, 1, 0.25, 0.999999)).toBeCloseTo((40 * 1.25) / 3600, 6);
    expect(stepKm(40, 1, 0.25, 0.5)).toBeCloseTo(40 / 3600, 12);
    expect(stepKm(40, 1, 2, 0)).toBe(0); // never backwards
  });

  it('positions are rounded to about a metre, as a GPS unit reports them', () => {
    expect(roundPosition({ lng: 109.123456789, lat: 25.987654321 })).toEqual({ lng: 109.123457, lat: 25.987654 });
  });

  it('a route to where the team already is has no length', () => {
    expect(plausibleRoute(BASE, BASE, 0.3).lengthKm).toBe(0);
    expect(pointAlong(plausibleRoute(BASE, BASE, 0.3), 1)).toEqual(BASE);
  });
});
