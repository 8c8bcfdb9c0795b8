import { afterEach, describe, expect, it, vi } from 'vitest';
import { ulid } from 'ulid';
import { createConnectionStore } from '../../../src-renderer/src/sync/connection-store';
import { InvalidCommandError, SyncEngine } from '../../../src-renderer/src/sync/sync-engine';
import type { SyncEngineOptions } from '../../../src-renderer/src/sync/sync-engine';
import type { FailedCommandRow, WatchfloorDb } from '../../../src-renderer/src/db/db';
import { FakeHub, FakeTransport, freshDb, notedEvent, reportedEvent } from './fake-hub';

const engines: Array<SyncEngine> = [];
afterEach(async () => {
  for (const e of engines.splice(0)) e.stop();
});

async function setup(options: Partial<SyncEngineOptions> & { db?: WatchfloorDb; hub?: FakeHub } = {}) {
  const hub = options.hub ?? new FakeHub();
  const transport = new FakeTransport(hub);
  const db = options.db ?? freshDb();
  const store = createConnectionStore();
  const engine = new SyncEngine({ pageSize: 2, retryDelayMs: 20, ...options, db, transport, store });
  engines.push(engine);
  await engine.start();
  return { hub, transport, db, store, engine };
}

async function settle(engine: SyncEngine): Promise<void> {
  // pumps can be woken by timers: wait until they stay idle for a moment
  for (let i = 0; i < 3; i++) {
    await engine.idle();
    await new Promise((r) => setTimeout(r, 5));
  }
  await engine.idle();
}

const note = (incidentId: string) => ({ incidentId, noteId: ulid(), text: '补报：伤员已送医' });

describe('catch-up', () => {
  it('pages sync from 0 until `more` is false, applying every event and advancing lastSeq', async () => {
    const hub = new FakeHub();
    const { incidentId } = hub.reportIncident('演示：板材厂粉尘爆炸');
    for (let i = 0; i < 4; i++) hub.noteIncident(incidentId, `note ${i}`);
    const { transport, engine, db, store } = await setup({ hub });
    transport.connect();
    await settle(engine);
    expect(transport.syncRequests.map((r) => r.sinceSeq)).toEqual([0, 2, 4]);
    expect((await db.meta.get('lastSeq'))?.value).toBe(5);
    expect(store.getState().lastSeq).toBe(5);
    expect((await db.incidents.get(incidentId))?.noteCount).toBe(4);
    expect(await db.incidentNotes.where('incidentId').equals(incidentId).count()).toBe(4);
    expect(store.getState().status).toBe('online');
    expect(store.getState().catchUp).toBeNull();
  });

  it('resumes from the stored lastSeq after a restart, not from 0', async () => {
    const hub = new FakeHub();
    hub.reportIncident();
    hub.reportIncident();
    const first = await setup({ hub });
    first.transport.connect();
    await settle(first.engine);
    first.engine.stop();
    hub.reportIncident();
    const second = await setup({ hub, db: first.db });
    second.transport.connect();
    await settle(second.engine);
    expect(second.transport.syncRequests.map((r) => r.sinceSeq)).toEqual([2]);
    expect(await second.db.incidents.count()).toBe(3);
  });

  it('buffers live events that arrive during catch-up and applies them after, in order', async () => {
    const hub = new FakeHub();
    const { incidentId } = hub.reportIncident();
    hub.noteIncident(incidentId, 'a');
    const { transport, engine, db } = await setup({ hub, pageSize: 100 });
    let release = () => {};
    transport.syncGate = new Promise<void>((r) => (release = r));
    transport.connect();
    await new Promise((r) => setTimeout(r, 5));
    // the hub appends and pushes while the client is still waiting for its page (read at seq 2)
    transport.push(hub.noteIncident(incidentId, 'b'));
    transport.push(hub.noteIncident(incidentId, 'c'));
    expect(await db.incidents.count()).toBe(0);
    transport.syncGate = null;
    release();
    await settle(engine);
    expect(transport.syncRequests).toHaveLength(1);
    expect(engine.currentLastSeq).toBe(4);
    const notes = await db.incidentNotes.where('[incidentId+seq]').between([incidentId, 0], [incidentId, 99]).toArray();
    expect(notes.map((n) => n.text)).toEqual(['a', 'b', 'c']);
    expect((await db.incidents.get(incidentId))?.noteCount).toBe(3);
  });
});

describe('live events', () => {
  it('applies live events in seq order', async () => {
    const { hub, transport, engine, db } = await setup();
    transport.connect();
    await settle(engine);
    const { event, incidentId } = hub.reportIncident();
    transport.push(event);
    transport.push(hub.noteIncident(incidentId, 'first'));
    transport.push(hub.noteIncident(incidentId, 'second'));
    await settle(engine);
    expect(engine.currentLastSeq).toBe(3);
    expect((await db.incidents.get(incidentId))?.noteCount).toBe(2);
    expect(transport.syncRequests).toHaveLength(1); // only the connect catch-up
  });

  it('detects a gap and fetches the missing range via sync before applying', async () => {
    const { hub, transport, engine, db } = await setup({ pageSize: 100 });
    transport.connect();
    await settle(engine);
    const { event: e1, incidentId } = hub.reportIncident();
    transport.push(e1);
    await settle(engine);
    const lost = [hub.noteIncident(incidentId, 'lost 2'), hub.noteIncident(incidentId, 'lost 3')];
    expect(lost.map((e) => e.seq)).toEqual([2, 3]);
    transport.push(hub.noteIncident(incidentId, 'arrived 4'));
    await settle(engine);
    expect(transport.syncRequests.map((r) => r.sinceSeq)).toEqual([0, 1]);
    expect(engine.currentLastSeq).toBe(4);
    const texts = (await db.incidentNotes.where('incidentId').equals(incidentId).sortBy('seq')).map((n) => n.text);
    expect(texts).toEqual(['lost 2', 'lost 3', 'arrived 4']);
    expect((await db.incidents.get(incidentId))?.noteCount).toBe(3);
  });

  it('drops duplicates (seq ≤ lastSeq) without applying them twice', async () => {
    const { hub, transport, engine, db } = await setup();
    transport.connect();
    await settle(engine);
    const { event: e1, incidentId } = hub.reportIncident();
    const e2 = hub.noteIncident(incidentId);
    transport.push(e1);
    transport.push(e2);
    transport.push(e2);
    await settle(engine);
    transport.push(e2);
    transport.push(e1);
    await settle(engine);
    expect((await db.incidents.get(incidentId))?.noteCount).toBe(1);
    expect(await db.incidentNotes.count()).toBe(1);
    expect(engine.currentLastSeq).toBe(2);
  });

  it('treats a sync page as authoritative: seqs the hub filtered out are skipped, not chased', async () => {
    const hub = new FakeHub();
    const { incidentId } = hub.reportIncident();
    hub.noteIncident(incidentId, 'hidden from this user');
    hub.noteIncident(incidentId, 'visible');
    const { transport, engine, db, store } = await setup({ hub, pageSize: 100 });
    const page = hub.page.bind(hub);
    hub.page = (since, limit) => {
      const p = page(since, limit);
      return { ...p, events: p.events.filter((e) => e.seq !== 2) };
    };
    transport.connect();
    await settle(engine);
    expect(engine.currentLastSeq).toBe(3);
    expect(transport.syncRequests).toHaveLength(1);
    expect(store.getState().lastError).toBeNull();
    expect((await db.incidentNotes.toArray()).map((n) => n.text)).toEqual(['visible']);
    // a live event after a filtered one: one sync for the gap, then nothing more
    hub.noteIncident(incidentId, 'hidden again');
    transport.push(hub.noteIncident(incidentId, 'live'));
    hub.page = (since, limit) => {
      const p = page(since, limit);
      return { ...p, events: p.events.filter((e) => e.seq !== 2 && e.seq !== 4) };
    };
    await settle(engine);
    expect(engine.currentLastSeq).toBe(5);
    expect(transport.syncRequests).toHaveLength(2);
  });

  it('moves past a full page of events it may not see, by the seq the page covers', async () => {
    const hub = new FakeHub();
    const { incidentId } = hub.reportIncident();
    for (let i = 0; i < 4; i++) hub.noteIncident(incidentId, `hidden ${i}`);
    hub.noteIncident(incidentId, 'visible');
    const { transport, engine, db, store } = await setup({ hub, pageSize: 2 });
    const page = hub.page.bind(hub);
    // seqs 2–5 are for another department: the pages (1,3] and (3,5] arrive empty but with `more`
    hub.page = (since, limit) => {
      const p = page(since, limit);
      return { ...p, events: p.events.filter((e) => e.seq < 2 || e.seq > 5) };
    };
    transport.connect();
    await settle(engine);
    expect(store.getState().lastError).toBeNull();
    expect(engine.currentLastSeq).toBe(6);
    expect((await db.incidentNotes.toArray()).map((n) => n.text)).toEqual(['visible']);
  });

  it('never applies a bad event: logs it and resyncs from the log instead', async () => {
    const errors: Array<string> = [];
    const logger = { debug() {}, info() {}, warn() {}, error: (m: string) => void errors.push(m) };
    const { hub, transport, engine, db, store } = await setup({ logger });
    transport.connect();
    await settle(engine);
    const { event, incidentId } = hub.reportIncident('真实标题');
    // corrupted on the way: a title the schema refuses and no actor
    const bad = { ...event, actor: undefined, payload: { ...event.payload, report: { title: '' } } };
    transport.push(bad);
    await settle(engine);
    expect(errors.some((m) => m.includes('bad event'))).toBe(true);
    expect(store.getState().lastError).toMatch(/bad event seq 1/);
    expect(transport.syncRequests).toHaveLength(2); // connect + the resync the bad event caused
    expect((await db.incidents.get(incidentId))?.title).toBe('真实标题');
    expect(engine.currentLastSeq).toBe(1);
  });

  it('stops at a bad event inside a sync page and keeps lastSeq before it', async () => {
    const hub = new FakeHub();
    hub.reportIncident();
    hub.log.push({ ...reportedEvent(2, ulid(), 'x'), type: 'incident.bogus' } as never);
    hub.reportIncident();
    const { transport, engine, db, store } = await setup({ hub, pageSize: 10, retryDelayMs: 10_000 });
    transport.connect();
    await settle(engine);
    expect(engine.currentLastSeq).toBe(1);
    expect(await db.incidents.count()).toBe(1);
    expect(store.getState().lastError).toMatch(/bad event after seq 1/);
  });

  it('applies a batch as one transaction: a note before its incident in the same batch still counts', async () => {
    const { transport, engine, db } = await setup();
    transport.connect();
    await settle(engine);
    const incidentId = ulid();
    transport.push(notedEvent(2, incidentId, 'n'));
    transport.push(reportedEvent(1, incidentId, 't'));
    await settle(engine);
    // seq 1 creates the incident, seq 2 increments its note count: order by seq, not arrival
    expect((await db.incidents.get(incidentId))?.noteCount).toBe(1);
  });
});

describe('outbox', () => {
  it('saves commands while offline, shows the count, and sends them in order on connect', async () => {
    const { hub, transport, engine, store, db } = await setup();
    const incidentId = ulid();
    const ids = [
      await engine.enqueue('incident.note', note(incidentId)),
      await engine.enqueue('incident.note', note(incidentId)),
      await engine.enqueue('incident.note', note(incidentId)),
    ];
    expect(store.getState().outboxCount).toBe(3);
    expect(await db.outbox.count()).toBe(3);
    expect(transport.sentCommandIds).toEqual([]);
    transport.connect();
    await settle(engine);
    expect(hub.effects.map((c) => c.id)).toEqual(ids);
    expect(store.getState().outboxCount).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('resends with the same id after a lost ack; the hub applies it exactly once', async () => {
    const { hub, transport, engine, store } = await setup();
    transport.connect();
    await settle(engine);
    transport.commandBehaviours.push('drop-ack-and-disconnect');
    const id = await engine.enqueue('incident.note', note(ulid()));
    const second = await engine.enqueue('incident.note', note(ulid()));
    await settle(engine);
    expect(store.getState().status).toBe('reconnecting');
    expect(store.getState().outboxCount).toBe(2);
    expect(hub.effects.map((c) => c.id)).toEqual([id]);
    transport.connect();
    await settle(engine);
    expect(transport.sentCommandIds).toEqual([id, id, second]);
    expect(hub.effects.map((c) => c.id)).toEqual([id, second]);
    expect(store.getState().outboxCount).toBe(0);
  });

  it('keeps a command when the line drops before the hub saw it, and sends it after reconnect', async () => {
    const { hub, transport, engine } = await setup();
    transport.connect();
    await settle(engine);
    transport.commandBehaviours.push('disconnect-before-hub');
    const id = await engine.enqueue('incident.note', note(ulid()));
    await settle(engine);
    expect(hub.effects).toEqual([]);
    transport.connect();
    await settle(engine);
    expect(hub.effects.map((c) => c.id)).toEqual([id]);
  });

  it('survives a restart: the outbox is on disk and resent with the same ids', async () => {
    const first = await setup();
    const id = await first.engine.enqueue('incident.note', note(ulid()));
    first.engine.stop();
    const second = await setup({ hub: first.hub, db: first.db });
    expect(second.store.getState().outboxCount).toBe(1);
    second.transport.connect();
    await settle(second.engine);
    expect(first.hub.effects.map((c) => c.id)).toEqual([id]);
  });

  it('surfaces a refused command with the hub message, removes it, and goes on with the next', async () => {
    const failures: Array<FailedCommandRow> = [];
    const { hub, transport, engine, store, db } = await setup({ onCommandFailed: (f) => void failures.push(f) });
    hub.refusals.push({ code: 'not_found', message: '事件不存在' });
    const refused = await engine.enqueue('incident.note', note(ulid()));
    const next = await engine.enqueue('incident.note', note(ulid()));
    transport.connect();
    await settle(engine);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.id).toBe(refused);
    expect(failures[0]?.error).toEqual({ code: 'not_found', message: '事件不存在' });
    expect(await db.failedCommands.get(refused)).toMatchObject({ error: { message: '事件不存在' } });
    expect(store.getState().failedCount).toBe(1);
    expect(store.getState().outboxCount).toBe(0);
    expect(hub.effects.map((c) => c.id)).toEqual([next]);
    await engine.dismissFailure(refused);
    expect(store.getState().failedCount).toBe(0);
  });

  it('retries a rate-limited command later with the same id instead of failing it', async () => {
    const { hub, transport, engine } = await setup();
    hub.refusals.push({ code: 'rate_limited', message: 'slow down' });
    const id = await engine.enqueue('incident.note', note(ulid()));
    transport.connect();
    await vi.waitFor(() => expect(hub.effects.map((c) => c.id)).toEqual([id]), { timeout: 2000 });
    expect(transport.sentCommandIds).toEqual([id, id]);
  });

  it('refuses an invalid payload before saving anything', async () => {
    const { engine, db } = await setup();
    await expect(engine.enqueue('incident.note', { incidentId: 'nope', noteId: ulid(), text: '' })).rejects.toThrow(
      InvalidCommandError,
    );
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('connection state and session', () => {
  it('moves through connecting → online → reconnecting → offline (browser offline) → online', async () => {
    const { transport, engine, store } = await setup();
    expect(store.getState().status).toBe('connecting');
    transport.connect();
    expect(store.getState().status).toBe('online');
    transport.drop();
    expect(store.getState().status).toBe('reconnecting');
    transport.connect();
    engine.pause();
    expect(store.getState().status).toBe('offline');
    engine.resume();
    expect(store.getState().status).toBe('online');
    await settle(engine);
  });

  it('says offline after repeated failed connects', async () => {
    const { transport, store } = await setup({ offlineAfterErrors: 2 });
    transport.handlers?.connectError('xhr poll error');
    expect(store.getState().status).toBe('connecting');
    transport.handlers?.connectError('xhr poll error');
    expect(store.getState().status).toBe('offline');
  });

  it('goes back to login on an unauthorized connect, keeping the outbox', async () => {
    const ended: Array<string> = [];
    const { transport, engine, db } = await setup({ onSessionEnded: (m) => void ended.push(m) });
    await engine.enqueue('incident.note', note(ulid()));
    transport.handlers?.connectError('unauthorized');
    expect(ended).toEqual(['unauthorized']);
    expect(await db.outbox.count()).toBe(1);
  });

  it('records the hub time of the newest applied event and when the last one was received', async () => {
    const at = new Date('2025-06-01T03:00:00.000Z');
    const { hub, transport, engine, store } = await setup({ now: () => at });
    transport.connect();
    await settle(engine);
    expect(store.getState().lastEventAt).toBeNull();
    hub.reportIncident();
    const { event } = hub.reportIncident();
    transport.push(event);
    await settle(engine);
    expect(store.getState().lastEventAt).toBe(event.at);
    expect(store.getState().lastReceivedAt).toBe(at.toISOString());
  });
});

describe('start and stop', () => {
  it('opens no connection when stopped while starting (StrictMode double mount)', async () => {
    const hub = new FakeHub();
    const transport = new FakeTransport(hub);
    const engine = new SyncEngine({ db: freshDb(), transport, store: createConnectionStore() });
    const starting = engine.start();
    engine.stop();
    await starting;
    expect(transport.handlers).toBeNull();
  });

  it('shows the newest event time of the stored replica right after a restart', async () => {
    const hub = new FakeHub();
    const { event } = hub.reportIncident();
    const first = await setup({ hub });
    first.transport.connect();
    await settle(first.engine);
    first.engine.stop();
    const second = await setup({ hub, db: first.db });
    expect(second.store.getState().lastEventAt).toBe(event.at);
  });
});
