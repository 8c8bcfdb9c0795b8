import { describe, expect, it } from 'vitest';
import {
  MAX_READ_ENTRIES,
  isUnread,
  markRead,
  parseReadState,
} from '../../../src-renderer/src/features/incidents/unread-logic';
import type { ReadState } from '../../../src-renderer/src/features/incidents/unread-logic';

describe('unread markers', () => {
  const start: ReadState = { floor: 100, read: {} };

  it('nothing is unread before the marks are loaded; the history before the first use is read', () => {
    expect(isUnread(null, { id: 'a', lastSeq: 500 })).toBe(false);
    expect(isUnread(start, { id: 'a', lastSeq: 100 })).toBe(false);
    expect(isUnread(start, { id: 'a', lastSeq: 101 })).toBe(true);
  });

  it('opening marks it read at its lastSeq; a later change makes it unread again', () => {
    const read = markRead(start, 'a', 120);
    expect(isUnread(read, { id: 'a', lastSeq: 120 })).toBe(false);
    expect(isUnread(read, { id: 'a', lastSeq: 121 })).toBe(true);
    expect(isUnread(read, { id: 'b', lastSeq: 121 })).toBe(true);
  });

  it('never moves a mark backwards and returns the same state when nothing changes', () => {
    const read = markRead(start, 'a', 120);
    expect(markRead(read, 'a', 110)).toBe(read);
    expect(markRead(read, 'a', 120)).toBe(read);
    expect(markRead(start, 'z', 90)).toBe(start);
  });

  it('keeps at most a bounded number of marks, raising the floor to the highest one forgotten', () => {
    expect(MAX_READ_ENTRIES).toBeGreaterThanOrEqual(1000);
    let state: ReadState = { floor: 0, read: {} };
    for (let i = 1; i <= 25; i++) state = markRead(state, `i${i}`, i, 20);
    expect(Object.keys(state.read)).toHaveLength(20);
    expect(state.floor).toBe(5);
    expect(isUnread(state, { id: 'i3', lastSeq: 3 })).toBe(false);
    expect(isUnread(state, { id: 'i3', lastSeq: 6 })).toBe(true);
  });

  it('reads stored marks through the schema; garbage is a fresh start', () => {
    const good = JSON.stringify(markRead(start, 'a', 120));
    expect(parseReadState(good)).toEqual({ floor: 100, read: { a: 120 } });
    expect(parseReadState(null)).toBeNull();
    expect(parseReadState('{not json')).toBeNull();
    expect(parseReadState(JSON.stringify({ floor: -1, read: {} }))).toBeNull();
    expect(parseReadState(JSON.stringify({ floor: 1, read: { a: 'x' } }))).toBeNull();
  });
});
