import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { projectEvent } from '@common/projection/project';
import { REPLICA_TABLES } from '@common/projection/tables';
import type { ReplicaRow, ReplicaTable } from '@common/projection/tables';
import { SYNC_PAGE_MAX } from '@common/protocol/limits';
import { DEMO_COUNTY_SIZE } from '../../src-hub/demo/generate';
import {
  command,
  connect,
  healthz,
  login,
  loginAndConnect,
  reportPayload,
  send,
  snapshot,
  sync,
  syncAll,
  startHub,
} from './helpers';
import type { Client, TestHub } from './helpers';

describe('catch-up and snapshots', () => {
  let hub: TestHub;
  const sockets: Array<Client> = [];
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await hub.dispose();
  });

  it('a client disconnected while 500 events happen catches up via paged sync: all, in order, once', async () => {
    const writer = await loginAndConnect(hub, 'duty', 'duty123');
    sockets.push(writer);
    const { token } = await login(hub.url, 'commander', 'commander123');
    const reader = await connect(hub.url, token);
    const incident = reportPayload();
    expect(await send(writer, command('incident.report', incident))).toMatchObject({ ok: true });
    const lastSeen = (await healthz(hub.url)).seq;
    reader.close();

    const noteIds: Array<string> = [];
    const acks = await Promise.all(
      Array.from({ length: 500 }, (_, i) => {
        const noteId = ulid();
        noteIds.push(noteId);
        return send(writer, command('incident.note', { incidentId: incident.incidentId, noteId, text: `进展 ${i}` }));
      }),
    );
    expect(acks.every((a) => a.ok)).toBe(true);

    const back = await connect(hub.url, token);
    sockets.push(back);
    let pages = 0;
    const events = [];
    let since = lastSeen;
    for (;;) {
      const page = await sync(back, since, 120);
      if (!page.ok) throw new Error(page.error.message);
      pages += 1;
      events.push(...page.events);
      const last = page.events.at(-1);
      if (!page.more || !last) break;
      since = last.seq;
    }
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(events).toHaveLength(500);
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: 500 }, (_, i) => lastSeen + 1 + i));
    const got = events.map((e) => (e.type === 'incident.noted' ? e.payload.noteId : ''));
    expect(got).toEqual(noteIds);
    expect(new Set(got).size).toBe(500);
  });

  it('validates sync requests', async () => {
    const s = await loginAndConnect(hub, 'wall', 'wall123');
    sockets.push(s);
    for (const bad of [
      { sinceSeq: -1 },
      { sinceSeq: 'x' },
      { sinceSeq: 0, limit: SYNC_PAGE_MAX + 1 },
      { since: 0 },
      null,
    ]) {
      const r = await s.timeout(5000).emitWithAck('sync', bad);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    const page = await sync(s, 0);
    expect(page.ok && page.events.length).toBe(500);
    expect(page.ok && page.more).toBe(true);
  });

  it('snapshot returns every table at one seq, equal to replaying the log through the shared projection', async () => {
    const s = await loginAndConnect(hub, 'wall', 'wall123');
    sockets.push(s);
    const snap = await snapshot(s);
    expect(snap.ok).toBe(true);
    if (!snap.ok) return;
    expect(snap.seq).toBe(hub.headSeq());
    expect(Object.keys(snap.tables).sort()).toEqual([...REPLICA_TABLES].sort());
    expect(snap.tables.departments).toHaveLength(26);
    expect(snap.tables.enterprises).toHaveLength(DEMO_COUNTY_SIZE.enterprises);
    expect(snap.tables.hazardSources).toHaveLength(DEMO_COUNTY_SIZE.hazardSources);
    expect(snap.tables.shelters).toHaveLength(DEMO_COUNTY_SIZE.shelters);
    expect(snap.tables.supplyDepots).toHaveLength(DEMO_COUNTY_SIZE.supplyDepots);
    expect(snap.tables.receptors).toHaveLength(DEMO_COUNTY_SIZE.receptors);
    expect(snap.tables.incidents.filter((i) => i.mode === 'drill')).toHaveLength(1);

    const replica = new Map<string, ReplicaRow>();
    const key = (t: ReplicaTable, id: string): string => `${t}/${id}`;
    for (const e of await syncAll(s, 0, 1000)) {
      if (e.seq > snap.seq) break;
      for (const c of projectEvent(e, (t, id) => replica.get(key(t, id)) as never)) {
        if (c.value === null) replica.delete(key(c.table, c.id));
        else replica.set(key(c.table, c.id), c.value);
      }
    }
    for (const table of REPLICA_TABLES) {
      const fromSnapshot = [...snap.tables[table]].sort((a, b) => (a.id < b.id ? -1 : 1));
      const fromLog = [...replica.entries()]
        .filter(([k]) => k.startsWith(`${table}/`))
        .map(([, v]) => v)
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(fromSnapshot, table).toEqual(fromLog);
    }
  });
});
