import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffKeyed, diffSize, isEmptyDiff } from '../../../src-renderer/src/map/feature-diff';
import type { Versioned } from '../../../src-renderer/src/map/feature-diff';

const versions = (rows: ReadonlyArray<Versioned>) => new Map(rows.map((r) => [r.id, r.version]));

describe('diffKeyed', () => {
  it('finds added, updated and removed features by id and version', () => {
    const before = versions([
      { id: 'a', version: '1' },
      { id: 'b', version: '1' },
      { id: 'c', version: '1' },
    ]);
    const diff = diffKeyed(before, [
      { id: 'a', version: '1' },
      { id: 'b', version: '2' },
      { id: 'd', version: '1' },
    ]);
    expect(diff).toEqual({ added: ['d'], updated: ['b'], removed: ['c'] });
    expect(diffSize(diff)).toBe(3);
  });

  it('is empty when nothing changed, whatever the order', () => {
    const rows = [
      { id: 'x', version: 'p' },
      { id: 'y', version: 'q' },
    ];
    const diff = diffKeyed(versions(rows), [...rows].reverse());
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('treats everything as added on the first push and everything as removed on an empty one', () => {
    expect(diffKeyed(new Map(), [{ id: 'a', version: '1' }])).toEqual({ added: ['a'], updated: [], removed: [] });
    expect(diffKeyed(versions([{ id: 'a', version: '1' }]), [])).toEqual({ added: [], updated: [], removed: ['a'] });
  });

  it('keeps the first of duplicate ids (a source holds one feature per id)', () => {
    const diff = diffKeyed(versions([{ id: 'a', version: '1' }]), [
      { id: 'a', version: '1' },
      { id: 'a', version: '2' },
    ]);
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('one moved team out of 500 is one update', () => {
    const teams = Array.from({ length: 500 }, (_, i) => ({ id: `t${i}`, version: `109.4,25.2|available` }));
    const moved = teams.map((t, i) => (i === 137 ? { ...t, version: '109.41,25.2|available' } : t));
    expect(diffKeyed(versions(teams), moved)).toEqual({ added: [], updated: ['t137'], removed: [] });
  });

  it('applying the diff to the previous state gives the next state (property)', () => {
    const row = fc.record({ id: fc.constantFrom(...'abcdefghij'.split('')), version: fc.constantFrom('1', '2', '3') });
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { selector: (r) => r.id }),
        fc.uniqueArray(row, { selector: (r) => r.id }),
        (a, b) => {
          const before = versions(a);
          const next = versions(b);
          const diff = diffKeyed(before, b);
          const applied = new Map(before);
          for (const id of diff.removed) applied.delete(id);
          for (const id of [...diff.added, ...diff.updated]) applied.set(id, next.get(id) ?? '');
          expect(applied).toEqual(next);
          // nothing unchanged is reported
          for (const id of diff.updated) expect(before.get(id)).not.toBe(next.get(id));
          for (const id of diff.added) expect(before.has(id)).toBe(false);
        },
      ),
    );
  });
});
