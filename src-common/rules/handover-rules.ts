// Who may acknowledge a shift handover (接班), shared by the hub (which enforces it) and the app
// (which offers the button only when it would be accepted).
import type { DutyHandover, DutyLogEntry } from '../schemas/duty';

export type AcceptCheck =
  | { ok: true; handover: DutyHandover }
  | { ok: false; error: { code: 'not_found' | 'conflict' | 'forbidden'; message: string } };

/**
 * A handover can be acknowledged once, by someone other than the officer who handed it over
 * (handing over to oneself would record a handover that never happened).
 */
export function checkAcceptHandover(
  row: DutyLogEntry | undefined,
  userId: string,
  handoverId: string = row?.id ?? '',
): AcceptCheck {
  if (row?.kind !== 'handover') {
    return { ok: false, error: { code: 'not_found', message: `handover ${handoverId} does not exist` } };
  }
  if (row.accepted) {
    return {
      ok: false,
      error: {
        code: 'conflict',
        message: `handover ${row.id} was already acknowledged by ${row.accepted.name} at ${row.accepted.at}`,
      },
    };
  }
  if (row.by.userId === userId) {
    return {
      ok: false,
      error: {
        code: 'forbidden',
        message: `handover ${row.id} was handed over by you; another officer must acknowledge it`,
      },
    };
  }
  return { ok: true, handover: row };
}

/** Handovers still waiting for acknowledgement that this user may acknowledge, newest first. */
export function pendingHandoversFor(rows: ReadonlyArray<DutyLogEntry>, userId: string): Array<DutyHandover> {
  return rows
    .filter((r): r is DutyHandover => r.kind === 'handover' && !r.accepted && r.by.userId !== userId)
    .sort((a, b) => b.by.seq - a.by.seq);
}
