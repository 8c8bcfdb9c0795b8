import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { HubEvent } from '@common/protocol/events';
import { ManualClock } from '../../src-hub/index';
import { command, loginAndConnect, recordEvents, reportPayload, send, startHub, syncAll, tempDir } from './helpers';
import type { TestHub } from './helpers';
import { draft, orderIdOf, until } from './linkage-helpers';

const MINUTE = 60_000;

/** Every `linkage.overdue` in the hub's log for one order. */
function overdueIn(hub: TestHub, orderId: string): Array<Extract<HubEvent, { type: 'linkage.overdue' }>> {
  return hub.store
    .readEvents(0, 1_000_000)
    .filter((e): e is Extract<HubEvent, { type: 'linkage.overdue' }> => e.type === 'linkage.overdue')
    .filter((e) => e.payload.orderId === orderId);
}

/** Lets the pipeline's setImmediate batches run (a timer firing queues a job). */
const settle = () => new Promise((r) => setTimeout(r, 100));

describe('linkage overdue timers, run by the hub on its own clock', () => {
  const dataDirs: Array<string> = [];
  afterAll(() => {
    for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
  });

  it('turns an unsigned order overdue at its deadline, escalates once more, and records a late signature as late', async () => {
    const clock = new ManualClock(Date.parse('2026-06-01T02:00:00.000Z'));
    const hub = await startHub({ linkage: { escalateEveryMinutes: 10, maxOverdueLevel: 2 } }, { clock });
    dataDirs.push(hub.dataDir);
    try {
      const duty = await loginAndConnect(hub, 'duty', 'duty123');
      const health = await loginAndConnect(hub, 'health', 'health123');
      const wall = await loginAndConnect(hub, 'wall', 'wall123');
      const onHealth = recordEvents(health);
      const onWall = recordEvents(wall);
      const p = reportPayload();
      expect(await send(duty, command('incident.report', p))).toMatchObject({ ok: true });
      const late = draft('health', { signMinutes: 5 });
      const onTime = draft('health', { signMinutes: 5 });
      expect(
        await send(duty, command('linkage.send', { incidentId: p.incidentId, orders: [late, onTime] })),
      ).toMatchObject({ ok: true });
      expect(hub.store.getRow('linkageActions', late.orderId)?.signDeadline).toBe('2026-06-01T02:05:00.000Z');
      expect(await send(health, command('linkage.sign', { orderId: onTime.orderId }))).toMatchObject({ ok: true });
      // An order of an incident dismissed as a false report (误报) raises no alarm.
      const falseAlarm = reportPayload();
      expect(await send(duty, command('incident.report', falseAlarm))).toMatchObject({ ok: true });
      const moot = draft('health', { signMinutes: 5 });
      expect(
        await send(duty, command('linkage.send', { incidentId: falseAlarm.incidentId, orders: [moot] })),
      ).toMatchObject({ ok: true });
      expect(
        await send(duty, command('incident.dismiss', { incidentId: falseAlarm.incidentId, reason: '误报' })),
      ).toMatchObject({ ok: true });

      clock.advance(5 * MINUTE - 1);
      await settle();
      expect(overdueIn(hub, late.orderId)).toEqual([]);
      clock.advance(1); // the deadline itself
      await until(() => overdueIn(hub, late.orderId).length === 1, 'level 1');
      const [first] = overdueIn(hub, late.orderId);
      expect(first).toMatchObject({
        at: '2026-06-01T02:05:00.000Z',
        actor: { userId: 'system' },
        payload: { level: 1, departmentId: 'health', signDeadline: '2026-06-01T02:05:00.000Z' },
      });
      // Broadcast like any event: the department is re-notified, the wall alerted.
      await until(() => onHealth.events.some((e) => e.type === 'linkage.overdue'), 'overdue on the liaison');
      await until(() => onWall.events.some((e) => e.type === 'linkage.overdue'), 'overdue on the wall');
      expect(overdueIn(hub, onTime.orderId)).toEqual([]);
      expect(overdueIn(hub, moot.orderId)).toEqual([]);

      clock.advance(10 * MINUTE);
      await until(() => overdueIn(hub, late.orderId).length === 2, 'level 2');
      expect(overdueIn(hub, late.orderId).map((e) => e.payload.level)).toEqual([1, 2]);
      clock.advance(60 * MINUTE); // capped at maxOverdueLevel
      await settle();
      expect(overdueIn(hub, late.orderId)).toHaveLength(2);
      expect(hub.store.getRow('linkageActions', late.orderId)).toMatchObject({ overdueLevel: 2, state: 'sent' });

      expect(await send(health, command('linkage.sign', { orderId: late.orderId }))).toMatchObject({ ok: true });
      expect(hub.store.getRow('linkageActions', late.orderId)).toMatchObject({ state: 'signed', signedLate: true });
      expect(hub.store.getRow('linkageActions', onTime.orderId)).toMatchObject({ signedLate: false, overdueLevel: 0 });
      expect(hub.overdueTimers.watching).toBe(0);
      expect(hub.store.verify()).toMatchObject({ ok: true });
      for (const s of [duty, health, wall]) s.close();
    } finally {
      await hub.close();
    }
  });

  it('a deadline passing while the hub is stopped: overdue emitted once at restart, not again on a second restart', async () => {
    const dataDir = tempDir();
    dataDirs.push(dataDir);
    const t0 = Date.parse('2026-06-01T03:00:00.000Z');
    let orderId = '';
    {
      const hub = await startHub({ dataDir }, { clock: new ManualClock(t0) });
      const duty = await loginAndConnect(hub, 'duty', 'duty123');
      const p = reportPayload();
      expect(await send(duty, command('incident.report', p))).toMatchObject({ ok: true });
      const order = draft('public-security', { signMinutes: 3 });
      orderId = order.orderId;
      expect(await send(duty, command('linkage.send', { incidentId: p.incidentId, orders: [order] }))).toMatchObject({
        ok: true,
      });
      duty.close();
      await hub.close();
    }
    {
      // Down for 7 minutes: past the deadline (level 1), not yet at the escalation (13 min).
      const clock = new ManualClock(t0 + 7 * MINUTE);
      const hub = await startHub({ dataDir }, { clock });
      await until(() => overdueIn(hub, orderId).length === 1, 'the overdue after restart');
      expect(overdueIn(hub, orderId)[0]).toMatchObject({ at: '2026-06-01T03:07:00.000Z', payload: { level: 1 } });
      await settle();
      expect(overdueIn(hub, orderId)).toHaveLength(1);
      // The liaison connecting afterwards finds it through sync; another department does not.
      const police = await loginAndConnect(hub, 'police', 'police123');
      const fire = await loginAndConnect(hub, 'fire', 'fire123');
      expect(
        (await syncAll(police, 0)).filter((e) => e.type === 'linkage.overdue' && orderIdOf(e) === orderId),
      ).toHaveLength(1);
      expect((await syncAll(fire, 0)).filter((e) => orderIdOf(e) === orderId)).toEqual([]);
      police.close();
      fire.close();
      await hub.close();
    }
    {
      const clock = new ManualClock(t0 + 8 * MINUTE);
      const hub = await startHub({ dataDir }, { clock });
      await settle();
      expect(overdueIn(hub, orderId)).toHaveLength(1); // level 1 is recorded: not emitted again
      expect(hub.overdueTimers.watching).toBe(1); // armed for level 2 at deadline + 10 min
      clock.advance(5 * MINUTE - 1);
      await settle();
      expect(overdueIn(hub, orderId)).toHaveLength(1);
      clock.advance(1);
      await until(() => overdueIn(hub, orderId).length === 2, 'the escalation');
      expect(overdueIn(hub, orderId).map((e) => e.payload.level)).toEqual([1, 2]);
      expect(hub.store.verify()).toMatchObject({ ok: true });
      await hub.close();
    }
    {
      // Down for hours with nothing recorded past level 2: nothing more (the cap).
      const hub = await startHub({ dataDir }, { clock: new ManualClock(t0 + 300 * MINUTE) });
      await settle();
      expect(overdueIn(hub, orderId)).toHaveLength(2);
      await hub.close();
    }
  });

  it('a hub down past several levels emits only the level reached now', async () => {
    const dataDir = tempDir();
    dataDirs.push(dataDir);
    const t0 = Date.parse('2026-06-01T04:00:00.000Z');
    const hub1 = await startHub(
      { dataDir, linkage: { escalateEveryMinutes: 5, maxOverdueLevel: 4 } },
      { clock: new ManualClock(t0) },
    );
    const duty = await loginAndConnect(hub1, 'duty', 'duty123');
    const p = reportPayload();
    expect(await send(duty, command('incident.report', p))).toMatchObject({ ok: true });
    const order = draft('transport', { signMinutes: 1 });
    expect(await send(duty, command('linkage.send', { incidentId: p.incidentId, orders: [order] }))).toMatchObject({
      ok: true,
    });
    duty.close();
    await hub1.close();
    // 1 + 12 minutes: deadline at +1, level 2 at +6, level 3 at +11.
    const hub2 = await startHub(
      { dataDir, linkage: { escalateEveryMinutes: 5, maxOverdueLevel: 4 } },
      { clock: new ManualClock(t0 + 13 * MINUTE) },
    );
    await until(() => overdueIn(hub2, order.orderId).length === 1, 'the overdue after restart');
    await settle();
    expect(overdueIn(hub2, order.orderId).map((e) => e.payload.level)).toEqual([3]);
    expect(hub2.store.getRow('linkageActions', order.orderId)?.overdueLevel).toBe(3);
    await hub2.close();
  });
});
