import type Database from 'better-sqlite3';
import { GENESIS_HASH, canonicalJson, chainHash } from './canonical-json';
import { hashedEventView, rowToEvent } from './event-rows';
import type { EventRow } from './event-rows';
import type { VerifyResult } from './types';

/**
 * Walks the whole hash chain from seq 1: every seq present, every row's stored JSON canonical,
 * every prev_hash equal to the previous row's hash, every hash recomputed. Names the first bad
 * row. A tail cut off after the last commit is caught through `chain_head`.
 */
export function verifyChain(db: Database.Database): VerifyResult {
  let expected = 1;
  let prev = GENESIS_HASH;
  const rows = db.prepare<[], EventRow>('SELECT * FROM events ORDER BY seq').iterate();
  for (const row of rows) {
    const checked = expected - 1;
    if (row.seq !== expected) {
      return { ok: false, seq: expected, reason: 'missing', detail: `seq ${expected} is missing`, checked };
    }
    let canonical: string;
    try {
      const event = rowToEvent(row);
      if (canonicalJson(event.actor) !== row.actor || canonicalJson(event.payload) !== row.payload) {
        return { ok: false, seq: row.seq, reason: 'altered', detail: 'stored JSON is not canonical', checked };
      }
      canonical = canonicalJson(hashedEventView(event));
    } catch (err) {
      return { ok: false, seq: row.seq, reason: 'unreadable', detail: (err as Error).message, checked };
    }
    if (row.prev_hash !== prev) {
      return {
        ok: false,
        seq: row.seq,
        reason: 'altered',
        detail: 'prev_hash does not match the previous row',
        checked,
      };
    }
    const hash = chainHash(prev, canonical);
    if (hash !== row.hash) {
      return { ok: false, seq: row.seq, reason: 'altered', detail: 'hash does not match the row contents', checked };
    }
    prev = hash;
    expected += 1;
  }
  const count = expected - 1;
  const head = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM chain_head WHERE id = 1').get();
  if (head && head.seq > count) {
    return {
      ok: false,
      seq: count + 1,
      reason: 'missing',
      detail: `the log ends at ${count} but was committed up to ${head.seq}`,
      checked: count,
    };
  }
  if (head && head.seq === count && head.hash !== prev) {
    return {
      ok: false,
      seq: count,
      reason: 'altered',
      detail: 'last hash differs from the committed head',
      checked: count,
    };
  }
  return { ok: true, count, headSeq: count };
}
