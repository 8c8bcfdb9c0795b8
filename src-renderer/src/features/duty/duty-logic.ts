import type { DutyLogEntry, DutySignature } from '@common/schemas/duty';
import type { Incident, StateChange } from '@common/schemas/incident';

/** One line of the duty log as shown: an entry, a handover, or the acknowledgement of one. */
export type DutyLine =
  | { kind: 'entry'; key: string; row: Extract<DutyLogEntry, { kind: 'entry' }>; sig: DutySignature }
  | { kind: 'handover'; key: string; row: Extract<DutyLogEntry, { kind: 'handover' }>; sig: DutySignature }
  | { kind: 'accepted'; key: string; row: Extract<DutyLogEntry, { kind: 'handover' }>; sig: DutySignature };

/** The log, newest first: a handover shows twice — when handed over and when acknowledged. */
export function dutyLines(rows: ReadonlyArray<DutyLogEntry>): Array<DutyLine> {
  const lines: Array<DutyLine> = [];
  for (const row of rows) {
    if (row.kind === 'entry') {
      lines.push({ kind: 'entry', key: row.id, row, sig: row.by });
    } else {
      lines.push({ kind: 'handover', key: row.id, row, sig: row.by });
      if (row.accepted) lines.push({ kind: 'accepted', key: `${row.id}:accepted`, row, sig: row.accepted });
    }
  }
  return lines.sort((a, b) => b.sig.seq - a.sig.seq);
}

const DAY_MS = 24 * 3_600_000;

/**
 * When the current shift began: the last acknowledged handover (接班), else 24 hours ago — a
 * desk that has never handed over still sees a day's work.
 */
export function shiftStart(rows: ReadonlyArray<DutyLogEntry>, now: number): string {
  let latest: string | undefined;
  for (const row of rows) {
    if (row.kind === 'handover' && row.accepted && (latest === undefined || row.accepted.at > latest)) {
      latest = row.accepted.at;
    }
  }
  return latest ?? new Date(now - DAY_MS).toISOString();
}

export type ShiftIncident = { incident: Incident; steps: Array<StateChange> };

/**
 * The shift view: incidents reported or stepped since `since`, with the steps taken in the
 * shift, most recently active first.
 */
export function shiftIncidents(incidents: ReadonlyArray<Incident>, since: string): Array<ShiftIncident> {
  const from = Date.parse(since);
  return incidents
    .map((incident) => ({
      incident,
      steps: (incident.stateHistory ?? []).filter((s) => Date.parse(s.at) >= from),
    }))
    .filter(({ incident, steps }) => steps.length > 0 || Date.parse(incident.updatedAt) >= from)
    .sort((a, b) => Date.parse(b.incident.updatedAt) - Date.parse(a.incident.updatedAt));
}
