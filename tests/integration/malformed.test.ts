import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import type { ErrorCode } from '@common/protocol/errors';
import { MAX_JSON_DEPTH } from '@common/protocol/limits';
import { command, healthz, loginAndConnect, reportPayload, send, startHub } from './helpers';
import type { Client, TestHub } from './helpers';

type Case = { name: string; input: unknown; code: ErrorCode; mentions?: string | RegExp; as?: 'admin' };

function nest(depth: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}
function nestArrays(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}
const report = (patch: Record<string, unknown>): unknown => {
  const p = reportPayload();
  return { id: ulid(), type: 'incident.report', payload: { ...p, report: { ...p.report, ...patch } } };
};
const withPayload = (type: string, payload: unknown): unknown => ({ id: ulid(), type, payload });
const enterprise = (patch: Record<string, unknown>): unknown =>
  withPayload('entity.upsert', {
    kind: 'enterprises',
    value: {
      id: 'ent-test-1',
      name: '测试企业',
      creditCode: '91450224000000000X',
      townshipCode: '450224100',
      address: '示范路1号',
      sector: 'quarry',
      riskLevel: 'low',
      location: { lng: 109.4, lat: 25.2 },
      headcount: 3,
      ...patch,
    },
  });

describe('malformed commands: a clear answer each, nothing stored, the hub stays healthy', () => {
  let hub: TestHub;
  let duty: Client;
  let admin: Client;
  let incidentId: string;
  beforeAll(async () => {
    hub = await startHub();
    duty = await loginAndConnect(hub, 'duty', 'duty123');
    admin = await loginAndConnect(hub, 'admin', 'admin123');
    const p = reportPayload();
    incidentId = p.incidentId;
    await send(duty, command('incident.report', p));
  });
  afterAll(async () => {
    duty.close();
    admin.close();
    await hub.dispose();
  });

  const cases = (): Array<Case> => [
    { name: 'null', input: null, code: 'invalid_payload' },
    { name: 'a string', input: 'incident.report', code: 'invalid_payload' },
    { name: 'a number', input: 42, code: 'invalid_payload' },
    { name: 'an array', input: [1, 2], code: 'invalid_payload' },
    { name: 'an empty object', input: {}, code: 'invalid_payload', mentions: 'id' },
    { name: 'no type', input: { id: ulid(), payload: {} }, code: 'invalid_payload', mentions: 'type' },
    {
      name: 'non-ULID id',
      input: { id: 'cmd-1', type: 'incident.report', payload: {} },
      code: 'invalid_payload',
      mentions: 'id',
    },
    {
      name: 'numeric id',
      input: { id: 7, type: 'incident.report', payload: {} },
      code: 'invalid_payload',
      mentions: 'id',
    },
    {
      name: 'unknown type',
      input: withPayload('incident.explode', {}),
      code: 'unknown_command',
      mentions: 'incident.explode',
    },
    { name: 'prototype-ish type', input: withPayload('toString', {}), code: 'unknown_command' },
    { name: 'empty type', input: withPayload('', {}), code: 'invalid_payload', mentions: 'type' },
    { name: 'huge type name', input: withPayload('x'.repeat(300), {}), code: 'invalid_payload', mentions: 'type' },
    {
      name: 'extra envelope key',
      input: { id: ulid(), type: 'incident.report', payload: {}, extra: 1 },
      code: 'invalid_payload',
    },
    {
      name: 'no payload',
      input: { id: ulid(), type: 'incident.report' },
      code: 'invalid_payload',
      mentions: 'payload',
    },
    {
      name: 'payload is an array',
      input: withPayload('incident.report', []),
      code: 'invalid_payload',
      mentions: 'payload',
    },
    {
      name: 'latitude 91',
      input: report({ location: { lng: 109.4, lat: 91 } }),
      code: 'invalid_payload',
      mentions: 'payload.report.location.lat',
    },
    {
      name: 'longitude a string',
      input: report({ location: { lng: 'abc', lat: 25 } }),
      code: 'invalid_payload',
      mentions: 'location.lng',
    },
    {
      name: 'latitude null (NaN on the wire)',
      input: report({ location: { lng: 109.4, lat: Number.NaN } }),
      code: 'invalid_payload',
      mentions: 'location.lat',
    },
    { name: 'location missing', input: report({ location: undefined }), code: 'invalid_payload', mentions: 'location' },
    {
      name: 'negative deaths',
      input: report({ casualties: { deaths: -1 } }),
      code: 'invalid_payload',
      mentions: 'casualties.deaths',
    },
    {
      name: 'fractional injured',
      input: report({ casualties: { injured: 1.5 } }),
      code: 'invalid_payload',
      mentions: 'casualties.injured',
    },
    { name: 'empty title', input: report({ title: '   ' }), code: 'invalid_payload', mentions: 'title' },
    { name: 'title too long', input: report({ title: '火'.repeat(201) }), code: 'invalid_payload', mentions: 'title' },
    { name: 'unknown category', input: report({ category: 'meteor' }), code: 'invalid_payload', mentions: 'category' },
    {
      name: 'bad occurredAt',
      input: report({ occurredAt: 'yesterday' }),
      code: 'invalid_payload',
      mentions: 'occurredAt',
    },
    { name: 'unknown source', input: report({ source: 'twitter' }), code: 'invalid_payload', mentions: 'source' },
    {
      name: 'unknown township',
      input: report({ townshipCode: '999' }),
      code: 'invalid_payload',
      mentions: 'townshipCode',
    },
    {
      name: 'bad phone',
      input: report({ reporterPhone: 'call me' }),
      code: 'invalid_payload',
      mentions: 'reporterPhone',
    },
    { name: 'negative loss', input: report({ directLossWan: -5 }), code: 'invalid_payload', mentions: 'directLossWan' },
    {
      name: 'loss as text',
      input: report({ directLossWan: 'lots' }),
      code: 'invalid_payload',
      mentions: 'directLossWan',
    },
    {
      name: 'description too long',
      input: report({ description: 'x'.repeat(5000) }),
      code: 'invalid_payload',
      mentions: 'description',
    },
    { name: 'unknown report field', input: report({ secret: 1 }), code: 'invalid_payload', mentions: 'secret' },
    {
      name: 'non-ULID incident id',
      input: withPayload('incident.report', { ...reportPayload(), incidentId: 'abc' }),
      code: 'invalid_payload',
      mentions: 'incidentId',
    },
    {
      name: 'unknown mode',
      input: withPayload('incident.report', { ...reportPayload(), mode: 'practice' }),
      code: 'invalid_payload',
      mentions: 'mode',
    },
    {
      name: 'real incident with a drillId',
      input: withPayload('incident.report', { ...reportPayload(), drillId: 'd1' }),
      code: 'invalid_payload',
      mentions: 'drillId',
    },
    {
      name: '__proto__ key in the payload',
      input: JSON.parse(`{"id":"${ulid()}","type":"incident.report","payload":{"__proto__":{"admin":true}}}`),
      code: 'invalid_payload',
      mentions: '__proto__',
    },
    {
      name: 'constructor key nested',
      input: report({ casualties: { constructor: { prototype: 1 } } }),
      code: 'invalid_payload',
      mentions: 'constructor',
    },
    { name: 'prototype key', input: report({ prototype: 1 }), code: 'invalid_payload', mentions: 'prototype' },
    {
      name: '__proto__ deep in an array',
      input: JSON.parse(`{"id":"${ulid()}","type":"incident.note","payload":{"x":[[{"__proto__":1}]]}}`),
      code: 'invalid_payload',
      mentions: '__proto__',
    },
    {
      name: `nesting deeper than ${MAX_JSON_DEPTH}`,
      input: withPayload('incident.note', nest(MAX_JSON_DEPTH + 5, 1)),
      code: 'invalid_payload',
      mentions: /deeper/,
    },
    {
      name: 'nesting 1000 deep',
      input: withPayload('incident.note', nestArrays(1000)),
      code: 'invalid_payload',
      mentions: /deeper/,
    },
    { name: '2 MB string', input: report({ description: 'x'.repeat(2 * 1024 * 1024) }), code: 'payload_too_large' },
    {
      name: '300 KB of notes',
      input: withPayload('incident.note', { incidentId: ulid(), noteId: ulid(), text: '字'.repeat(100_000) }),
      code: 'payload_too_large',
    },
    {
      name: 'note without text',
      input: withPayload('incident.note', { incidentId: ulid(), noteId: ulid() }),
      code: 'invalid_payload',
      mentions: 'payload.text',
    },
    {
      name: 'note of spaces',
      input: withPayload('incident.note', { incidentId: ulid(), noteId: ulid(), text: '   ' }),
      code: 'invalid_payload',
      mentions: 'text',
    },
    {
      name: 'note too long',
      input: withPayload('incident.note', { incidentId: ulid(), noteId: ulid(), text: 'x'.repeat(4001) }),
      code: 'invalid_payload',
      mentions: 'text',
    },
    {
      name: 'note with a non-ULID noteId',
      input: withPayload('incident.note', { incidentId: ulid(), noteId: 'n1', text: 'x' }),
      code: 'invalid_payload',
      mentions: 'noteId',
    },
    {
      name: 'empty patch',
      input: withPayload('incident.update', { incidentId: ulid(), patch: {} }),
      code: 'invalid_payload',
      mentions: 'patch',
    },
    {
      name: 'patch with an unknown field',
      input: withPayload('incident.update', { incidentId: ulid(), patch: { state: 'closed' } }),
      code: 'invalid_payload',
      mentions: 'state',
    },
    {
      name: 'patch casualties as text',
      input: withPayload('incident.update', { incidentId: ulid(), patch: { casualties: 'many' } }),
      code: 'invalid_payload',
      mentions: 'casualties',
    },
    { name: 'entity.upsert by a duty officer', input: enterprise({}), code: 'forbidden' },
    {
      name: 'bad credit code',
      input: enterprise({ creditCode: '914502240000000001' }),
      code: 'invalid_payload',
      mentions: 'creditCode',
      as: 'admin',
    },
    {
      name: 'enterprise longitude 200',
      input: enterprise({ location: { lng: 200, lat: 25 } }),
      code: 'invalid_payload',
      mentions: 'location.lng',
      as: 'admin',
    },
    {
      name: 'unknown entity kind',
      input: withPayload('entity.upsert', { kind: 'users', value: { id: 'x' } }),
      code: 'invalid_payload',
      mentions: 'kind',
      as: 'admin',
    },
    {
      name: 'delete with a bad id',
      input: withPayload('entity.delete', { kind: 'plans', id: 'UPPER CASE' }),
      code: 'invalid_payload',
      mentions: 'id',
      as: 'admin',
    },
  ];

  it('answers each of 50+ malformed commands with the right code and a message naming the field', async () => {
    const list = cases();
    expect(list.length).toBeGreaterThanOrEqual(50);
    const before = (await healthz(hub.url)).seq;
    for (const c of list) {
      const answer = await send(c.as === 'admin' ? admin : duty, c.input);
      expect(answer.ok, c.name).toBe(false);
      if (answer.ok) continue;
      expect(answer.error.code, `${c.name}: ${answer.error.message}`).toBe(c.code);
      expect(answer.error.message.length, c.name).toBeGreaterThan(0);
      if (c.mentions !== undefined) expect(answer.error.message, c.name).toMatch(c.mentions);
    }
    expect(duty.connected && admin.connected).toBe(true);
    const after = await healthz(hub.url);
    expect(after.ok).toBe(true);
    expect(after.seq).toBe(before);
    expect(hub.store.verify()).toMatchObject({ ok: true });
    // and the hub still works
    expect(await send(duty, command('incident.note', { incidentId, noteId: ulid(), text: '仍然正常' }))).toMatchObject({
      ok: true,
      seq: before + 1,
    });
  });

  it('copes with a command sent without an ack callback, and with extra arguments', async () => {
    (duty as unknown as { emit(...a: Array<unknown>): void }).emit(
      'command',
      command('incident.report', reportPayload()),
    );
    const extra = (await (
      duty.timeout(5000) as unknown as { emitWithAck(...a: Array<unknown>): Promise<unknown> }
    ).emitWithAck('command', command('incident.note', { incidentId, noteId: ulid(), text: 'x' }), 'extra')) as {
      ok: boolean;
    };
    expect(extra.ok).toBe(true);
    expect((await healthz(hub.url)).ok).toBe(true);
  });
});
