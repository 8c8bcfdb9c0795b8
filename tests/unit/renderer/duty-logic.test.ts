import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import type { DutyLogEntry, DutySignature } from '@common/schemas/duty';
import { IncidentSchema } from '@common/schemas/incident';
import type { Incident } from '@common/schemas/incident';
import { dutyLines, shiftIncidents, shiftStart } from '../../../src-renderer/src/features/duty/duty-logic';

const T0 = Date.parse('2026-03-14T16:00:00Z');
const iso = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const sig = (seq: number, minutes: number, name = '张敏'): DutySignature => ({
  at: iso(minutes),
  seq,
  userId: name === '张敏' ? 'duty' : 'commander',
  name,
  role: name === '张敏' ? 'duty_officer' : 'commander',
  workstation: 'WS',
});
const summary = { generatedAt: iso(0), openIncidents: [], pendingDeadlines: [], unansweredOrders: [] };

const entry = (seq: number, minutes: number, text: string): DutyLogEntry => ({
  kind: 'entry',
  id: ulid(),
  category: 'other',
  text,
  by: sig(seq, minutes),
});
const handover = (seq: number, minutes: number, accepted?: { seq: number; minutes: number }): DutyLogEntry => ({
  kind: 'handover',
  id: ulid(),
  category: 'handover',
  remarks: '',
  summary,
  by: sig(seq, minutes),
  ...(accepted ? { accepted: { ...sig(accepted.seq, accepted.minutes, '李强'), remarks: '' } } : {}),
});

function incident(updatedMinutes: number, steps: Array<[Incident['state'], number, number]>): Incident {
  return IncidentSchema.parse({
    id: ulid(),
    title: `事故 ${updatedMinutes}`,
    category: 'fire',
    occurredAt: iso(-600),
    location: { lng: 109.4, lat: 25.2 },
    mode: 'real',
    state: steps.at(-1)?.[0] ?? 'reported',
    reportedAt: iso(-590),
    reportedBy: '张敏',
    updatedAt: iso(updatedMinutes),
    noteCount: 0,
    lastSeq: 1,
    stateHistory: steps.map(([state, seq, minutes]) => ({
      state,
      seq,
      at: iso(minutes),
      by: '张敏',
      workstation: 'WS',
    })),
  });
}

describe('duty log view logic', () => {
  it('lines newest first; a handover shows when handed over and again when acknowledged', () => {
    const h = handover(2, 10, { seq: 4, minutes: 30 });
    const lines = dutyLines([entry(1, 0, 'a'), h, entry(3, 20, 'b'), handover(5, 40)]);
    expect(lines.map((l) => [l.kind, l.sig.seq])).toEqual([
      ['handover', 5],
      ['accepted', 4],
      ['entry', 3],
      ['handover', 2],
      ['entry', 1],
    ]);
    expect(lines[1]?.sig.name).toBe('李强');
  });

  it('the shift starts at the last acknowledged handover, else 24 hours ago', () => {
    const now = T0 + 120 * 60_000;
    expect(shiftStart([], now)).toBe(new Date(now - 24 * 3_600_000).toISOString());
    expect(shiftStart([handover(1, 10)], now)).toBe(new Date(now - 24 * 3_600_000).toISOString());
    expect(shiftStart([handover(1, 10, { seq: 2, minutes: 15 }), handover(3, 60, { seq: 4, minutes: 70 })], now)).toBe(
      iso(70),
    );
  });

  it('shift incidents: those stepped or changed since the start, with only this shift’s steps, latest activity first', () => {
    const old = incident(-300, [['reported', 1, -590]]);
    const stepped = incident(40, [
      ['reported', 2, -500],
      ['verified', 3, 5],
      ['responding', 4, 40],
    ]);
    const updated = incident(90, [['reported', 5, -400]]);
    const rows = shiftIncidents([old, stepped, updated], iso(0));
    expect(rows.map((r) => r.incident.id)).toEqual([updated.id, stepped.id]);
    expect(rows[1]?.steps.map((s) => s.state)).toEqual(['verified', 'responding']);
    expect(rows[0]?.steps).toEqual([]);
  });
});
