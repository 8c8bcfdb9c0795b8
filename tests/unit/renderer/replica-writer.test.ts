import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { applyEventBatch, readLastSeq } from '../../../src-renderer/src/sync/replica-writer';
import { freshDb, notedEvent, reportedEvent } from './fake-hub';

describe('applyEventBatch', () => {
  it('applies a contiguous batch and advances lastSeq in the same transaction', async () => {
    const db = freshDb();
    const id = ulid();
    const seq = await applyEventBatch(db, [
      reportedEvent(1, id, '演示'),
      notedEvent(2, id, 'a'),
      notedEvent(3, id, 'b'),
    ]);
    expect(seq).toBe(3);
    expect(await readLastSeq(db)).toBe(3);
    expect(await db.incidents.get(id)).toMatchObject({ noteCount: 2, lastSeq: 3, state: 'reported' });
  });

  it('skips events at or below lastSeq (replayed batch changes nothing)', async () => {
    const db = freshDb();
    const id = ulid();
    const batch = [reportedEvent(1, id, '演示'), notedEvent(2, id, 'a')];
    await applyEventBatch(db, batch);
    await applyEventBatch(db, batch.slice(1));
    expect((await db.incidents.get(id))?.noteCount).toBe(1);
    expect(await db.incidentNotes.count()).toBe(1);
  });

  it('stops at a gap: nothing past it is written', async () => {
    const db = freshDb();
    const id = ulid();
    const seq = await applyEventBatch(db, [reportedEvent(1, id, '演示'), notedEvent(3, id, 'after a gap')]);
    expect(seq).toBe(1);
    expect(await db.incidentNotes.count()).toBe(0);
  });

  it('writes nothing when the transaction fails midway (all or nothing)', async () => {
    const db = freshDb();
    const id = ulid();
    const broken = { ...notedEvent(2, id, 'x'), type: 'entity.upserted', payload: { kind: 'nope', value: {} } };
    await expect(applyEventBatch(db, [reportedEvent(1, id, '演示'), broken as never])).rejects.toThrow();
    expect(await readLastSeq(db)).toBe(0);
    expect(await db.incidents.count()).toBe(0);
  });
});

describe('applyEventBatch with a sync page (coveredUntil)', () => {
  it('applies across seqs the hub filtered out and moves lastSeq to the end of the covered range', async () => {
    const db = freshDb();
    const id = ulid();
    const seq = await applyEventBatch(db, [reportedEvent(1, id, '演示'), notedEvent(4, id, 'visible')], {
      coveredUntil: 6,
    });
    expect(seq).toBe(6);
    expect(await readLastSeq(db)).toBe(6);
    expect((await db.incidents.get(id))?.noteCount).toBe(1);
  });

  it('moves lastSeq over a page with nothing visible in it', async () => {
    const db = freshDb();
    expect(await applyEventBatch(db, [], { coveredUntil: 9 })).toBe(9);
    expect(await applyEventBatch(db, [], { coveredUntil: 3 })).toBe(9);
  });
});
