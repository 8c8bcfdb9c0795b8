import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distanceKm } from '@common/geo/distance';
import type { HubEvent } from '@common/protocol/events';
import { TeamSimulator } from '../../src-hub/simulate/teams';
import { command, loginAndConnect, recordEvents, reportPayload, send, startHub } from './helpers';
import type { Client, TestHub } from './helpers';
import { draft, until } from './linkage-helpers';

const TEAM = 'team-fire-siding';

describe('team simulator against a real hub', () => {
  let hub: TestHub;
  let duty: Client;
  let sim: TeamSimulator;
  const lines: Array<string> = [];
  beforeAll(async () => {
    hub = await startHub();
    duty = await loginAndConnect(hub, 'duty', 'duty123');
    // Fast, so the test takes seconds: 720 km/h, a position every 0.2 s (≈ 40 m steps).
    sim = new TeamSimulator({
      hubUrl: hub.url,
      username: 'fire',
      password: 'fire123',
      speedKmh: 720,
      jitter: 0.2,
      intervalSec: 0.2,
      log: (l) => lines.push(l),
    });
    await sim.start();
  });
  afterAll(async () => {
    sim.stop();
    duty.close();
    await hub.dispose();
  });

  it('drives a dispatched team to the scene step by step, then back to base when the desk sets it returning', async () => {
    const team = hub.store.getRow('rescueTeams', TEAM);
    if (!team) throw new Error('demo team missing');
    expect(team.status).toBe('available');
    const rec = recordEvents(duty);
    // An incident ~600 m from the team's base.
    const p = reportPayload({ location: { lng: team.base.lng + 0.004, lat: team.base.lat + 0.004 } });
    expect(await send(duty, command('incident.report', p))).toMatchObject({ ok: true });
    const order = draft('fire-rescue', { teamId: TEAM });
    expect(await send(duty, command('linkage.send', { incidentId: p.incidentId, orders: [order] }))).toMatchObject({
      ok: true,
    });
    const mine = () =>
      rec.events.filter(
        (e) => (e.type === 'team.statusChanged' || e.type === 'team.positionUpdated') && e.payload.teamId === TEAM,
      );
    const statuses = () =>
      mine()
        .filter((e): e is Extract<HubEvent, { type: 'team.statusChanged' }> => e.type === 'team.statusChanged')
        .map((e) => e.payload.status);
    await until(() => statuses().includes('on_scene'), 'on scene', 20_000);
    expect(statuses()).toEqual(['dispatched', 'en_route', 'on_scene']);
    const positions = mine()
      .filter((e): e is Extract<HubEvent, { type: 'team.positionUpdated' }> => e.type === 'team.positionUpdated')
      .map((e) => e.payload.location);
    // Several steps, none a teleport (≤ 720 km/h × 0.2 s × 1.2 jitter ≈ 48 m), ending at the scene.
    expect(positions.length).toBeGreaterThan(8);
    let prev = team.location;
    for (const at of positions) {
      expect(distanceKm(prev, at)).toBeLessThan(0.05);
      prev = at;
    }
    expect(distanceKm(prev, p.report.location)).toBeLessThan(0.01);
    // The en_route and on_scene steps name the dispatch order.
    const steps = mine().filter((e) => e.type === 'team.statusChanged');
    expect(steps.map((e) => (e.payload as { orderId?: string }).orderId)).toEqual([
      order.orderId,
      order.orderId,
      order.orderId,
    ]);

    expect(
      await send(duty, command('team.status', { teamId: TEAM, status: 'returning', orderId: order.orderId })),
    ).toMatchObject({ ok: true });
    await until(() => statuses().includes('available'), 'back at base', 20_000);
    expect(statuses().slice(3)).toEqual(['returning', 'available']);
    const back = hub.store.getRow('rescueTeams', TEAM);
    expect(back?.status).toBe('available');
    expect(distanceKm(back?.location ?? { lng: 0, lat: 0 }, team.base)).toBeLessThan(0.01);
    expect(sim.moving).toBe(0);
    expect(lines.some((l) => l.includes('refused'))).toBe(false);
  });
});
