// What an alert sounds like and how urgent its notification is: data and pure functions, so the
// choices can be read (and tested) apart from Web Audio. One pattern per grade of a new incident,
// plus the linkage sounds, and a drill variant that can never be mistaken for a real alarm.
import type { AccidentGrade } from '@common/domain/accident-reporting-regulation';
import type { Mode } from '@common/schemas/common';
import type { Incident } from '@common/schemas/incident';

export type AlertKind = 'incident' | 'linkage_order' | 'linkage_overdue';

/** How severe the alert is: an accident grade for incidents, 'normal' / 'urgent' for the rest. */
export type AlertSeverity = AccidentGrade | 'normal' | 'urgent';

export type AlertRequest = {
  kind: AlertKind;
  severity: AlertSeverity;
  title: string;
  body?: string;
  /** a drill alert is marked 演练 in its title and has its own soft sound */
  mode?: Mode;
};

/** One tone: frequency (Hz) or a sweep [from, to], how long (s), the waveform, and the pause after (s). */
export type Tone = {
  hz: number | readonly [number, number];
  seconds: number;
  wave: OscillatorType;
  gapAfter: number;
};

export type SoundPattern = { id: string; tones: ReadonlyArray<Tone>; volume: number };

const beep = (hz: number, seconds: number, gapAfter = 0.08, wave: OscillatorType = 'square'): Tone => ({
  hz,
  seconds,
  wave,
  gapAfter,
});
const repeat = (tones: ReadonlyArray<Tone>, times: number): Array<Tone> =>
  Array.from({ length: times }, () => tones).flat();

/**
 * Patterns by grade: more tones, higher and faster as the grade rises, so the duty officer knows
 * the grade before looking. 特别重大 is a rising siren; a drill is two soft sine chimes whatever
 * its grade (a drill must never sound like a real alarm).
 */
export const SOUND_PATTERNS = {
  'incident:general': { id: 'incident:general', volume: 0.25, tones: [beep(660, 0.22, 0.12), beep(660, 0.22)] },
  'incident:larger': {
    id: 'incident:larger',
    volume: 0.3,
    tones: repeat([beep(784, 0.16, 0.08)], 3),
  },
  'incident:major': {
    id: 'incident:major',
    volume: 0.35,
    tones: repeat([beep(988, 0.12, 0.04), beep(740, 0.12, 0.04)], 3),
  },
  'incident:especially_major': {
    id: 'incident:especially_major',
    volume: 0.4,
    tones: repeat([{ hz: [600, 1200], seconds: 0.6, wave: 'sawtooth', gapAfter: 0.05 } satisfies Tone], 3),
  },
  drill: {
    id: 'drill',
    volume: 0.2,
    tones: [beep(523, 0.35, 0.1, 'sine'), beep(392, 0.45, 0, 'sine')],
  },
  'linkage_order:normal': {
    id: 'linkage_order:normal',
    volume: 0.3,
    tones: [beep(880, 0.18, 0.05, 'sine'), beep(1175, 0.25, 0, 'sine')],
  },
  'linkage_order:urgent': {
    id: 'linkage_order:urgent',
    volume: 0.35,
    tones: repeat([beep(880, 0.15, 0.04, 'sine'), beep(1175, 0.2, 0.08, 'sine')], 2),
  },
  'linkage_overdue:normal': {
    id: 'linkage_overdue:normal',
    volume: 0.3,
    tones: repeat([beep(988, 0.2, 0.05, 'triangle'), beep(740, 0.2, 0.05, 'triangle')], 2),
  },
  'linkage_overdue:urgent': {
    id: 'linkage_overdue:urgent',
    volume: 0.35,
    tones: repeat([beep(988, 0.15, 0.03, 'triangle'), beep(740, 0.15, 0.03, 'triangle')], 3),
  },
} as const satisfies Record<string, SoundPattern>;

const GRADES: ReadonlySet<string> = new Set(['general', 'larger', 'major', 'especially_major']);

/** The sound of an alert (any drill sounds the drill pattern). */
export function soundFor(request: Pick<AlertRequest, 'kind' | 'severity' | 'mode'>): SoundPattern {
  if (request.mode === 'drill') return SOUND_PATTERNS.drill;
  if (request.kind === 'incident') {
    const grade = GRADES.has(request.severity) ? (request.severity as AccidentGrade) : 'general';
    return SOUND_PATTERNS[`incident:${grade}`];
  }
  const level = request.severity === 'normal' ? 'normal' : 'urgent';
  return SOUND_PATTERNS[`${request.kind}:${level}`];
}

/** Seconds a pattern lasts. */
export function patternSeconds(pattern: SoundPattern): number {
  return pattern.tones.reduce((s, t) => s + t.seconds + t.gapAfter, 0);
}

/** The notification's urgency: anything above 一般 (or urgent) stays until dismissed; drills never do. */
export function urgencyFor(request: Pick<AlertRequest, 'severity' | 'mode'>): 'normal' | 'critical' {
  if (request.mode === 'drill') return 'normal';
  return request.severity === 'general' || request.severity === 'normal' ? 'normal' : 'critical';
}

/** The notification's title: a drill is marked 【演练】 first, so it is never read as real. */
export function notificationTitle(request: Pick<AlertRequest, 'title' | 'mode'>, drillMark: string): string {
  const title = request.mode === 'drill' ? `【${drillMark}】${request.title}` : request.title;
  return title.slice(0, 200);
}

/** Who this workstation is, to leave out its own reports. */
export type Self = { displayName: string; ownIncidentIds: ReadonlySet<string> };

/**
 * Incidents that should raise a "new incident" alert: not in the baseline taken once the login
 * catch-up was applied, not yet alerted, and not reported from here (by this session, or earlier
 * by this user).
 */
export function incidentsToAlert(
  rows: ReadonlyArray<Pick<Incident, 'id' | 'reportedBy'>>,
  seen: ReadonlySet<string>,
  self: Self,
): Array<string> {
  return rows
    .filter((r) => !seen.has(r.id) && !self.ownIncidentIds.has(r.id) && r.reportedBy !== self.displayName)
    .map((r) => r.id);
}
