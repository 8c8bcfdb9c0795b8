import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { projectEvent, eventReads } from '@common/projection/project';
import type { RowLookup } from '@common/projection/project';
import type { HubEvent } from '@common/protocol/events';
import type { ReplicaRowTypes, ReplicaTable } from '@common/projection/tables';
import { IncidentReportFieldsSchema } from '@common/schemas/incident';
import { canActInMode, canSend } from '@common/auth/permissions';

const actor = {
  userId: 'duty',
  username: 'duty',
  displayName: '张敏',
  role: 'duty_officer' as const,
  workstation: 'WS-1',
};

/** Applies events to an in-memory replica the way hub and renderer both do. */
function replay(events: Array<HubEvent>) {
  const tables = new Map<string, Map<string, unknown>>();
  const lookup: RowLookup = <T extends ReplicaTable>(table: T, id: string) =>
    tables.get(table)?.get(id) as ReplicaRowTypes[T] | undefined;
  for (const event of events) {
    for (const change of projectEvent(event, lookup)) {
      const t = tables.get(change.table) ?? new Map<string, unknown>();
      tables.set(change.table, t);
      if (change.value === null) t.delete(change.id);
      else t.set(change.id, change.value);
    }
  }
  return tables;
}

describe('shared projection', () => {
  const incidentId = ulid();
  const reported: HubEvent = {
    seq: 1,
    type: 'incident.reported',
    at: '2026-11-28T03:12:30.000Z',
    actor,
    mode: 'drill',
    drillId: 'drill-1',
    commandId: ulid(),
    payload: {
      incidentId,
      report: IncidentReportFieldsSchema.parse({
        title: '胶合板厂粉尘爆炸',
        category: 'other_explosion',
        occurredAt: '2026-11-28T03:10:00.000Z',
        location: { lng: 109.41, lat: 25.22 },
        casualties: { injured: 3 },
      }),
    },
  };

  it('creates a reported incident that keeps its drill mode', () => {
    const incident = replay([reported]).get('incidents')?.get(incidentId);
    expect(incident).toMatchObject({ state: 'reported', mode: 'drill', drillId: 'drill-1', noteCount: 0, lastSeq: 1 });
  });

  it('merges casualty updates field by field and counts notes', () => {
    const noteId = ulid();
    const tables = replay([
      reported,
      { ...reported, seq: 2, type: 'incident.updated', payload: { incidentId, patch: { casualties: { deaths: 1 } } } },
      { ...reported, seq: 3, type: 'incident.noted', payload: { incidentId, noteId, text: '消防已到场' } },
    ] as Array<HubEvent>);
    const incident = tables.get('incidents')?.get(incidentId);
    expect(incident).toMatchObject({ casualties: { deaths: 1, injured: 3 }, noteCount: 1, lastSeq: 3 });
    expect(tables.get('incidentNotes')?.get(noteId)).toMatchObject({ text: '消防已到场', byName: '张敏', seq: 3 });
  });

  it('names the rows it needs to read', () => {
    expect(eventReads(reported)).toEqual([{ table: 'incidents', id: incidentId }]);
  });
});

describe('permissions', () => {
  it('lets a wall screen send nothing', () => {
    expect(canSend('wall', 'incident.report')).toBe(false);
    expect(canSend('wall', 'incident.note')).toBe(false);
  });
  it('keeps base data to admins', () => {
    expect(canSend('duty_officer', 'entity.upsert')).toBe(false);
    expect(canSend('admin', 'entity.upsert')).toBe(true);
  });
  it('keeps a drill coordinator away from real incidents', () => {
    expect(canActInMode('drill_coordinator', 'real')).toBe(false);
    expect(canActInMode('drill_coordinator', 'drill')).toBe(true);
    expect(canActInMode('duty_officer', 'real')).toBe(true);
  });
});
