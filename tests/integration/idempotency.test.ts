import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { command, loginAndConnect, recordEvents, reportPayload, send, sleep, startHub, syncAll } from './helpers';
import type { Client, TestHub } from './helpers';

describe('exactly-once effect per command id', () => {
  let hub: TestHub;
  const sockets: Array<Client> = [];
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await hub.dispose();
  });

  it('the same command id sent 3 times gives one event and three answers with the same seq', async () => {
    const duty = await loginAndConnect(hub, 'duty', 'duty123');
    const watcher = await loginAndConnect(hub, 'wall', 'wall123');
    sockets.push(duty, watcher);
    const seen = recordEvents(watcher);
    const before = hub.headSeq();
    const cmd = command('incident.report', reportPayload());
    // two at once (same batch) and one later (after commit)
    const [a1, a2] = await Promise.all([send(duty, cmd), send(duty, cmd)]);
    const a3 = await send(duty, cmd);
    for (const a of [a1, a2, a3]) expect(a).toMatchObject({ ok: true, seq: before + 1 });
    expect(a1).toEqual({ ok: true, seq: before + 1 });
    expect(a2).toEqual({ ok: true, seq: before + 1, duplicate: true });
    expect(a3).toEqual(a2);
    expect(hub.headSeq()).toBe(before + 1);
    await sleep(300);
    expect(seen.events.filter((e) => e.commandId === cmd.id)).toHaveLength(1);
    const log = await syncAll(duty, before);
    expect(log.filter((e) => e.commandId === cmd.id)).toHaveLength(1);
  });

  it('a resend from a new connection (as after a reconnect) has no second effect', async () => {
    const first = await loginAndConnect(hub, 'duty', 'duty123');
    const cmd = command('incident.report', reportPayload());
    const answer = await send(first, cmd);
    first.close();
    const again = await loginAndConnect(hub, 'duty', 'duty123');
    sockets.push(again);
    expect(await send(again, cmd)).toEqual({ ...answer, duplicate: true });
  });

  it('the same id from another user or for another type is a conflict', async () => {
    const duty = await loginAndConnect(hub, 'duty', 'duty123');
    const commander = await loginAndConnect(hub, 'commander', 'commander123');
    sockets.push(duty, commander);
    const cmd = command('incident.report', reportPayload());
    expect(await send(duty, cmd)).toMatchObject({ ok: true });
    expect(await send(commander, cmd)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const other = command('incident.note', { incidentId: cmd.payload.incidentId, noteId: ulid(), text: 'x' }, cmd.id);
    expect(await send(duty, other)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('a refused command leaves nothing behind, and its resend may succeed later', async () => {
    const duty = await loginAndConnect(hub, 'duty', 'duty123');
    sockets.push(duty);
    const incident = reportPayload();
    const note = command('incident.note', { incidentId: incident.incidentId, noteId: ulid(), text: '先到的备注' });
    const before = hub.headSeq();
    expect(await send(duty, note)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(hub.headSeq()).toBe(before);
    expect(hub.store.getCommand(note.id)).toBeUndefined();
    expect(await send(duty, command('incident.report', incident))).toMatchObject({ ok: true });
    expect(await send(duty, note)).toMatchObject({ ok: true, seq: before + 2 });
  });
});
