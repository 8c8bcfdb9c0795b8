import { describe, expect, it } from 'vitest';
import {
  SOUND_PATTERNS,
  incidentsToAlert,
  notificationTitle,
  patternSeconds,
  soundFor,
  urgencyFor,
} from '../../../src-renderer/src/features/alerts/alert-patterns';

const GRADES = ['general', 'larger', 'major', 'especially_major'] as const;

describe('alert sounds by grade', () => {
  it('each grade has its own pattern, more sound as the grade rises', () => {
    const patterns = GRADES.map((g) => soundFor({ kind: 'incident', severity: g, mode: 'real' }));
    expect(new Set(patterns.map((p) => p.id)).size).toBe(4);
    expect(patterns.map((p) => p.id)).toEqual(GRADES.map((g) => `incident:${g}`));
    for (let i = 1; i < patterns.length; i++) {
      const [a, b] = [patterns[i - 1], patterns[i]];
      if (!a || !b) throw new Error('missing pattern');
      expect(b.volume).toBeGreaterThanOrEqual(a.volume);
      // sounding time × volume: a higher grade is more sound
      const energy = (p: typeof a) => p.tones.reduce((sum, t) => sum + t.seconds, 0) * p.volume;
      expect(energy(b)).toBeGreaterThan(energy(a));
    }
  });

  it('a drill sounds the soft drill chime whatever its grade, never a real alarm', () => {
    for (const g of GRADES)
      expect(soundFor({ kind: 'incident', severity: g, mode: 'drill' })).toBe(SOUND_PATTERNS.drill);
    expect(SOUND_PATTERNS.drill.tones.every((t) => t.wave === 'sine')).toBe(true);
    expect(soundFor({ kind: 'linkage_order', severity: 'urgent', mode: 'drill' }).id).toBe('drill');
  });

  it('linkage sounds by urgency; an unknown incident severity falls back to 一般', () => {
    expect(soundFor({ kind: 'linkage_order', severity: 'normal' }).id).toBe('linkage_order:normal');
    expect(soundFor({ kind: 'linkage_overdue', severity: 'major' }).id).toBe('linkage_overdue:urgent');
    expect(soundFor({ kind: 'incident', severity: 'urgent' }).id).toBe('incident:general');
  });

  it('every pattern is short enough not to drown a phone call (under 3 s), and not silent', () => {
    for (const p of Object.values(SOUND_PATTERNS)) {
      expect(patternSeconds(p)).toBeGreaterThan(0.3);
      expect(patternSeconds(p)).toBeLessThan(3);
      expect(p.volume).toBeLessThanOrEqual(0.5);
    }
  });
});

describe('alert notification', () => {
  it('is critical above 一般, normal for 一般 and for any drill', () => {
    expect(urgencyFor({ severity: 'general', mode: 'real' })).toBe('normal');
    expect(urgencyFor({ severity: 'larger', mode: 'real' })).toBe('critical');
    expect(urgencyFor({ severity: 'especially_major', mode: 'drill' })).toBe('normal');
    expect(urgencyFor({ severity: 'urgent' })).toBe('critical');
  });

  it('marks a drill 演练 first in the title and keeps the title within the bridge limit', () => {
    expect(notificationTitle({ title: '某厂火灾', mode: 'drill' }, '演练')).toBe('【演练】某厂火灾');
    expect(notificationTitle({ title: '某厂火灾', mode: 'real' }, '演练')).toBe('某厂火灾');
    expect(notificationTitle({ title: 'x'.repeat(500), mode: 'drill' }, '演练')).toHaveLength(200);
  });
});

describe('which incidents alert', () => {
  const rows = [
    { id: 'a', reportedBy: '李华' },
    { id: 'b', reportedBy: '张敏' },
    { id: 'c', reportedBy: '李华' },
    { id: 'd', reportedBy: '系统接入' },
  ];
  it('not the baseline (login catch-up), not one already alerted, not this workstation’s own report', () => {
    const self = { displayName: '张敏', ownIncidentIds: new Set(['c']) };
    expect(incidentsToAlert(rows, new Set(['a']), self)).toEqual(['d']);
    expect(incidentsToAlert(rows, new Set(), { displayName: '王强', ownIncidentIds: new Set() })).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });
});
