import { describe, expect, it } from 'vitest';
import { deadlineStates, deadlineStatus, reportingDeadlines } from '@common/rules/reporting-deadlines';
import type { Deadline, DeadlineInput, ReportRecord } from '@common/rules/reporting-deadlines';
import { chinaDate } from '@common/rules/calendar';

const H = 3_600_000;
const MIN = 60_000;
/** 23:30 China time, 14 March 2026: every 1-hour and 2-hour deadline crosses midnight. */
const OCCURRED = Date.parse('2026-03-14T23:30:00+08:00');
const RECEIVED = OCCURRED + 10 * MIN; // 23:40: the command center takes the call
const iso = (t: number): string => new Date(t).toISOString();

function incident(overrides: Partial<DeadlineInput> = {}): DeadlineInput {
  return {
    occurredAt: iso(OCCURRED),
    reportedAt: iso(RECEIVED),
    category: 'collapse',
    source: 'phone',
    state: 'reported',
    grade: 'general',
    gradeHistory: [{ grade: 'general', at: iso(RECEIVED), seq: 1 }],
    reports: [],
    ...overrides,
  };
}

const report = (recipientLevel: ReportRecord['recipientLevel'], at: number, seq = 9): ReportRecord => ({
  recipientLevel,
  recipient: `${recipientLevel} 值班室`,
  reportedAt: iso(at),
  by: '张敏',
  seq,
});

const summary = (ds: Array<Deadline>) => ds.map((d) => [d.kind, d.recipientLevel, d.dueAt] as const);

describe('reporting deadlines (Art. 9–11, 13)', () => {
  it('一般: county within 1 h of occurrence, city 2 h after the county had it — across midnight', () => {
    const ds = reportingDeadlines(incident());
    expect(summary(ds)).toEqual([
      ['county_report', 'county', iso(OCCURRED + 1 * H)],
      ['upward_report', 'city', iso(RECEIVED + 2 * H)],
      ['casualty_rereport_window', 'city', iso(OCCURRED + 30 * 24 * H)],
    ]);
    // 23:30 + 1 h is 00:30 on the 15th in China time, whatever the machine's zone
    const countyDue = ds[0]?.dueAt ?? '';
    expect(chinaDate(countyDue)).toEqual({ y: 2026, m: 3, d: 15 });
    expect(countyDue).toBe('2026-03-14T16:30:00.000Z');
  });

  it('较大 goes to the province, 重大 and 特别重大 to the State Council department, each level +2 h', () => {
    const larger = reportingDeadlines(
      incident({ grade: 'larger', gradeHistory: [{ grade: 'larger', at: iso(RECEIVED), seq: 1 }] }),
    );
    expect(summary(larger).slice(1, 3)).toEqual([
      ['upward_report', 'city', iso(RECEIVED + 2 * H)],
      ['upward_report', 'province', iso(RECEIVED + 4 * H)],
    ]);
    for (const grade of ['major', 'especially_major'] as const) {
      const ds = reportingDeadlines(incident({ grade, gradeHistory: [{ grade, at: iso(RECEIVED), seq: 1 }] }));
      expect(summary(ds).slice(1, 4)).toEqual([
        ['upward_report', 'city', iso(RECEIVED + 2 * H)],
        ['upward_report', 'province', iso(RECEIVED + 4 * H)],
        ['upward_report', 'state', iso(RECEIVED + 6 * H)],
      ]);
      expect(ds.at(-1)?.recipientLevel).toBe('state');
    }
  });

  it('each level counts from when the level below actually had the report', () => {
    const ds = reportingDeadlines(
      incident({
        grade: 'larger',
        gradeHistory: [{ grade: 'larger', at: iso(RECEIVED), seq: 1 }],
        reports: [report('city', RECEIVED + 30 * MIN)],
      }),
    );
    expect(ds[1]?.met).toEqual({ at: iso(RECEIVED + 30 * MIN), by: '张敏', recipient: 'city 值班室', seq: 9 });
    expect(ds[2]?.startsAt).toBe(iso(RECEIVED + 30 * MIN));
    expect(ds[2]?.dueAt).toBe(iso(RECEIVED + 150 * MIN));
  });

  it('late figures: a grade that rises later adds levels counted from when it became known, through the chain', () => {
    const risen = RECEIVED + 5 * H; // 04:40: two of the injured die, a third is found → 3 deaths
    const ds = reportingDeadlines(
      incident({
        grade: 'major',
        gradeHistory: [
          { grade: 'general', at: iso(RECEIVED), seq: 1 },
          { grade: 'larger', at: iso(risen), seq: 7 },
          { grade: 'major', at: iso(risen + 1 * H), seq: 8 },
        ],
        reports: [report('city', RECEIVED + 1 * H)],
      }),
    );
    expect(summary(ds).slice(1, 4)).toEqual([
      ['upward_report', 'city', iso(RECEIVED + 2 * H)],
      // province first needed at `risen`: the new facts reach the city by +2 h, the province by +4 h
      ['upward_report', 'province', iso(risen + 4 * H)],
      // state first needed an hour later: +6 h from then
      ['upward_report', 'state', iso(risen + 1 * H + 6 * H)],
    ]);
    expect(ds[1]?.met?.at).toBe(iso(RECEIVED + 1 * H));
  });

  it('a grade corrected down drops the levels only the higher grade needed', () => {
    const ds = reportingDeadlines(
      incident({
        grade: 'general',
        gradeHistory: [
          { grade: 'larger', at: iso(RECEIVED), seq: 1 },
          { grade: 'general', at: iso(RECEIVED + H), seq: 4 },
        ],
      }),
    );
    expect(ds.map((d) => d.recipientLevel)).toEqual(['county', 'city', 'city']);
  });

  it('a report before the grade rose still meets the new level', () => {
    const ds = reportingDeadlines(
      incident({
        grade: 'larger',
        gradeHistory: [
          { grade: 'general', at: iso(RECEIVED), seq: 1 },
          { grade: 'larger', at: iso(RECEIVED + 3 * H), seq: 5 },
        ],
        reports: [report('province', RECEIVED + 2 * H)],
      }),
    );
    expect(ds[2]?.met?.at).toBe(iso(RECEIVED + 2 * H));
    expect(deadlineStatus(ds[2] as Deadline, RECEIVED + 10 * H).status).toBe('met');
  });

  it('Art. 13 window: 30 days, 7 for road traffic (GB 6441 vehicle) and fire', () => {
    for (const [category, days] of [
      ['vehicle', 7],
      ['fire', 7],
      ['collapse', 30],
      ['poisoning_asphyxia', 30],
    ] as const) {
      const window = reportingDeadlines(incident({ category })).at(-1);
      expect(window?.kind).toBe('casualty_rereport_window');
      expect(window?.dueAt).toBe(iso(OCCURRED + days * 24 * H));
    }
  });

  it('the county report is met by a county-level record, or by an enterprise report itself', () => {
    expect(reportingDeadlines(incident())[0]?.met).toBeUndefined();
    const recorded = reportingDeadlines(incident({ reports: [report('county', OCCURRED + 50 * MIN)] }))[0];
    expect(recorded?.met?.at).toBe(iso(OCCURRED + 50 * MIN));
    const byUnit = reportingDeadlines(incident({ source: 'enterprise_report', reporterName: '李安全' }))[0];
    expect(byUnit?.met).toEqual({ at: iso(RECEIVED), by: '李安全', recipient: '', seq: 0 });
  });

  it('a dismissed incident has no deadlines; a row without grade history uses its grade since the report', () => {
    expect(reportingDeadlines(incident({ state: 'dismissed' }))).toEqual([]);
    const ds = reportingDeadlines(incident({ grade: 'larger', gradeHistory: [] }));
    expect(ds.map((d) => d.recipientLevel)).toEqual(['county', 'city', 'province', 'province']);
  });
});

describe('deadline status at now', () => {
  const county = reportingDeadlines(incident())[0] as Deadline; // 1 h span: amber in the last 15 min
  const city = reportingDeadlines(incident())[1] as Deadline; // 2 h span: amber in the last 30 min (25 %)
  const due = (d: Deadline) => Date.parse(d.dueAt);

  it('pending → due_soon (amber) → overdue (red), on the boundaries', () => {
    expect(deadlineStatus(county, OCCURRED).status).toBe('pending');
    expect(deadlineStatus(county, due(county) - 15 * MIN).status).toBe('pending');
    expect(deadlineStatus(county, due(county) - 15 * MIN + 1).status).toBe('due_soon');
    expect(deadlineStatus(county, due(county)).status).toBe('due_soon');
    expect(deadlineStatus(county, due(county) + 1)).toMatchObject({ status: 'overdue', remainingMs: -1 });
    expect(deadlineStatus(city, due(city) - 30 * MIN).status).toBe('pending');
    expect(deadlineStatus(city, due(city) - 30 * MIN + 1).status).toBe('due_soon');
  });

  it('the amber share and the minimum are settings', () => {
    const opts = { dueSoonShare: 0.5, dueSoonMinMs: 0 };
    expect(deadlineStatus(city, due(city) - 61 * MIN, opts).status).toBe('pending');
    expect(deadlineStatus(city, due(city) - 59 * MIN, opts).status).toBe('due_soon');
    const minOnly = { dueSoonShare: 0, dueSoonMinMs: 45 * MIN };
    expect(deadlineStatus(county, due(county) - 44 * MIN, minOnly).status).toBe('due_soon');
    expect(deadlineStatus(county, due(county) - 46 * MIN, minOnly).status).toBe('pending');
  });

  it('met when reported by the due time, missed when reported late — whatever now is', () => {
    const onTime = reportingDeadlines(incident({ reports: [report('county', OCCURRED + 60 * MIN)] }))[0] as Deadline;
    expect(deadlineStatus(onTime, OCCURRED + 10 * H).status).toBe('met');
    const late = reportingDeadlines(incident({ reports: [report('county', OCCURRED + 61 * MIN)] }))[0] as Deadline;
    expect(deadlineStatus(late, OCCURRED + 10 * H)).toMatchObject({ status: 'missed', met: { by: '张敏' } });
    expect(deadlineStatus(late, OCCURRED).status).toBe('missed');
  });

  it('a window is open, then elapsed; states come for every deadline, with ISO or Date now', () => {
    const states = deadlineStates(incident({ category: 'fire' }), new Date(OCCURRED + 2 * H));
    expect(states.map((s) => s.status)).toEqual(['overdue', 'due_soon', 'open']);
    const later = deadlineStates(incident({ category: 'fire' }), iso(OCCURRED + 7 * 24 * H + 1));
    expect(later.at(-1)?.status).toBe('elapsed');
  });
});
