import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { COMMAND_PAYLOADS, isCommandType } from '@common/protocol/commands';
import { EventSchema } from '@common/protocol/events';
import { IncidentPatchSchema, IncidentReportFieldsSchema } from '@common/schemas/incident';
import { UserSchema } from '@common/schemas/user';
import { EnterpriseSchema } from '@common/schemas/enterprise';
import { describeZodError } from '@common/protocol/errors';
import { SettingsSchema } from '@common/bridge';

const report = {
  title: '某木业公司粉尘爆炸',
  category: 'other_explosion',
  occurredAt: '2026-11-28T03:12:00.000Z',
  location: { lng: 109.41, lat: 25.22 },
};

describe('incident report fields', () => {
  it('fills defaults for what a caller may omit', () => {
    const parsed = IncidentReportFieldsSchema.parse(report);
    expect(parsed.casualties).toEqual({ deaths: 0, seriousInjuries: 0, injured: 0, missing: 0, trapped: 0 });
    expect(parsed.source).toBe('phone');
  });

  it('names the offending field', () => {
    const r = IncidentReportFieldsSchema.safeParse({ ...report, location: { lng: 109.41, lat: 95 } });
    expect(r.success).toBe(false);
    if (!r.success) expect(describeZodError(r.error, 'payload.report')).toMatch(/^payload\.report\.location\.lat: /);
  });

  it('refuses unknown keys, including __proto__ smuggled through JSON', () => {
    const smuggled = JSON.parse('{"__proto__": {"admin": true}, "title": "x"}') as object;
    expect(IncidentReportFieldsSchema.safeParse({ ...report, ...smuggled }).success).toBe(false);
    expect(IncidentReportFieldsSchema.safeParse({ ...report, extra: 1 }).success).toBe(false);
  });

  it('refuses a category outside GB 6441', () => {
    expect(IncidentReportFieldsSchema.safeParse({ ...report, category: 'meteor' }).success).toBe(false);
  });
});

describe('incident patch', () => {
  it('applies no defaults, so an update changes only what it names', () => {
    expect(IncidentPatchSchema.parse({ casualties: { deaths: 1 } })).toEqual({ casualties: { deaths: 1 } });
  });
  it('refuses an empty patch', () => {
    expect(IncidentPatchSchema.safeParse({}).success).toBe(false);
  });
});

describe('commands and events', () => {
  it('knows its command types and nothing inherited', () => {
    expect(isCommandType('incident.report')).toBe(true);
    expect(isCommandType('toString')).toBe(false);
    expect(isCommandType('__proto__')).toBe(false);
  });

  it('requires ULIDs for client-made ids', () => {
    const ok = COMMAND_PAYLOADS['incident.note'].safeParse({ incidentId: ulid(), noteId: ulid(), text: '现场已封控' });
    expect(ok.success).toBe(true);
    const bad = COMMAND_PAYLOADS['incident.note'].safeParse({ incidentId: '1', noteId: ulid(), text: 'x' });
    expect(bad.success).toBe(false);
  });

  it('parses an event envelope and refuses one without an actor', () => {
    const event = {
      seq: 1,
      type: 'incident.noted',
      at: '2026-11-28T03:15:00.000Z',
      actor: { userId: 'duty', username: 'duty', displayName: '张敏', role: 'duty_officer', workstation: 'WS-1' },
      mode: 'real',
      commandId: ulid(),
      payload: { incidentId: ulid(), noteId: ulid(), text: '到场' },
    };
    expect(EventSchema.safeParse(event).success).toBe(true);
    const { actor: _actor, ...noActor } = event;
    expect(EventSchema.safeParse(noActor).success).toBe(false);
  });
});

describe('users and enterprises', () => {
  it('binds a liaison to a department', () => {
    expect(UserSchema.safeParse({ id: 'fire', username: 'fire', displayName: '消防', role: 'liaison' }).success).toBe(
      false,
    );
    expect(
      UserSchema.safeParse({
        id: 'fire',
        username: 'fire',
        displayName: '消防',
        role: 'liaison',
        departmentId: 'fire-rescue',
      }).success,
    ).toBe(true);
  });

  it('refuses an enterprise whose credit code fails its check character', () => {
    const base = {
      id: 'ent-1',
      name: '融安县示例木业有限公司',
      creditCode: '91350100M000100Y43',
      townshipCode: '450224100',
      address: '长安镇',
      sector: 'wood_processing',
      riskLevel: 'considerable',
      location: { lng: 109.4, lat: 25.2 },
      headcount: 80,
    };
    expect(EnterpriseSchema.safeParse(base).success).toBe(true);
    expect(EnterpriseSchema.safeParse({ ...base, creditCode: '91350100M000100Y44' }).success).toBe(false);
  });
});

describe('settings', () => {
  it('defaults to the embedded hub and Chinese', () => {
    expect(SettingsSchema.parse({})).toMatchObject({ hubUrl: null, language: 'zh-CN' });
  });
  it('refuses a hub URL that is not http(s) or carries credentials', () => {
    expect(SettingsSchema.safeParse({ hubUrl: 'file:///etc/passwd' }).success).toBe(false);
    expect(SettingsSchema.safeParse({ hubUrl: 'http://user:pw@hub.local:4500' }).success).toBe(false);
    expect(SettingsSchema.safeParse({ hubUrl: 'http://10.1.2.3:4500' }).success).toBe(true);
  });
});
