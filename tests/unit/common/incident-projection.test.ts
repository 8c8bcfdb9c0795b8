import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { normalizeIncident, projectEvent } from '@common/projection/project';
import type { RowLookup } from '@common/projection/project';
import type { ReplicaRowTypes, ReplicaTable } from '@common/projection/tables';
import { EventSchema } from '@common/protocol/events';
import type { HubEvent } from '@common/protocol/events';
import type { Incident } from '@common/schemas/incident';
import { IncidentReportFieldsSchema, IncidentSchema } from '@common/schemas/incident';
import { canSend } from '@common/auth/permissions';
import { COMMAND_TYPES } from '@common/protocol/commands';

const actor = {
  userId: 'duty',
  username: 'duty',
  displayName: '张敏',
  role: 'duty_officer' as const,
  workstation: 'WS-1',
};
const incidentId = ulid();
let seq = 0;
const at = (minutes: number) => new Date(Date.parse('2026-03-14T15:30:00Z') + minutes * 60_000).toISOString();

function ev(type: HubEvent['type'], payload: Record<string, unknown>, minutes: number): HubEvent {
  seq += 1;
  // validated as the renderer validates every event it receives
  return EventSchema.parse({ seq, type, at: at(minutes), actor, mode: 'real', commandId: ulid(), payload });
}

function replay(events: Array<HubEvent>): Incident | undefined {
  const rows = new Map<string, unknown>();
  const lookup: RowLookup = <T extends ReplicaTable>(table: T, id: string) =>
    rows.get(`${table}/${id}`) as ReplicaRowTypes[T] | undefined;
  for (const e of events) for (const c of projectEvent(e, lookup)) rows.set(`${c.table}/${c.id}`, c.value);
  return rows.get(`incidents/${incidentId}`) as Incident | undefined;
}

const report = IncidentReportFieldsSchema.parse({
  title: '泗顶铅锌矿井下透水',
  category: 'water_inrush',
  occurredAt: at(-10),
  location: { lng: 109.3, lat: 25.07 },
  casualties: { deaths: 1, seriousInjuries: 2, trapped: 6 },
  directLossWan: 200,
});

describe('incident projection: grade, level, lifecycle, reports', () => {
  seq = 0;
  const events = [
    ev('incident.reported', { incidentId, report }, 0),
    ev('incident.updated', { incidentId, patch: { casualties: { injured: 3 } } }, 5),
    ev('incident.updated', { incidentId, patch: { casualties: { deaths: 3 } } }, 60),
    ev('incident.verified', { incidentId }, 61),
    ev('incident.responseActivated', { incidentId, level: 4 }, 62),
    ev('incident.levelChanged', { incidentId, from: 4, level: 3, reason: '死亡人数升至3人' }, 63),
    ev('incident.suspended', { incidentId, reason: '暴雨，暂停井下搜救' }, 64),
    ev('incident.resumed', { incidentId }, 65),
    ev(
      'incident.reportedUpward',
      { incidentId, recipientLevel: 'city', recipient: '柳州市应急管理局', reportedAt: at(66), by: '张敏' },
      67,
    ),
    ev('incident.terminated', { incidentId, reason: '被困人员全部救出' }, 200),
    ev('incident.closed', { incidentId, summary: '善后完成' }, 300),
  ];

  it('grades at the report and keeps the history only when the grade changes', () => {
    const first = replay(events.slice(0, 2));
    expect(first).toMatchObject({ grade: 'general', suggestedLevel: 4 });
    expect(first?.gradeHistory).toEqual([{ grade: 'general', at: at(0), seq: 1 }]);
    const regraded = replay(events.slice(0, 3));
    expect(regraded).toMatchObject({ grade: 'larger', suggestedLevel: 3 });
    expect(regraded?.gradeHistory).toEqual([
      { grade: 'general', at: at(0), seq: 1 },
      { grade: 'larger', at: at(60), seq: 3 },
    ]);
  });

  it('walks the lifecycle with a timestamp and an actor per step', () => {
    const done = replay(events);
    expect(done).toMatchObject({
      state: 'closed',
      level: 3,
      verifiedAt: at(61),
      respondingSince: at(62),
      suspendedAt: at(64),
      suspendedReason: '暴雨，暂停井下搜救',
      terminatedAt: at(200),
      terminatedReason: '被困人员全部救出',
      closedAt: at(300),
      closeSummary: '善后完成',
      lastSeq: 11,
    });
    expect(done?.stateHistory.map((s) => s.state)).toEqual([
      'reported',
      'verified',
      'responding',
      'suspended',
      'responding',
      'terminated',
      'closed',
    ]);
    expect(done?.stateHistory[1]).toEqual({ state: 'verified', at: at(61), seq: 4, by: '张敏', workstation: 'WS-1' });
    expect(done?.levelHistory.map((l) => [l.level, l.reason])).toEqual([
      [4, ''],
      [3, '死亡人数升至3人'],
    ]);
    expect(done?.reports).toEqual([
      { recipientLevel: 'city', recipient: '柳州市应急管理局', reportedAt: at(66), by: '张敏', seq: 9 },
    ]);
    expect(IncidentSchema.safeParse(done).success).toBe(true);
  });

  it('records a dismissal with its reason', () => {
    seq = 100;
    const dismissed = replay([
      ev('incident.reported', { incidentId, report }, 0),
      ev('incident.dismissed', { incidentId, reason: '报警人误报，现场核实无事故' }, 3),
    ]);
    expect(dismissed).toMatchObject({
      state: 'dismissed',
      dismissedAt: at(3),
      dismissedReason: '报警人误报，现场核实无事故',
    });
  });

  it('a capacity flag and endangered people raise the suggested level without changing the grade', () => {
    seq = 200;
    const row = replay([
      ev('incident.reported', { incidentId, report }, 0),
      ev('incident.updated', { incidentId, patch: { beyondCountyCapacity: true } }, 1),
    ]);
    expect(row).toMatchObject({ grade: 'general', suggestedLevel: 3 });
    const endangered = replay([
      ev('incident.reported', { incidentId, report }, 0),
      ev('incident.updated', { incidentId, patch: { casualties: { endangered: 40 } } }, 1),
    ]);
    expect(endangered).toMatchObject({ grade: 'general', suggestedLevel: 1 });
  });

  it('keeps the casualty history: the report, then each update that changes a figure or the loss', () => {
    const withFigures = replay(events.slice(0, 3));
    expect(withFigures?.casualtyHistory.map((h) => [h.seq, h.casualties.deaths, h.casualties.injured])).toEqual([
      [1, 1, 0],
      [2, 1, 3],
      [3, 3, 3],
    ]);
    expect(withFigures?.casualtyHistory[2]).toEqual({
      casualties: { deaths: 3, seriousInjuries: 2, injured: 3, missing: 0, trapped: 6 },
      directLossWan: 200,
      at: at(60),
      seq: 3,
      by: '张敏',
      workstation: 'WS-1',
    });
    seq = 300;
    const row = replay([
      ev('incident.reported', { incidentId, report }, 0),
      // the same figures again, and a change of title only: nothing to record
      ev('incident.updated', { incidentId, patch: { casualties: { deaths: 1 } } }, 1),
      ev('incident.updated', { incidentId, patch: { title: '泗顶铅锌矿3号井透水' } }, 2),
      ev('incident.updated', { incidentId, patch: { directLossWan: 1200 } }, 3),
    ]);
    expect(row?.casualtyHistory.map((h) => [h.seq, h.directLossWan])).toEqual([
      [301, 200],
      [304, 1200],
    ]);
    expect(IncidentSchema.safeParse(row).success).toBe(true);
  });

  it('fills the derived fields of a row projected before they existed', () => {
    const old = {
      ...report,
      casualties: { ...report.casualties, seriousInjuries: 12 },
      id: incidentId,
      mode: 'real',
      state: 'reported',
      reportedAt: at(0),
      reportedBy: '张敏',
      updatedAt: at(0),
      noteCount: 0,
      lastSeq: 1,
    } as unknown as Incident;
    expect(normalizeIncident(old)).toMatchObject({
      grade: 'larger',
      gradeHistory: [{ grade: 'larger', at: at(0), seq: 0 }],
      suggestedLevel: 3,
      reports: [],
      stateHistory: [],
      levelHistory: [],
      casualtyHistory: [
        {
          casualties: { deaths: 1, seriousInjuries: 12, injured: 0, missing: 0, trapped: 6 },
          directLossWan: 200,
          at: at(0),
          seq: 0,
          by: '张敏',
          workstation: '',
        },
      ],
    });
  });

  it('lets the duty desk send every lifecycle command and the wall and liaisons none', () => {
    const lifecycle = COMMAND_TYPES.filter((t) => t.startsWith('incident.') && !['incident.note'].includes(t));
    for (const t of lifecycle) {
      expect(canSend('duty_officer', t)).toBe(true);
      expect(canSend('commander', t)).toBe(true);
      expect(canSend('drill_coordinator', t)).toBe(true);
      expect(canSend('wall', t)).toBe(false);
      expect(canSend('liaison', t)).toBe(false);
      expect(canSend('admin', t)).toBe(false);
    }
  });
});
