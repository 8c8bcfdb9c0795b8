// Pure helpers of the incident workspace: the timeline assembled from the projected row and the
// notes (the replica holds rows, not the event log), countdown text, and grade colours.
import type { AccidentGrade } from '@common/domain/accident-reporting-regulation';
import type { Incident, IncidentNote, IncidentState } from '@common/schemas/incident';
import type { ResponseLevel } from '@common/schemas/plan';
import type { ReportLevel } from '@common/domain/accident-reporting-regulation';
import { TOWNSHIPS } from '@common/domain/county';
import type { TownshipCode } from '@common/domain/county';
import { distanceKm } from '@common/geo/distance';

/** Warning colours by grade: 特别重大 red, 重大 orange, 较大 yellow, 一般 blue. */
export const GRADE_COLORS: Readonly<Record<AccidentGrade, string>> = {
  especially_major: '#cf1322',
  major: '#fa8c16',
  larger: '#fadb14',
  general: '#1677ff',
};

/** Text colour readable on the grade colour (yellow needs dark text). */
export const GRADE_TEXT_COLORS: Readonly<Record<AccidentGrade, string>> = {
  especially_major: '#fff',
  major: '#fff',
  larger: '#262626',
  general: '#fff',
};

export type TimelineEntry =
  | { kind: 'state'; at: string; seq: number; by: string; workstation: string; state: IncidentState; reason?: string }
  | { kind: 'level'; at: string; seq: number; by: string; workstation: string; level: ResponseLevel; reason: string }
  | { kind: 'grade'; at: string; seq: number; by: string; workstation: string; grade: AccidentGrade }
  | {
      kind: 'report';
      at: string;
      seq: number;
      by: string;
      workstation: string;
      recipientLevel: ReportLevel;
      recipient: string;
    }
  | { kind: 'note'; at: string; seq: number; by: string; workstation: string; text: string; id: string };

/** The reason or summary the row keeps for the latest step into `state`. */
function reasonFor(incident: Incident, state: IncidentState): string | undefined {
  switch (state) {
    case 'suspended':
      return incident.suspendedReason;
    case 'terminated':
      return incident.terminatedReason;
    case 'closed':
      return incident.closeSummary;
    case 'dismissed':
      return incident.dismissedReason;
    default:
      return undefined;
  }
}

/**
 * Every recorded step of the incident, oldest first (by seq, then time): lifecycle steps, level
 * changes (the first activation is already a state step, so only later changes are listed), grade
 * changes after the first, upward reports and notes. A state's reason is kept on the row only for
 * its latest occurrence, so only that step carries it.
 */
export function buildTimeline(incident: Incident, notes: ReadonlyArray<IncidentNote>): Array<TimelineEntry> {
  const entries: Array<TimelineEntry> = [];
  const lastSeqOfState = new Map<IncidentState, number>();
  for (const s of incident.stateHistory) lastSeqOfState.set(s.state, s.seq);
  for (const s of incident.stateHistory) {
    const reason = lastSeqOfState.get(s.state) === s.seq ? reasonFor(incident, s.state) : undefined;
    entries.push({
      kind: 'state',
      at: s.at,
      seq: s.seq,
      by: s.by,
      workstation: s.workstation,
      state: s.state,
      ...(reason ? { reason } : {}),
    });
  }
  const activationSeqs = new Set(incident.stateHistory.map((s) => s.seq));
  for (const l of incident.levelHistory) {
    if (activationSeqs.has(l.seq) && !l.reason) continue;
    entries.push({ kind: 'level', at: l.at, seq: l.seq, by: l.by, workstation: '', level: l.level, reason: l.reason });
  }
  incident.gradeHistory.forEach((g, i) => {
    if (i === 0) return;
    entries.push({ kind: 'grade', at: g.at, seq: g.seq, by: '', workstation: '', grade: g.grade });
  });
  for (const r of incident.reports) {
    entries.push({
      kind: 'report',
      at: r.reportedAt,
      seq: r.seq,
      by: r.by,
      workstation: '',
      recipientLevel: r.recipientLevel,
      recipient: r.recipient,
    });
  }
  for (const n of notes) {
    entries.push({
      kind: 'note',
      at: n.at,
      seq: n.seq,
      by: n.byName,
      workstation: n.workstation,
      text: n.text,
      id: n.id,
    });
  }
  // NOTE: an upward report's time is when it was made (given by the reporter), not the event's,
  // so order by seq — the order the hub recorded things — and fall back to time for seq 0 rows.
  return entries.sort((a, b) => a.seq - b.seq || Date.parse(a.at) - Date.parse(b.at));
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A countdown as H:MM:SS (days as "Nd HH:MM:SS"); past due it reads "-H:MM:SS". */
export function formatCountdown(remainingMs: number): string {
  const sign = remainingMs < 0 ? '-' : '';
  const total = Math.floor(Math.abs(remainingMs) / 1000);
  const days = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return days > 0 ? `${sign}${days}d ${pad(h)}:${pad(m)}:${pad(s)}` : `${sign}${h}:${pad(m)}:${pad(s)}`;
}

export type IncidentFilter = {
  state: IncidentState | 'open' | 'all';
  grade: AccidentGrade | 'all';
  mode: 'real' | 'drill' | 'all';
  township: TownshipCode | 'all';
};

export const NO_FILTER: IncidentFilter = { state: 'all', grade: 'all', mode: 'all', township: 'all' };

/**
 * The incident's township: the reported one, else the township whose seat is nearest.
 * NOTE: nearest seat is an approximation until township boundaries are in the base data.
 */
export function incidentTownship(incident: Pick<Incident, 'townshipCode' | 'location'>): TownshipCode {
  if (incident.townshipCode) return incident.townshipCode;
  let best: TownshipCode = TOWNSHIPS[0].code;
  let bestKm = Infinity;
  for (const t of TOWNSHIPS) {
    const km = distanceKm(incident.location, t.center);
    if (km < bestKm) {
      bestKm = km;
      best = t.code;
    }
  }
  return best;
}

const OPEN_STATES: ReadonlySet<IncidentState> = new Set(['reported', 'verified', 'responding', 'suspended']);

/** Whether the feed shows the incident under the filter ('open' = not yet terminated, closed or dismissed). */
export function matchesFilter(
  incident: Pick<Incident, 'state' | 'grade' | 'mode' | 'townshipCode' | 'location'>,
  filter: IncidentFilter,
): boolean {
  if (
    filter.state === 'open'
      ? !OPEN_STATES.has(incident.state)
      : filter.state !== 'all' && incident.state !== filter.state
  )
    return false;
  if (filter.grade !== 'all' && incident.grade !== filter.grade) return false;
  if (filter.mode !== 'all' && incident.mode !== filter.mode) return false;
  if (filter.township !== 'all' && incidentTownship(incident) !== filter.township) return false;
  return true;
}
