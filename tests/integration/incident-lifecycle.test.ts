import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectEvent } from '@common/projection/project';
import type { RowLookup } from '@common/projection/project';
import type { ReplicaRowTypes, ReplicaTable } from '@common/projection/tables';
import type { HubEvent } from '@common/protocol/events';
import { HTTP_PATHS } from '@common/protocol/login';
import { deadlineStates } from '@common/rules/reporting-deadlines';
import type { Incident } from '@common/schemas/incident';
import { DEMO_INGEST_KEY } from '../../src-hub/config';
import { command, loginAndConnect, postJson, recordEvents, reportPayload, send, snapshot, startHub } from './helpers';
import type { Client, TestHub } from './helpers';

/** A client-side replica of one incident: the snapshot row, then every event through projectEvent. */
function replicaOf(initial: Incident | undefined) {
  const rows = new Map<string, unknown>();
  if (initial) rows.set(`incidents/${initial.id}`, initial);
  const lookup: RowLookup = <T extends ReplicaTable>(table: T, id: string) =>
    rows.get(`${table}/${id}`) as ReplicaRowTypes[T] | undefined;
  return {
    apply(events: ReadonlyArray<HubEvent>) {
      for (const e of events) for (const c of projectEvent(e, lookup)) rows.set(`${c.table}/${c.id}`, c.value);
    },
    incident: (id: string) => rows.get(`incidents/${id}`) as Incident | undefined,
  };
}

const forIncident = (events: ReadonlyArray<HubEvent>, id: string) =>
  events.filter((e) => 'incidentId' in e.payload && e.payload.incidentId === id);

/** Waits until the recorder holds `n` events about the incident (of one type, if given). */
async function eventsAbout(
  rec: ReturnType<typeof recordEvents>,
  id: string,
  n: number,
  type?: HubEvent['type'],
): Promise<Array<HubEvent>> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mine = forIncident(rec.events, id).filter((e) => type === undefined || e.type === type);
    if (mine.length >= n) return mine;
    if (Date.now() > deadline) throw new Error(`waited for ${n} events about ${id}, got ${mine.length}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('incident lifecycle on the hub: two clients, real sockets', () => {
  let hub: TestHub;
  let duty: Client;
  let commander: Client;
  let drill: Client;
  beforeAll(async () => {
    hub = await startHub();
    duty = await loginAndConnect(hub, 'duty', 'duty123');
    commander = await loginAndConnect(hub, 'commander', 'commander123');
    drill = await loginAndConnect(hub, 'drill', 'drill123');
  });
  afterAll(async () => {
    for (const s of [duty, commander, drill]) s.close();
    await hub.dispose();
  });

  async function reported(overrides: Parameters<typeof reportPayload>[0] = {}): Promise<string> {
    const p = reportPayload(overrides);
    expect(await send(duty, command('incident.report', p))).toMatchObject({ ok: true });
    return p.incidentId;
  }

  it('refuses an invalid transition with invalid_transition naming the state, and logs nothing', async () => {
    const id = await reported();
    const before = hub.headSeq();
    const close = await send(commander, command('incident.close', { incidentId: id, summary: '结案' }));
    expect(close).toEqual({
      ok: false,
      error: {
        code: 'invalid_transition',
        message: 'the incident is reported: close is not allowed (allowed: verify, dismiss, update, reportUpward)',
      },
    });
    const activate = await send(duty, command('incident.activateResponse', { incidentId: id, level: 4 }));
    expect(activate).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    expect(!activate.ok && activate.error.message).toMatch(/^the incident is reported:/);
    expect(hub.headSeq()).toBe(before);
    expect(hub.store.getRow('incidents', id)?.state).toBe('reported');
  });

  it('a verified incident needing no county response is closed (办结) with a summary, no level', async () => {
    const id = await reported();
    expect(await send(duty, command('incident.verify', { incidentId: id }))).toMatchObject({ ok: true });
    const empty = await send(duty, command('incident.close', { incidentId: id, summary: '  ' }));
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const closed = await send(
      duty,
      command('incident.close', { incidentId: id, summary: '办结：核实后无需县级响应，由企业自行处置' }),
    );
    expect(closed).toMatchObject({ ok: true });
    const row = hub.store.getRow('incidents', id);
    expect(row?.state).toBe('closed');
    expect(row?.level).toBeUndefined();
    expect(row?.closeSummary).toBe('办结：核实后无需县级响应，由企业自行处置');
  });

  it('a casualty update re-grades: both clients receive the new grade and project it', async () => {
    const id = await reported({ casualties: { deaths: 1, seriousInjuries: 0, injured: 2, missing: 0, trapped: 0 } });
    const [snapA, snapB] = await Promise.all([snapshot(duty), snapshot(commander)]);
    if (!snapA.ok || !snapB.ok) throw new Error('snapshot failed');
    const replicaA = replicaOf(snapA.tables.incidents.find((i) => i.id === id));
    const replicaB = replicaOf(snapB.tables.incidents.find((i) => i.id === id));
    expect(replicaB.incident(id)?.grade).toBe('general');
    const seenA = recordEvents(duty);
    const seenB = recordEvents(commander);
    const ack = await send(duty, command('incident.update', { incidentId: id, patch: { casualties: { deaths: 3 } } }));
    expect(ack).toMatchObject({ ok: true });
    const [a, b] = await Promise.all([
      eventsAbout(seenA, id, 1, 'incident.updated'),
      eventsAbout(seenB, id, 1, 'incident.updated'),
    ]);
    for (const [events, replica] of [
      [a, replicaA],
      [b, replicaB],
    ] as const) {
      expect(events[0]).toMatchObject({ type: 'incident.updated', payload: { grade: 'larger' } });
      replica.apply(events);
      expect(replica.incident(id)).toMatchObject({ grade: 'larger', suggestedLevel: 3 });
      expect(replica.incident(id)?.gradeHistory.map((g) => g.grade)).toEqual(['general', 'larger']);
    }
    expect(hub.store.getRow('incidents', id)).toMatchObject({ grade: 'larger', casualties: { deaths: 3 } });
    // the larger grade needs the province: a deadline the console can count down
    const deadlines = deadlineStates(hub.store.getRow('incidents', id) as Incident, Date.now());
    expect(deadlines.map((d) => d.recipientLevel)).toEqual(['county', 'city', 'province', 'province']);
  });

  it('the full path, every event seen by the second client in order', async () => {
    const seen = recordEvents(commander);
    const id = await reported({ title: '测试：板材厂粉尘爆炸' });
    const steps = [
      command('incident.verify', { incidentId: id }),
      command('incident.activateResponse', { incidentId: id, level: 4 }),
      command('incident.changeLevel', { incidentId: id, level: 3, reason: '伤亡扩大，超出乡镇处置能力' }),
      command('incident.suspend', { incidentId: id, reason: '雷雨，暂停作业' }),
      command('incident.resume', { incidentId: id }),
      command('incident.terminate', { incidentId: id, reason: '明火扑灭，人员全部撤离' }),
      command('incident.close', { incidentId: id, summary: '善后处置完毕，转入事故调查' }),
    ];
    const seqs: Array<number> = [];
    for (const c of steps) {
      const ack = await send(duty, c);
      expect(ack, c.type).toMatchObject({ ok: true });
      if (ack.ok) seqs.push(ack.seq);
    }
    const events = await eventsAbout(seen, id, steps.length + 1);
    expect(events.map((e) => e.type)).toEqual([
      'incident.reported',
      'incident.verified',
      'incident.responseActivated',
      'incident.levelChanged',
      'incident.suspended',
      'incident.resumed',
      'incident.terminated',
      'incident.closed',
    ]);
    expect(events.slice(1).map((e) => e.seq)).toEqual(seqs);
    expect(events[3]).toMatchObject({ payload: { from: 4, level: 3 }, actor: { username: 'duty' } });
    const row = hub.store.getRow('incidents', id);
    expect(row).toMatchObject({ state: 'closed', level: 3, closeSummary: '善后处置完毕，转入事故调查' });
    expect(row?.stateHistory.map((s) => s.state)).toEqual([
      'reported',
      'verified',
      'responding',
      'suspended',
      'responding',
      'terminated',
      'closed',
    ]);
    for (const key of ['verifiedAt', 'respondingSince', 'suspendedAt', 'terminatedAt', 'closedAt'] as const) {
      expect(row?.[key], key).toBeTypeOf('string');
    }
    // a closed incident takes no more changes to its facts
    const before = hub.headSeq();
    const update = await send(duty, command('incident.update', { incidentId: id, patch: { title: '改' } }));
    expect(update).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    expect(!update.ok && update.error.message).toMatch(/^the incident is closed \(level Ⅲ\):/);
    expect(hub.headSeq()).toBe(before);
  });

  it('dismisses a false report from reported, with its reason; nothing more is allowed', async () => {
    const id = await reported();
    expect(await send(commander, command('incident.dismiss', { incidentId: id, reason: '报警人误报' }))).toMatchObject({
      ok: true,
    });
    expect(hub.store.getRow('incidents', id)).toMatchObject({ state: 'dismissed', dismissedReason: '报警人误报' });
    const verify = await send(duty, command('incident.verify', { incidentId: id }));
    expect(verify).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    expect(!verify.ok && verify.error.message).toContain('the incident is dismissed');
    const empty = await send(duty, command('incident.dismiss', { incidentId: id, reason: '  ' }));
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('records a report upward (who, to whom, when) and refuses a time in the future', async () => {
    const seen = recordEvents(commander);
    const id = await reported();
    const reportedAt = new Date(Date.now() - 60_000).toISOString();
    const ack = await send(
      duty,
      command('incident.reportUpward', {
        incidentId: id,
        recipientLevel: 'city',
        recipient: '柳州市应急管理局值班室',
        reportedAt,
        by: '张敏',
      }),
    );
    expect(ack).toMatchObject({ ok: true });
    const [, event] = await eventsAbout(seen, id, 2);
    expect(event).toMatchObject({ type: 'incident.reportedUpward', payload: { recipientLevel: 'city', by: '张敏' } });
    const row = hub.store.getRow('incidents', id) as Incident;
    expect(row.reports).toEqual([
      {
        recipientLevel: 'city',
        recipient: '柳州市应急管理局值班室',
        reportedAt,
        by: '张敏',
        seq: ack.ok ? ack.seq : -1,
      },
    ]);
    const city = deadlineStates(row, Date.now()).find((d) => d.recipientLevel === 'city');
    expect(city?.status).toBe('met');
    const before = hub.headSeq();
    const future = await send(
      duty,
      command('incident.reportUpward', {
        incidentId: id,
        recipientLevel: 'province',
        recipient: '自治区应急管理厅',
        reportedAt: new Date(Date.now() + 3_600_000).toISOString(),
        by: '张敏',
      }),
    );
    expect(future).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(hub.headSeq()).toBe(before);
  });

  it('a drill coordinator cannot verify a real incident, but can step a drill one', async () => {
    const real = await reported();
    const before = hub.headSeq();
    const refused = await send(drill, command('incident.verify', { incidentId: real }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(hub.headSeq()).toBe(before);
    const p = { ...reportPayload(), mode: 'drill' as const, drillId: 'drill-test' };
    expect(await send(drill, command('incident.report', p))).toMatchObject({ ok: true });
    expect(await send(drill, command('incident.verify', { incidentId: p.incidentId }))).toMatchObject({ ok: true });
    const wall = await loginAndConnect(hub, 'wall', 'wall123');
    expect(await send(wall, command('incident.verify', { incidentId: real }))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    wall.close();
  });

  it('the ingest API still creates a reported incident, graded', async () => {
    const res = await postJson(
      `${hub.url}${HTTP_PATHS.ingestIncidents}`,
      {
        title: '119转警：泗顶镇矿区坍塌',
        category: 'collapse',
        occurredAt: new Date().toISOString(),
        location: { lng: 109.3, lat: 25.07 },
        casualties: { deaths: 0, seriousInjuries: 12 },
      },
      { 'x-api-key': DEMO_INGEST_KEY },
    );
    expect(res.status).toBe(201);
    const { incidentId } = res.body as { incidentId: string };
    expect(hub.store.getRow('incidents', incidentId)).toMatchObject({
      state: 'reported',
      source: 'ingest_api',
      grade: 'larger',
      suggestedLevel: 3,
    });
  });

  it('not_found before the state machine', async () => {
    expect(await send(duty, command('incident.verify', { incidentId: '01J00000000000000000000000' }))).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
