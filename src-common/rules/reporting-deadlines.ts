// Reporting deadlines of 国务院令第493号 (Art. 9–11, 13) for one incident, and their status at a
// given time (the countdowns of the console). Periods are data in
// domain/accident-reporting-regulation.ts; the amber share in domain/county-incident-settings.ts.
//
// The rules, as built (times are instants; nothing depends on the calendar day, so a deadline
// that crosses midnight is just a later instant):
// - county_report (Art. 9): due 1 h after occurrence. Met by a report recorded at the county
//   level (`incident.reportUpward` with recipientLevel 'county'), or by the report itself when
//   its source is `enterprise_report` (the unit reported to the county command center).
// - upward_report (Art. 10–11), one per level above the county up to the one the grade needs
//   (一般 city, 较大 province, 重大/特别重大 state). Each level has 2 h from when the level below
//   had the report: the county from the moment the command center received it (`reportedAt`),
//   a higher level from its recorded report (or, while none is recorded, from its own due time).
// - Late figures: when the grade rises later (the grade history says when the higher grade
//   became known), a level that only the new grade needs is counted from that moment, through
//   the chain: the new facts must reach the level below within 2 h per level, then 2 h more.
//   So 一般 → 重大 at t gives province t + 4 h and state t + 6 h at the earliest. A level stays
//   required only while the current grade needs it (a corrected-down figure drops it).
// - casualty_rereport_window (Art. 13): casualty changes are re-reported (补报) within 30 days of
//   the accident, 7 days for road traffic and fire (GB 6441 vehicle and fire). Shown as a window
//   (open / elapsed), not a deadline one meets. Follow-up (续报) frequency is [unverified] and
//   not modelled.
// - A dismissed incident (误报) has no deadlines.
import { REPORT_LEVELS, REPORTING_RULES, SHORT_REREPORT_CATEGORIES } from '../domain/accident-reporting-regulation';
import type { AccidentGrade, ReportLevel } from '../domain/accident-reporting-regulation';
import { COUNTY_INCIDENT_SETTINGS } from '../domain/county-incident-settings';
import type { CountyIncidentSettings } from '../domain/county-incident-settings';
import type { AccidentCategory } from '../domain/gb6441';

export type { ReportLevel } from '../domain/accident-reporting-regulation';

/** A report to a level made (what `incident.reportedUpward` records; ReportRecordSchema in schemas/incident.ts). */
export type ReportRecord = {
  recipientLevel: ReportLevel;
  recipient: string;
  /** when the report was made (given by whoever made it; may be before the event's time) */
  reportedAt: string;
  by: string;
  seq: number;
};

/** A grade the incident had from `at` (GradeChangeSchema in schemas/incident.ts). */
export type GradeChange = { grade: AccidentGrade; at: string; seq: number };

/** What the deadlines are computed from: a projected incident has all of it. */
export type DeadlineInput = {
  occurredAt: string;
  /** when the command center received the first report */
  reportedAt: string;
  category: AccidentCategory;
  source?: string;
  reporterName?: string;
  state: string;
  grade: AccidentGrade;
  gradeHistory?: ReadonlyArray<GradeChange>;
  reports?: ReadonlyArray<ReportRecord>;
};

export type DeadlineKind = 'county_report' | 'upward_report' | 'casualty_rereport_window';

export type Deadline = {
  kind: DeadlineKind;
  recipientLevel: ReportLevel;
  /** when the clock started (the span the amber share is taken of) */
  startsAt: string;
  dueAt: string;
  /** the article that sets it */
  article: 'Art. 9' | 'Art. 11' | 'Art. 13';
  /** the report that met it (first one to that level), if any */
  met?: { at: string; by: string; recipient: string; seq: number };
};

export type DeadlineStatus = 'pending' | 'due_soon' | 'overdue' | 'met' | 'missed' | 'open' | 'elapsed';

export type DeadlineState = Deadline & {
  status: DeadlineStatus;
  /** dueAt − now in ms; negative once past */
  remainingMs: number;
};

const iso = (ms: number): string => new Date(ms).toISOString();
const ms = (instant: string): number => {
  const t = Date.parse(instant);
  if (Number.isNaN(t)) throw new RangeError(`not an instant: ${instant}`);
  return t;
};
const levelIndex = (level: ReportLevel): number => REPORT_LEVELS.indexOf(level);

/** The highest level the grade needs a report to reach (Art. 10). */
export function highestReportLevel(grade: AccidentGrade): ReportLevel {
  return REPORTING_RULES.highestLevelByGrade[grade];
}

/** Since when (ISO) the grade has continuously required level index k, or null if it does not now. */
function requiredSince(history: ReadonlyArray<GradeChange>, k: number): string | null {
  let since: string | null = null;
  for (const change of history) {
    if (levelIndex(highestReportLevel(change.grade)) >= k) since ??= change.at;
    else since = null;
  }
  return since;
}

function firstReport(reports: ReadonlyArray<ReportRecord>, level: ReportLevel): ReportRecord | undefined {
  return reports
    .filter((r) => r.recipientLevel === level)
    .reduce<ReportRecord | undefined>(
      (a, b) => (a === undefined || ms(b.reportedAt) < ms(a.reportedAt) ? b : a),
      undefined,
    );
}

const metOf = (r: ReportRecord | undefined): Deadline['met'] =>
  r === undefined ? undefined : { at: r.reportedAt, by: r.by, recipient: r.recipient, seq: r.seq };

/** Every reporting deadline of the incident, county first, then each level up, then the Art. 13 window. */
export function reportingDeadlines(incident: DeadlineInput): Array<Deadline> {
  if (incident.state === 'dismissed') return [];
  const occurred = ms(incident.occurredAt);
  const received = ms(incident.reportedAt);
  const reports = incident.reports ?? [];
  const history =
    incident.gradeHistory && incident.gradeHistory.length > 0
      ? incident.gradeHistory
      : [{ grade: incident.grade, at: incident.reportedAt, seq: 0 }];
  const out: Array<Deadline> = [];

  const countyRecord = firstReport(reports, 'county');
  const countyMet =
    metOf(countyRecord) ??
    (incident.source === 'enterprise_report'
      ? { at: incident.reportedAt, by: incident.reporterName ?? '', recipient: '', seq: 0 }
      : undefined);
  out.push({
    kind: 'county_report',
    recipientLevel: 'county',
    startsAt: incident.occurredAt,
    dueAt: iso(occurred + REPORTING_RULES.countyReportMs),
    article: 'Art. 9',
    ...(countyMet ? { met: countyMet } : {}),
  });

  const top = levelIndex(highestReportLevel(incident.grade));
  let below = received; // when the level below had the report
  for (let k = 1; k <= top; k++) {
    const level = REPORT_LEVELS[k];
    if (level === undefined) break;
    const since = requiredSince(history, k);
    if (since === null) break;
    const sinceMs = ms(since);
    // A level only a later, higher grade needs: the new facts pass up from the county at `since`.
    const restart = sinceMs > received ? sinceMs + REPORTING_RULES.perLevelMs * (k - 1) : Number.NEGATIVE_INFINITY;
    const starts = Math.max(below, restart);
    const due = starts + REPORTING_RULES.perLevelMs;
    const record = firstReport(reports, level);
    const met = metOf(record);
    out.push({
      kind: 'upward_report',
      recipientLevel: level,
      startsAt: iso(starts),
      dueAt: iso(due),
      article: 'Art. 11',
      ...(met ? { met } : {}),
    });
    below = record ? ms(record.reportedAt) : due;
  }

  const windowMs = SHORT_REREPORT_CATEGORIES.includes(incident.category)
    ? REPORTING_RULES.casualtyRereportShortMs
    : REPORTING_RULES.casualtyRereportMs;
  out.push({
    kind: 'casualty_rereport_window',
    recipientLevel: REPORT_LEVELS[top] ?? 'city',
    startsAt: incident.occurredAt,
    dueAt: iso(occurred + windowMs),
    article: 'Art. 13',
  });
  return out;
}

export type StatusOptions = Pick<CountyIncidentSettings, 'dueSoonShare' | 'dueSoonMinMs'>;

/**
 * A deadline's status at `now`: met (on time) / missed (met late) once reported; otherwise
 * pending, due_soon (amber: less than `dueSoonShare` of the span or `dueSoonMinMs` left,
 * whichever is more) and overdue (red). A window is open or elapsed.
 */
export function deadlineStatus(
  deadline: Deadline,
  now: number | string | Date,
  options: StatusOptions = COUNTY_INCIDENT_SETTINGS,
): DeadlineState {
  const t = typeof now === 'number' ? now : now instanceof Date ? now.getTime() : ms(now);
  const due = ms(deadline.dueAt);
  const remainingMs = due - t;
  let status: DeadlineStatus;
  if (deadline.kind === 'casualty_rereport_window') {
    status = remainingMs > 0 ? 'open' : 'elapsed';
  } else if (deadline.met) {
    status = ms(deadline.met.at) <= due ? 'met' : 'missed';
  } else if (remainingMs < 0) {
    status = 'overdue';
  } else {
    const span = Math.max(0, due - ms(deadline.startsAt));
    const amberAt = Math.max(span * options.dueSoonShare, options.dueSoonMinMs);
    status = remainingMs < amberAt ? 'due_soon' : 'pending';
  }
  return { ...deadline, status, remainingMs };
}

/** Every deadline of the incident with its status at `now` — what the countdowns show. */
export function deadlineStates(
  incident: DeadlineInput,
  now: number | string | Date,
  options: StatusOptions = COUNTY_INCIDENT_SETTINGS,
): Array<DeadlineState> {
  return reportingDeadlines(incident).map((d) => deadlineStatus(d, now, options));
}
