import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import type { HubEvent } from '@common/protocol/events';
import { command, loginAndConnect, recordEvents, reportPayload, send, snapshot, startHub, syncAll } from './helpers';
import type { Client, TestHub } from './helpers';
import { boardReplica, createLiaison, draft, orderIdOf, until } from './linkage-helpers';

describe('linkage orders on the hub: departments see and act on their own orders only', () => {
  let hub: TestHub;
  let duty: Client;
  let fire: Client;
  let police: Client;
  let fireEvents: ReturnType<typeof recordEvents>;
  let policeEvents: ReturnType<typeof recordEvents>;
  let dutyEvents: ReturnType<typeof recordEvents>;
  let incidentId: string;

  beforeAll(async () => {
    hub = await startHub();
    duty = await loginAndConnect(hub, 'duty', 'duty123');
    fire = await loginAndConnect(hub, 'fire', 'fire123');
    police = await loginAndConnect(hub, 'police', 'police123');
    dutyEvents = recordEvents(duty);
    fireEvents = recordEvents(fire);
    policeEvents = recordEvents(police);
    const p = reportPayload();
    incidentId = p.incidentId;
    expect(await send(duty, command('incident.report', p))).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    for (const s of [duty, fire, police]) s.close();
    await hub.dispose();
  });

  it('a 消防 liaison cannot see, sign, deliver or comment on a 公安 order: forbidden, never on its socket, live or via sync or snapshot', async () => {
    const toPolice = draft('public-security');
    const toFire = draft('fire-rescue');
    const sent = await send(duty, command('linkage.send', { incidentId, orders: [toPolice, toFire] }));
    expect(sent).toMatchObject({ ok: true });
    // The fire liaison gets its own order live; the police liaison gets its own.
    await until(() => fireEvents.events.some((e) => orderIdOf(e) === toFire.orderId), 'the fire order on fire');
    await until(() => policeEvents.events.some((e) => orderIdOf(e) === toPolice.orderId), 'the police order');
    await until(() => dutyEvents.events.filter((e) => e.type === 'linkage.sent').length >= 2, 'both on the desk');

    const before = hub.headSeq();
    for (const c of [
      command('linkage.sign', { orderId: toPolice.orderId }),
      command('linkage.deliver', { orderIds: [toFire.orderId, toPolice.orderId] }),
      command('linkage.feedback', { orderId: toPolice.orderId, feedbackId: ulid(), text: '已到场' }),
      command('linkage.complete', { orderId: toPolice.orderId }),
      command('linkage.decline', { orderId: toPolice.orderId, reason: '不是我们的' }),
    ]) {
      const answer = await send(fire, c);
      expect(answer, c.type).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // The desk cannot sign for a department either.
    expect(await send(duty, command('linkage.sign', { orderId: toPolice.orderId }))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(hub.headSeq()).toBe(before);

    // The police liaison signs: the event goes to police and the desk, not to fire.
    expect(await send(police, command('linkage.sign', { orderId: toPolice.orderId }))).toMatchObject({ ok: true });
    await until(() => dutyEvents.events.some((e) => e.type === 'linkage.signed'), 'the signature on the desk');
    await until(() => policeEvents.events.some((e) => e.type === 'linkage.signed'), 'the signature on police');

    const onFire = (events: ReadonlyArray<HubEvent>) => events.filter((e) => orderIdOf(e) === toPolice.orderId);
    expect(onFire(fireEvents.events)).toEqual([]);
    const synced = await syncAll(fire, 0);
    expect(synced.some((e) => orderIdOf(e) === toFire.orderId)).toBe(true);
    expect(onFire(synced)).toEqual([]);
    const snap = await snapshot(fire);
    if (!snap.ok) throw new Error('snapshot failed');
    expect(snap.tables.linkageActions.map((o) => o.id)).toContain(toFire.orderId);
    expect(snap.tables.linkageActions.every((o) => o.departmentId === 'fire-rescue')).toBe(true);
    // The desk sees both, with the police order signed.
    const deskSnap = await snapshot(duty);
    if (!deskSnap.ok) throw new Error('snapshot failed');
    const both = deskSnap.tables.linkageActions.filter((o) => o.id === toPolice.orderId || o.id === toFire.orderId);
    expect(both.map((o) => o.state).sort()).toEqual(['sent', 'signed']);
  });

  it('signing twice with the same command id gives one signature and the same answer', async () => {
    const order = draft('public-security');
    expect(await send(duty, command('linkage.send', { incidentId, orders: [order] }))).toMatchObject({ ok: true });
    const sign = command('linkage.sign', { orderId: order.orderId });
    const first = await send(police, sign);
    const second = await send(police, sign);
    expect(first).toMatchObject({ ok: true });
    if (!first.ok) return;
    expect(second).toEqual({ ok: true, seq: first.seq, duplicate: true });
    // A new command id to sign again is an invalid step, naming the state.
    expect(await send(police, command('linkage.sign', { orderId: order.orderId }))).toEqual({
      ok: false,
      error: {
        code: 'invalid_transition',
        message: 'the order is signed: cannot sign (allowed: feedback, complete, cancel)',
      },
    });
    const all = await syncAll(duty, 0);
    expect(all.filter((e) => e.type === 'linkage.signed' && e.payload.orderId === order.orderId)).toHaveLength(1);
  });

  it('refuses a whole set when one order names an unknown department, naming the field, and writes nothing', async () => {
    const before = hub.headSeq();
    const orders = [draft('fire-rescue'), draft('health'), draft('no-such-department'), draft('transport')];
    const answer = await send(duty, command('linkage.send', { incidentId, orders }));
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message: 'payload.orders[2].departmentId: department no-such-department does not exist',
      },
    });
    expect(hub.headSeq()).toBe(before);
    expect(hub.store.getRow('linkageActions', orders[0]?.orderId ?? '')).toBeUndefined();
    // A duplicate order id inside the set, and one already sent, are refused the same way.
    const dup = draft('health');
    expect(await send(duty, command('linkage.send', { incidentId, orders: [dup, dup] }))).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('payload.orders[1].orderId') as unknown },
    });
    // An unknown incident.
    expect(await send(duty, command('linkage.send', { incidentId: ulid(), orders: [draft('health')] }))).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(hub.headSeq()).toBe(before);
  });

  it('dispatching a team: the team must belong to the department and be available; its status follows', async () => {
    const order = draft('fire-rescue', { teamId: 'team-fire-fushi' });
    const wrongDept = draft('health', { teamId: 'team-fire-siding' });
    expect(await send(duty, command('linkage.send', { incidentId, orders: [wrongDept] }))).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', message: expect.stringContaining('payload.orders[0].teamId') as unknown },
    });
    const ack = await send(duty, command('linkage.send', { incidentId, orders: [order] }));
    expect(ack).toMatchObject({ ok: true });
    expect(hub.store.getRow('rescueTeams', 'team-fire-fushi')?.status).toBe('dispatched');
    const again = await send(
      duty,
      command('linkage.send', { incidentId, orders: [draft('fire-rescue', { teamId: 'team-fire-fushi' })] }),
    );
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('dispatched') as unknown },
    });

    // The team's own liaison moves it on; another department's liaison may not.
    expect(
      await send(
        police,
        command('team.status', { teamId: 'team-fire-fushi', status: 'en_route', orderId: order.orderId }),
      ),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send(fire, command('team.status', { teamId: 'team-fire-fushi', status: 'on_scene' }))).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition' },
    });
    expect(
      await send(
        fire,
        command('team.status', { teamId: 'team-fire-fushi', status: 'en_route', orderId: order.orderId }),
      ),
    ).toMatchObject({ ok: true });
    expect(
      await send(fire, command('team.position', { teamId: 'team-fire-fushi', location: { lng: 109.38, lat: 25.1 } })),
    ).toMatchObject({ ok: true });
    expect(
      await send(fire, command('team.position', { teamId: 'team-fire-fushi', location: { lng: 110.5, lat: 25.1 } })),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', message: expect.stringContaining('payload.location') as unknown },
    });
    const team = hub.store.getRow('rescueTeams', 'team-fire-fushi');
    expect(team).toMatchObject({ status: 'en_route', location: { lng: 109.38, lat: 25.1 } });
    // The officer cancels: a team already on its way turns back.
    expect(await send(duty, command('linkage.cancel', { orderId: order.orderId, reason: '警情已控制' }))).toMatchObject(
      {
        ok: true,
      },
    );
    expect(hub.store.getRow('rescueTeams', 'team-fire-fushi')?.status).toBe('returning');
    expect(hub.store.getRow('linkageActions', order.orderId)?.state).toBe('cancelled');
  });

  it('the whole life: deliver (idempotent), sign, feedback, complete; decline then reassign', async () => {
    const a = draft('fire-rescue');
    const b = draft('fire-rescue');
    expect(await send(duty, command('linkage.send', { incidentId, orders: [a, b] }))).toMatchObject({ ok: true });
    const d1 = await send(fire, command('linkage.deliver', { orderIds: [a.orderId, b.orderId] }));
    const d2 = await send(fire, command('linkage.deliver', { orderIds: [a.orderId, b.orderId] }));
    expect(d1).toMatchObject({ ok: true });
    expect(d2).toEqual(d1); // nothing new: answered with the seq since which both are delivered
    expect(await send(fire, command('linkage.sign', { orderId: a.orderId }))).toMatchObject({ ok: true });
    const feedbackId = ulid();
    const fb = command('linkage.feedback', {
      orderId: a.orderId,
      feedbackId,
      text: '两车十人已出动',
      personnel: 10,
      vehicles: 2,
      position: { lng: 109.41, lat: 25.22 },
    });
    expect(await send(fire, fb)).toMatchObject({ ok: true });
    expect(
      await send(fire, command('linkage.feedback', { orderId: a.orderId, feedbackId, text: '重复' })),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await send(fire, command('linkage.complete', { orderId: a.orderId, text: '明火已扑灭' }))).toMatchObject({
      ok: true,
    });
    const done = hub.store.getRow('linkageActions', a.orderId);
    expect(done).toMatchObject({ state: 'completed', signedLate: false, overdueLevel: 0 });
    expect(done?.history.map((h) => h.state)).toEqual(['sent', 'delivered', 'signed', 'in_progress', 'completed']);
    expect(done?.feedback).toMatchObject([{ id: feedbackId, personnel: 10, vehicles: 2 }]);

    // b is declined; the desk may not reassign it to a missing department, then reassigns to health.
    expect(
      await send(
        duty,
        command('linkage.reassign', {
          orderId: b.orderId,
          newOrderId: ulid(),
          departmentId: 'health',
          signMinutes: 10,
        }),
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition', message: expect.stringContaining('the order is delivered') as unknown },
    });
    expect(await send(fire, command('linkage.decline', { orderId: b.orderId, reason: '力量不足' }))).toMatchObject({
      ok: true,
    });
    const newOrderId = ulid();
    expect(
      await send(
        duty,
        command('linkage.reassign', { orderId: b.orderId, newOrderId, departmentId: 'nowhere', signMinutes: 10 }),
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('payload.departmentId') as unknown },
    });
    expect(
      await send(
        duty,
        command('linkage.reassign', { orderId: b.orderId, newOrderId, departmentId: 'health', signMinutes: 10 }),
      ),
    ).toMatchObject({ ok: true });
    expect(hub.store.getRow('linkageActions', b.orderId)).toMatchObject({
      state: 'declined',
      reassignedTo: newOrderId,
    });
    expect(hub.store.getRow('linkageActions', newOrderId)).toMatchObject({
      state: 'sent',
      departmentId: 'health',
      reassignedFrom: b.orderId,
      task: b.task,
    });
  });

  it('20 orders to 8 departments: each liaison signs its own, the officer board shows all 20 signed', async () => {
    const departments = [
      'fire-rescue',
      'public-security',
      'health',
      'township-450224100',
      'ecology-environment',
      'transport',
      'housing-construction',
      'market-regulation',
    ];
    const accounts: Record<string, [string, string]> = {
      'fire-rescue': ['fire', 'fire123'],
      'public-security': ['police', 'police123'],
      health: ['health', 'health123'],
      'township-450224100': ['changan', 'changan123'],
    };
    for (const d of departments.slice(4)) accounts[d] = [await createLiaison(hub.store, d), 'liaison123'];
    const liaisons = new Map<string, Client>();
    for (const d of departments) {
      const [u, p] = accounts[d] ?? ['', ''];
      liaisons.set(d, await loginAndConnect(hub, u, p));
    }
    const inbox = new Map([...liaisons].map(([d, s]) => [d, recordEvents(s)]));
    const deskSnap = await snapshot(duty);
    if (!deskSnap.ok) throw new Error('snapshot failed');
    const board = boardReplica(deskSnap.tables.linkageActions);
    const live = recordEvents(duty);
    duty.on('event', (e) => board.apply([e]));

    const orders = Array.from({ length: 20 }, (_, i) => draft(departments[i % departments.length] ?? 'health'));
    expect(await send(duty, command('linkage.send', { incidentId, orders }))).toMatchObject({ ok: true });
    // Each liaison signs the orders that reach its socket, and only those.
    await Promise.all(
      departments.map(async (d) => {
        const mine = orders.filter((o) => o.departmentId === d).map((o) => o.orderId);
        const rec = inbox.get(d);
        const socket = liaisons.get(d);
        if (!rec || !socket) throw new Error(d);
        await until(
          () => mine.every((id) => rec.events.some((e) => e.type === 'linkage.sent' && orderIdOf(e) === id)),
          `${d} inbox`,
        );
        const received = rec.events.filter(
          (e): e is Extract<HubEvent, { type: 'linkage.sent' }> =>
            e.type === 'linkage.sent' && orders.some((o) => o.orderId === orderIdOf(e)),
        );
        expect(received.map((e) => e.payload.departmentId)).toEqual(mine.map(() => d));
        for (const id of mine)
          expect(await send(socket, command('linkage.sign', { orderId: id }))).toMatchObject({ ok: true });
      }),
    );
    const ids = new Set(orders.map((o) => o.orderId));
    await until(
      () => board.orders().filter((o) => ids.has(o.id) && o.state === 'signed').length === 20,
      'all 20 signed on the officer board',
    );
    expect(live.events.filter((e) => e.type === 'linkage.signed' && ids.has(e.payload.orderId))).toHaveLength(20);
    for (const s of liaisons.values()) if (s !== fire && s !== police) s.close();
  });
});
