import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import type { HubEvent } from '@common/protocol/events';
import { handoverSummary } from '@common/rules/handover-summary';
import type { DutyLogEntry } from '@common/schemas/duty';
import type { Incident } from '@common/schemas/incident';
import {
  command,
  login,
  connect,
  loginAndConnect,
  recordEvents,
  reportPayload,
  send,
  snapshot,
  startHub,
} from './helpers';
import type { Client, TestHub } from './helpers';

/** Waits until the recorder holds an event of the type about the duty row. */
async function dutyEvent(rec: ReturnType<typeof recordEvents>, type: HubEvent['type'], id: string): Promise<HubEvent> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const hit = rec.events.find(
      (e) =>
        e.type === type &&
        (('handoverId' in e.payload && e.payload.handoverId === id) ||
          ('entryId' in e.payload && e.payload.entryId === id)),
    );
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`waited for ${type} about ${id}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function dutyRow(socket: Client, id: string): Promise<DutyLogEntry | undefined> {
  const snap = await snapshot(socket);
  if (!snap.ok) throw new Error(snap.error.message);
  return (snap.tables.dutyLog as Array<DutyLogEntry>).find((r) => r.id === id);
}

describe('duty log and shift handover on the hub: real sockets', () => {
  let hub: TestHub;
  let duty: Client;
  let commander: Client;
  let wall: Client;
  beforeAll(async () => {
    hub = await startHub();
    const { token } = await login(hub.url, 'duty', 'duty123', 'desk-1');
    duty = await connect(hub.url, token);
    const c = await login(hub.url, 'commander', 'commander123', 'desk-2');
    commander = await connect(hub.url, c.token);
    wall = await loginAndConnect(hub, 'wall', 'wall123');
  });
  afterAll(async () => {
    for (const s of [duty, commander, wall]) s.close();
    await hub.dispose();
  });

  it('a log line reaches every desk with who, when and where; the wall may not write one', async () => {
    const onCommander = recordEvents(commander);
    const entryId = ulid();
    const ack = await send(duty, command('duty.log', { entryId, category: 'intake', text: '接长安镇电话：厂房冒烟' }));
    expect(ack).toMatchObject({ ok: true });
    const event = await dutyEvent(onCommander, 'duty.logged', entryId);
    expect(event.actor).toMatchObject({ username: 'duty', workstation: 'desk-1' });
    const row = await dutyRow(commander, entryId);
    expect(row).toMatchObject({
      kind: 'entry',
      category: 'intake',
      text: '接长安镇电话：厂房冒烟',
      by: { userId: event.actor.userId, workstation: 'desk-1' },
    });

    const refused = await send(wall, command('duty.log', { entryId: ulid(), category: 'other', text: 'x' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const empty = await send(duty, command('duty.log', { entryId: ulid(), category: 'other', text: '   ' }));
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    if (!empty.ok) expect(empty.error.message).toContain('text');
  });

  it('hand over, accepted by another officer; a second accept and a self-accept are refused', async () => {
    // An open incident so the summary has something to freeze.
    const report = reportPayload({ title: '交接测试：化工厂泄漏', category: 'poisoning_asphyxia' });
    expect(await send(duty, command('incident.report', report))).toMatchObject({ ok: true });
    const snap = await snapshot(duty);
    if (!snap.ok) throw new Error(snap.error.message);
    const incidents = snap.tables.incidents as Array<Incident>;
    const summary = handoverSummary({ incidents, linkageActions: [] }, Date.now());
    expect(summary.openIncidents.map((i) => i.incidentId)).toContain(report.incidentId);

    const onCommander = recordEvents(commander);
    const onDuty = recordEvents(duty);
    const handoverId = ulid();
    const handed = await send(
      duty,
      command('duty.handover', { handoverId, summary, remarks: '泄漏点已封堵，待环保复测' }),
    );
    expect(handed).toMatchObject({ ok: true });
    await dutyEvent(onCommander, 'duty.handedOver', handoverId);

    // Self-accept: refused, nothing written.
    const self = await send(duty, command('duty.acceptHandover', { handoverId }));
    expect(self).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Meanwhile the incident moves on; the handover keeps what was handed over.
    expect(
      await send(duty, command('incident.dismiss', { incidentId: report.incidentId, reason: '误报' })),
    ).toMatchObject({ ok: true });

    const accepted = await send(commander, command('duty.acceptHandover', { handoverId, remarks: '已阅，接班' }));
    expect(accepted).toMatchObject({ ok: true });
    const event = await dutyEvent(onDuty, 'duty.handoverAccepted', handoverId);
    expect(event.actor).toMatchObject({ username: 'commander', workstation: 'desk-2' });

    const row = await dutyRow(duty, handoverId);
    if (row?.kind !== 'handover') throw new Error('no handover row');
    expect(row.by).toMatchObject({ name: expect.any(String), workstation: 'desk-1', role: 'duty_officer' });
    expect(row.accepted).toMatchObject({ workstation: 'desk-2', role: 'commander', remarks: '已阅，接班' });
    expect(row.remarks).toBe('泄漏点已封堵，待环保复测');
    expect(row.summary).toEqual(summary);
    expect(row.summary.openIncidents.find((i) => i.incidentId === report.incidentId)?.state).toBe('reported');

    const again = await send(commander, command('duty.acceptHandover', { handoverId }));
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!again.ok) expect(again.error.message).toContain('already acknowledged');
    const eventsAfter = onDuty.events.filter((e) => e.type === 'duty.handoverAccepted');
    expect(eventsAfter).toHaveLength(1);
  });

  it('refuses an unknown handover, a wall acceptance and a malformed summary', async () => {
    const unknown = await send(commander, command('duty.acceptHandover', { handoverId: ulid() }));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const byWall = await send(wall, command('duty.acceptHandover', { handoverId: ulid() }));
    expect(byWall).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const bad = await send(duty, {
      id: ulid(),
      type: 'duty.handover',
      payload: {
        handoverId: ulid(),
        summary: { generatedAt: 'yesterday', openIncidents: [], pendingDeadlines: [], unansweredOrders: [] },
      },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    if (!bad.ok) expect(bad.error.message).toContain('generatedAt');
  });
});
