import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_PATHS } from '@common/protocol/login';
import { DEMO_INGEST_KEY } from '../../src-hub/config';
import { healthz, loginAndConnect, postJson, recordEvents, startHub, tempDir } from './helpers';
import type { Client, TestHub } from './helpers';

function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end();
  });
}

const body = (patch: Record<string, unknown> = {}): Record<string, unknown> => ({
  title: '119转警：浮石镇某加油站冒烟',
  category: 'fire',
  occurredAt: new Date().toISOString(),
  location: { lng: 109.36, lat: 25.02 },
  townshipCode: '450224101',
  ...patch,
});

describe('HTTP: ingest API and static files', () => {
  let hub: TestHub;
  let client: Client;
  const staticDir = tempDir('wf-static-');
  beforeAll(async () => {
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Watchfloor</title>');
    writeFileSync(join(staticDir, 'assets', 'app-abc123.js'), 'console.log(1)');
    writeFileSync(join(staticDir, '..', 'wf-secret.txt'), 'TOP-SECRET-CONTENT');
    hub = await startHub({ staticDir, ingestApiKeys: ['county-110-transfer-key'] });
    client = await loginAndConnect(hub, 'duty', 'duty123');
  });
  afterAll(async () => {
    client.close();
    await hub.dispose();
  });

  const ingest = (b: unknown, key?: string) =>
    postJson(`${hub.url}${HTTP_PATHS.ingestIncidents}`, b, key === undefined ? {} : { 'x-api-key': key });

  it('refuses a missing or wrong API key with 401', async () => {
    const before = hub.headSeq();
    expect((await ingest(body())).status).toBe(401);
    const wrong = await ingest(body(), 'not-the-key-at-all');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: { code: 'unauthorized' } });
    expect(hub.headSeq()).toBe(before);
  });

  it('refuses a bad body with 400 naming the field', async () => {
    const before = hub.headSeq();
    const badLat = await ingest(body({ location: { lng: 109.36, lat: 95 } }), DEMO_INGEST_KEY);
    expect(badLat.status).toBe(400);
    expect(badLat.body).toMatchObject({
      error: { code: 'invalid_payload', message: expect.stringMatching(/location\.lat/) },
    });
    const noTitle = await ingest({ ...body(), title: undefined }, DEMO_INGEST_KEY);
    expect(noTitle.status).toBe(400);
    expect(JSON.stringify(noTitle.body)).toMatch(/title/);
    expect((await ingest('{not json', DEMO_INGEST_KEY)).status).toBe(400);
    const proto = await ingest('{"__proto__":{"x":1},"title":"t"}', DEMO_INGEST_KEY);
    expect(proto.status).toBe(400);
    const huge = await ingest(body({ description: 'x'.repeat(400_000) }), DEMO_INGEST_KEY);
    expect(huge.status).toBe(413);
    expect(hub.headSeq()).toBe(before);
  });

  it('a good report creates incident.report through the command path, seen by a connected client', async () => {
    const seen = recordEvents(client);
    const res = await ingest(body({ externalId: '119-2024-000123', hazmat: '汽油' }), 'county-110-transfer-key');
    expect(res.status).toBe(201);
    const answer = res.body as { ok: boolean; incidentId: string; seq: number };
    expect(answer).toMatchObject({ ok: true, seq: hub.headSeq() });
    const events = await seen.waitFor(1);
    const e = events.find((x) => x.type === 'incident.reported');
    expect(e?.type === 'incident.reported' && e.payload.incidentId).toBe(answer.incidentId);
    expect(e?.actor).toMatchObject({ userId: 'ingest', workstation: 'ingest-api' });
    expect(e?.type === 'incident.reported' && e.payload.report.source).toBe('ingest_api');
    expect(hub.store.getRow('incidents', answer.incidentId)?.hazmat).toBe('汽油');
    // a resend of the same externalId creates nothing new
    const again = await ingest(body({ externalId: '119-2024-000123', hazmat: '汽油' }), DEMO_INGEST_KEY);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ ok: true, incidentId: answer.incidentId, seq: answer.seq, duplicate: true });
    // an explicit source is kept
    const sensor = await ingest(body({ source: 'sensor_alarm' }), DEMO_INGEST_KEY);
    expect(sensor.status).toBe(201);
    const id = (sensor.body as { incidentId: string }).incidentId;
    expect(hub.store.getRow('incidents', id)?.source).toBe('sensor_alarm');
  });

  it('takes every intake field: an enterprise gives position and township, GCJ-02 is converted, time of report kept', async () => {
    const ent = hub.store.listRows('enterprises')[0];
    if (!ent) throw new Error('the demo county has no enterprise');
    const receivedAt = new Date(Date.now() - 7 * 60_000).toISOString();
    const full = await ingest(
      {
        title: '119转警：某厂车间起火，2人被困',
        category: 'fire',
        source: 'transfer_119',
        occurredAt: new Date(Date.now() - 15 * 60_000).toISOString(),
        receivedAt,
        enterpriseId: ent.id,
        casualties: { deaths: 1, seriousInjuries: 2, injured: 3, missing: 1, trapped: 2 },
        directLossWan: 120.5,
        hazmat: '油漆、稀释剂约2吨',
        beyondCountyCapacity: true,
        description: '车间二层起火，浓烟',
        reporterName: '王某',
        reporterPhone: '13800000000',
      },
      DEMO_INGEST_KEY,
    );
    expect(full.status).toBe(201);
    const row = hub.store.getRow('incidents', (full.body as { incidentId: string }).incidentId);
    expect(row).toMatchObject({
      source: 'transfer_119',
      enterpriseId: ent.id,
      location: ent.location,
      townshipCode: ent.townshipCode,
      reportedAt: receivedAt,
      receivedAt,
      casualties: { deaths: 1, seriousInjuries: 2, injured: 3, missing: 1, trapped: 2 },
      directLossWan: 120.5,
      hazmat: '油漆、稀释剂约2吨',
      beyondCountyCapacity: true,
      reporterName: '王某',
      reporterPhone: '13800000000',
      suggestedLevel: 3,
    });
    expect(row?.casualtyHistory).toHaveLength(1);

    // GCJ-02 from an Amap-based 110 system: stored in WGS84, a few hundred metres away
    const gcj = await ingest(body({ location: { lng: 109.365, lat: 25.017 }, datum: 'GCJ02' }), DEMO_INGEST_KEY);
    expect(gcj.status).toBe(201);
    const moved = hub.store.getRow('incidents', (gcj.body as { incidentId: string }).incidentId)?.location;
    expect(moved && Math.abs(moved.lng - 109.365) + Math.abs(moved.lat - 25.017)).toBeGreaterThan(0.002);

    const before = hub.headSeq();
    const unknown = await ingest({ ...body(), location: undefined, enterpriseId: 'ent-nope' }, DEMO_INGEST_KEY);
    expect(unknown).toMatchObject({ status: 400, body: { error: { code: 'invalid_payload' } } });
    expect(JSON.stringify(unknown.body)).toMatch(/enterpriseId/);
    const nowhere = await ingest({ ...body(), location: undefined }, DEMO_INGEST_KEY);
    expect(nowhere.status).toBe(400);
    expect(JSON.stringify(nowhere.body)).toMatch(/location/);
    const future = await ingest(body({ receivedAt: new Date(Date.now() + 3_600_000).toISOString() }), DEMO_INGEST_KEY);
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body)).toMatch(/receivedAt/);
    expect(hub.headSeq()).toBe(before);
  });

  it('serves the renderer with an SPA fallback, cache headers, and no traversal', async () => {
    const index = await fetch(`${hub.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`${hub.url}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    const deep = await fetch(`${hub.url}/incidents/123`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toMatch(/Watchfloor/);
    expect((await fetch(`${hub.url}/assets/missing.js`)).status).toBe(404);
    // raw paths: fetch() would normalise the dots away before sending
    for (const p of [
      '/../wf-secret.txt',
      '/%2e%2e/wf-secret.txt',
      '/assets/..%2f..%2fwf-secret.txt',
      '/..\\wf-secret.txt',
      '/%00',
    ]) {
      const r = await rawGet(hub.port, p);
      expect(r.body, p).not.toMatch(/TOP-SECRET/);
      expect(r.status, p).not.toBe(500);
    }
    expect((await fetch(`${hub.url}/api/v1/nothing`)).status).toBe(404);
    expect((await healthz(hub.url)).ok).toBe(true);
  });
});

describe('rate limit', () => {
  it('answers rate_limited past the configured number of requests per socket', async () => {
    const hub = await startHub({ rateLimit: { points: 5, durationSec: 60 } });
    try {
      const s = await loginAndConnect(hub, 'duty', 'duty123');
      const answers = await Promise.all(
        Array.from({ length: 9 }, () => s.timeout(5000).emitWithAck('sync', { sinceSeq: 0, limit: 1 })),
      );
      const limited = answers.filter((a) => !a.ok && a.error.code === 'rate_limited');
      expect(limited).toHaveLength(4);
      expect(answers.filter((a) => a.ok)).toHaveLength(5);
      s.close();
    } finally {
      await hub.dispose();
    }
  });
});
