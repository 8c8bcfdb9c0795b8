// Unread markers: which incidents changed since this user last opened them, at this workstation.
// Kept locally (not replicated): what one officer has read says nothing about another.
import { z } from 'zod';

/**
 * Per user: `floor` is the seq up to which everything counts as read (set when the user first
 * used the marker here, so an officer's first login does not light up the whole history), and
 * `read` the lastSeq of each incident when the user last had it open.
 */
export const ReadStateSchema = z.strictObject({
  floor: z.int().min(0),
  read: z.record(z.string().max(64), z.int().min(0)),
});
export type ReadState = z.infer<typeof ReadStateSchema>;

/** The most incidents remembered; the oldest reads go first (they are long closed). */
export const MAX_READ_ENTRIES = 2000;

export function isUnread(state: ReadState | null, incident: { id: string; lastSeq: number }): boolean {
  if (!state) return false;
  const seen = state.read[incident.id] ?? state.floor;
  return incident.lastSeq > seen;
}

/** The state after opening the incident at `lastSeq` (never moves a read mark backwards). */
export function markRead(state: ReadState, incidentId: string, lastSeq: number, max = MAX_READ_ENTRIES): ReadState {
  const current = state.read[incidentId];
  if (current !== undefined && current >= lastSeq) return state;
  if (current === undefined && lastSeq <= state.floor) return state;
  let read = { ...state.read, [incidentId]: lastSeq };
  const entries = Object.entries(read);
  if (entries.length > max) {
    // Forget the lowest marks and raise the floor to the highest one forgotten (they were read).
    entries.sort((a, b) => a[1] - b[1]);
    const drop = entries.slice(0, entries.length - max);
    const floor = Math.max(state.floor, ...drop.map(([, seq]) => seq));
    read = Object.fromEntries(entries.slice(entries.length - max));
    return { floor, read };
  }
  return { ...state, read };
}

/** Reads a stored state; anything unreadable or invalid is treated as none (a fresh start). */
export function parseReadState(raw: string | null): ReadState | null {
  if (!raw) return null;
  try {
    const parsed = ReadStateSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
