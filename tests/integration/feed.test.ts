import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { HTTP_PATHS } from '@common/protocol/login';
import {
  command,
  connect,
  healthz,
  login,
  loginAndConnect,
  postJson,
  recordEvents,
  reportPayload,
  send,
  sleep,
  startHub,
} from './helpers';
import type { Client, TestHub } from './helpers';

describe('hub feed: commands in, events out', () => {
  let hub: TestHub;
  const sockets: Array<Client> = [];
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await hub.dispose();
  });

  it('two clients: one reports, the other receives the event exactly once', async () => {
    const a = await loginAndConnect(hub, 'duty', 'duty123');
    const b = await loginAndConnect(hub, 'commander', 'commander123');
    sockets.push(a, b);
    const seenByB = recordEvents(b);
    const payload = reportPayload({ title: '两个客户端的测试事件' });
    const ack = await send(a, command('incident.report', payload));
    expect(ack).toMatchObject({ ok: true });
    if (!ack.ok) return;
    await seenByB.waitFor(1);
    await sleep(300); // a second copy would arrive by now
    const mine = seenByB.events.filter(
      (e) => e.type === 'incident.reported' && e.payload.incidentId === payload.incidentId,
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]?.seq).toBe(ack.seq);
    expect(mine[0]?.actor).toMatchObject({ username: 'duty', role: 'duty_officer', workstation: 'test-ws' });
    expect(mine[0]?.mode).toBe('real');
  });

  it('the wall sends nothing: its command is refused as forbidden', async () => {
    const wall = await loginAndConnect(hub, 'wall', 'wall123');
    sockets.push(wall);
    const before = hub.headSeq();
    const ack = await send(wall, command('incident.report', reportPayload()));
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(hub.headSeq()).toBe(before);
  });

  it('a drill coordinator cannot touch a real incident', async () => {
    const duty = await loginAndConnect(hub, 'duty', 'duty123');
    const drill = await loginAndConnect(hub, 'drill', 'drill123');
    sockets.push(duty, drill);
    const real = reportPayload();
    expect(await send(duty, command('incident.report', real))).toMatchObject({ ok: true });
    const note = await send(
      drill,
      command('incident.note', { incidentId: real.incidentId, noteId: ulid(), text: 'x' }),
    );
    expect(note).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const realByDrill = await send(drill, command('incident.report', reportPayload()));
    expect(realByDrill).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const drillReport = await send(
      drill,
      command('incident.report', { ...reportPayload(), mode: 'drill', drillId: 'drill-test' }),
    );
    expect(drillReport).toMatchObject({ ok: true });
  });

  it('report, update, note and entity commands give the right refusals', async () => {
    const duty = await loginAndConnect(hub, 'duty', 'duty123');
    const admin = await loginAndConnect(hub, 'admin', 'admin123');
    sockets.push(duty, admin);
    const p = reportPayload();
    expect(await send(duty, command('incident.report', p))).toMatchObject({ ok: true });
    expect(await send(duty, command('incident.report', p))).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await send(duty, command('incident.update', { incidentId: ulid(), patch: { title: 'x' } }))).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await send(duty, command('incident.update', { incidentId: p.incidentId, patch: { casualties: { injured: 2 } } })),
    ).toMatchObject({ ok: true });
    const noteId = ulid();
    expect(
      await send(duty, command('incident.note', { incidentId: p.incidentId, noteId, text: '到场' })),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await send(duty, command('incident.note', { incidentId: p.incidentId, noteId, text: '再次' })),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await send(duty, command('incident.note', { incidentId: ulid(), noteId: ulid(), text: 'x' }))).toMatchObject(
      {
        ok: false,
        error: { code: 'not_found' },
      },
    );
    expect(await send(admin, command('entity.delete', { kind: 'plans', id: 'plan-nope' }))).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await send(admin, command('entity.delete', { kind: 'plans', id: 'plan-county' }))).toMatchObject({
      ok: true,
    });
    expect(hub.store.getRow('plans', 'plan-county')).toBeUndefined();
    const incident = hub.store.getRow('incidents', p.incidentId);
    expect(incident?.casualties.injured).toBe(2);
    expect(incident?.noteCount).toBe(1);
  });

  it('refuses a missing, unknown or expired token at connect with "unauthorized"', async () => {
    await expect(connect(hub.url, undefined)).rejects.toThrow('unauthorized');
    await expect(connect(hub.url, 'x'.repeat(43))).rejects.toThrow('unauthorized');
    const short = await startHub({ tokenTtlMs: 1000 });
    try {
      const { token } = await login(short.url, 'duty', 'duty123');
      await sleep(1200);
      await expect(connect(short.url, token)).rejects.toThrow('unauthorized');
    } finally {
      await short.dispose();
    }
  });

  it('ends a connected session that expires or is revoked with session.ended', async () => {
    const short = await startHub({ tokenTtlMs: 1500 });
    try {
      const { token } = await login(short.url, 'duty', 'duty123');
      const s = await connect(short.url, token);
      const ended = new Promise<string>((resolve) => s.on('session.ended', (r) => resolve(r.code)));
      const closed = new Promise<string>((resolve) => s.on('disconnect', (reason) => resolve(reason)));
      expect(await ended).toBe('unauthorized');
      expect(await closed).toBe('io server disconnect');
      const { token: t2 } = await login(short.url, 'commander', 'commander123');
      const s2 = await connect(short.url, t2);
      const ended2 = new Promise<string>((resolve) => s2.on('session.ended', (r) => resolve(r.message)));
      short.revokeUserSessions('u-commander');
      expect(await ended2).toMatch(/revoked/);
      await expect(connect(short.url, t2)).rejects.toThrow('unauthorized');
    } finally {
      await short.dispose();
    }
  });

  it('login: a wrong password is 401 with an error body; a good one gives a token and the user', async () => {
    const bad = await postJson(`${hub.url}${HTTP_PATHS.login}`, {
      username: 'duty',
      password: 'nope',
      workstation: 'x',
    });
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    const unknown = await postJson(`${hub.url}${HTTP_PATHS.login}`, { username: 'nobody', password: 'nope' });
    expect(unknown.status).toBe(401);
    const malformed = await postJson(`${hub.url}${HTTP_PATHS.login}`, { username: 'duty' });
    expect(malformed.status).toBe(400);
    const good = await login(hub.url, 'fire', 'fire123');
    expect(good.user).toEqual({
      id: 'u-fire',
      username: 'fire',
      displayName: expect.any(String),
      role: 'liaison',
      departmentId: 'fire-rescue',
    });
    expect(Date.parse(good.expiresAt)).toBeGreaterThan(Date.now());
  });

  it('healthz and metrics answer', async () => {
    const h = await healthz(hub.url);
    expect(h).toMatchObject({ ok: true, seq: hub.headSeq() });
    const text = await (await fetch(`${hub.url}${HTTP_PATHS.metrics}`)).text();
    expect(text).toMatch(/watchfloor_commands_total\{type="incident.report",result="ok"\} \d+/);
    expect(text).toMatch(/watchfloor_head_seq \d+/);
    expect(text).toMatch(/watchfloor_connected_sockets \d+/);
    expect(text).toMatch(/watchfloor_command_duration_seconds_bucket/);
  });
});
