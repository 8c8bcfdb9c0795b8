import { describe, expect, it } from 'vitest';
import type { Incident, IncidentNote } from '@common/schemas/incident';
import {
  NO_FILTER,
  buildTimeline,
  formatCountdown,
  incidentTownship,
  matchesFilter,
} from '../../../src-renderer/src/features/incidents/workspace-logic';

const base: Incident = {
  id: '01JTESTINCIDENT0000000000A',
  mode: 'real',
  title: '演示：某厂火灾',
  category: 'fire',
  source: 'phone',
  occurredAt: '2025-06-01T02:00:00Z',
  location: { lng: 109.4, lat: 25.2 },
  casualties: { deaths: 0, seriousInjuries: 0, injured: 0, missing: 0, trapped: 0 },
  directLossWan: 0,
  hazmat: '',
  description: '',
  reporterName: '',
  reporterPhone: '',
  state: 'closed',
  level: 4,
  reportedAt: '2025-06-01T02:05:00Z',
  reportedBy: '值班员',
  updatedAt: '2025-06-01T06:00:00Z',
  noteCount: 1,
  lastSeq: 9,
  grade: 'larger',
  gradeHistory: [
    { grade: 'general', at: '2025-06-01T02:05:00Z', seq: 1 },
    { grade: 'larger', at: '2025-06-01T03:00:00Z', seq: 5 },
  ],
  suggestedLevel: 3,
  casualtyHistory: [],
  levelHistory: [
    { level: 4, at: '2025-06-01T02:20:00Z', seq: 3, by: '指挥长', reason: '' },
    { level: 3, at: '2025-06-01T03:10:00Z', seq: 6, by: '指挥长', reason: '死亡3人' },
  ],
  reports: [
    // made before it was recorded: the timeline keeps the hub's order (seq)
    { recipientLevel: 'city', recipient: '柳州市应急管理局', reportedAt: '2025-06-01T02:50:00Z', by: '值班员', seq: 7 },
  ],
  stateHistory: [
    { state: 'reported', at: '2025-06-01T02:05:00Z', seq: 1, by: '值班员', workstation: '值班一席' },
    { state: 'verified', at: '2025-06-01T02:10:00Z', seq: 2, by: '值班员', workstation: '值班一席' },
    { state: 'responding', at: '2025-06-01T02:20:00Z', seq: 3, by: '指挥长', workstation: '指挥席' },
    { state: 'terminated', at: '2025-06-01T05:00:00Z', seq: 8, by: '指挥长', workstation: '指挥席' },
    { state: 'closed', at: '2025-06-01T06:00:00Z', seq: 9, by: '指挥长', workstation: '指挥席' },
  ],
  terminatedReason: '火已扑灭',
  closeSummary: '结案',
};

const note: IncidentNote = {
  id: '01JTESTNOTE000000000000000',
  incidentId: base.id,
  text: '现场已设警戒线',
  at: '2025-06-01T02:30:00Z',
  by: 'duty',
  byName: '值班员',
  workstation: '值班一席',
  seq: 4,
};

describe('buildTimeline', () => {
  it('merges states, level changes, grade changes, reports and notes in the hub’s order', () => {
    const tl = buildTimeline(base, [note]);
    expect(tl.map((e) => `${e.kind}:${e.seq}`)).toEqual([
      'state:1',
      'state:2',
      'state:3',
      'note:4',
      'grade:5',
      'level:6',
      'report:7',
      'state:8',
      'state:9',
    ]);
  });

  it('keeps who and where, and the reasons of the latest steps', () => {
    const tl = buildTimeline(base, [note]);
    const terminated = tl.find((e) => e.kind === 'state' && e.state === 'terminated');
    expect(terminated).toMatchObject({ by: '指挥长', workstation: '指挥席', reason: '火已扑灭' });
    expect(tl.find((e) => e.kind === 'note')).toMatchObject({ by: '值班员', workstation: '值班一席' });
    expect(tl.find((e) => e.kind === 'level')).toMatchObject({ level: 3, reason: '死亡3人' });
  });

  it('does not repeat the first activation as a level change, nor the first grade', () => {
    const tl = buildTimeline(base, []);
    expect(tl.filter((e) => e.kind === 'level')).toHaveLength(1);
    expect(tl.filter((e) => e.kind === 'grade')).toHaveLength(1);
  });

  it('puts a suspension’s reason only on the latest suspension', () => {
    const incident: Incident = {
      ...base,
      state: 'suspended',
      suspendedReason: '夜间暂停',
      stateHistory: [
        { state: 'suspended', at: '2025-06-01T03:00:00Z', seq: 2, by: 'a', workstation: '' },
        { state: 'responding', at: '2025-06-01T03:30:00Z', seq: 3, by: 'a', workstation: '' },
        { state: 'suspended', at: '2025-06-01T04:00:00Z', seq: 4, by: 'a', workstation: '' },
      ],
      levelHistory: [],
      gradeHistory: [],
      reports: [],
    };
    const reasons = buildTimeline(incident, []).map((e) => (e.kind === 'state' ? (e.reason ?? null) : null));
    expect(reasons).toEqual([null, null, '夜间暂停']);
  });
});

describe('formatCountdown', () => {
  it.each([
    [0, '0:00:00'],
    [999, '0:00:00'],
    [1000, '0:00:01'],
    [59 * 60_000 + 59_000, '0:59:59'],
    [3_600_000, '1:00:00'],
    [2 * 3_600_000 + 5 * 60_000 + 7_000, '2:05:07'],
    [-61_000, '-0:01:01'],
    [30 * 86_400_000, '30d 00:00:00'],
    [7 * 86_400_000 - 1000, '6d 23:59:59'],
  ])('%i ms reads %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
});

describe('matchesFilter', () => {
  const i = { state: 'responding', grade: 'larger', mode: 'drill', location: { lng: 109.3, lat: 25.07 } } as const;
  it('passes everything with no filter', () => {
    expect(matchesFilter(i, NO_FILTER)).toBe(true);
  });
  it('filters by state, open states, grade and mode', () => {
    expect(matchesFilter(i, { ...NO_FILTER, state: 'responding' })).toBe(true);
    expect(matchesFilter(i, { ...NO_FILTER, state: 'reported' })).toBe(false);
    expect(matchesFilter(i, { ...NO_FILTER, state: 'open' })).toBe(true);
    expect(matchesFilter({ ...i, state: 'closed' }, { ...NO_FILTER, state: 'open' })).toBe(false);
    expect(matchesFilter(i, { ...NO_FILTER, grade: 'general' })).toBe(false);
    expect(matchesFilter(i, { ...NO_FILTER, mode: 'real' })).toBe(false);
    expect(matchesFilter(i, { ...NO_FILTER, mode: 'drill', grade: 'larger' })).toBe(true);
    expect(matchesFilter(i, { ...NO_FILTER, township: '450224102' })).toBe(true);
    expect(matchesFilter(i, { ...NO_FILTER, township: '450224100' })).toBe(false);
  });
  it('takes the reported township, else the nearest township seat', () => {
    expect(incidentTownship({ location: { lng: 109.401, lat: 25.209 } })).toBe('450224100');
    expect(incidentTownship({ location: { lng: 109.69, lat: 25.07 } })).toBe('450224206');
    expect(incidentTownship({ townshipCode: '450224207', location: { lng: 109.401, lat: 25.209 } })).toBe('450224207');
  });
});
