import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { liveQuery } from 'dexie';
import { ulid } from 'ulid';
import { generateDemoCounty } from '../../../src-hub/demo/generate';
import { applyEventBatch } from '../../../src-renderer/src/sync/replica-writer';
import { freshDb, notedEvent, reportedEvent } from './fake-hub';

const county = generateDemoCounty({ seed: 5, enterprises: 20 });

describe('replica revisions (a change counter per table, bumped with every write)', () => {
  it('counts the writes to each table, whoever makes them, and leaves other tables at 0', async () => {
    const db = freshDb();
    expect(await db.revisions(['enterprises', 'plans'])).toEqual({ enterprises: 0, plans: 0 });
    await db.enterprises.bulkPut(county.enterprises);
    const first = county.enterprises[0];
    if (!first) throw new Error('no enterprise');
    await db.enterprises.put({ ...first, name: `${first.name}（改）` });
    await db.enterprises.delete(first.id);
    expect(await db.revisions(['enterprises', 'plans', 'incidents'])).toEqual({
      enterprises: 3,
      plans: 0,
      incidents: 0,
    });
    // the app's own tables are not counted, and their writes are not widened to `meta`
    await db.outbox.add({ id: ulid(), type: 'incident.report', payload: {}, createdAt: '', attempts: 0 });
    expect(await db.meta.count()).toBe(1);
  });

  it("the sync engine's batches bump only the tables they change", async () => {
    const db = freshDb();
    const id = ulid();
    await applyEventBatch(db, [reportedEvent(1, id, '演示'), notedEvent(2, id, 'a')]);
    const revisions = await db.revisions(['incidents', 'incidentNotes', 'enterprises']);
    expect(revisions.incidents).toBeGreaterThan(0);
    expect(revisions.incidentNotes).toBeGreaterThan(0);
    expect(revisions.enterprises).toBe(0);
  });

  it('a write in a transaction that fails leaves the revision where it was', async () => {
    const db = freshDb();
    await db.enterprises.bulkPut(county.enterprises);
    await expect(
      db.transaction('rw', db.enterprises, async () => {
        await db.enterprises.clear();
        throw new Error('midway');
      }),
    ).rejects.toThrow('midway');
    expect(await db.enterprises.count()).toBe(county.enterprises.length);
    expect(await db.revisions(['enterprises'])).toEqual({ enterprises: 1 });
  });

  it('a live query on the revisions wakes when the table changes, not when another one does', async () => {
    const db = freshDb();
    const seen: Array<number> = [];
    const subscription = liveQuery(() => db.revisions(['plans'])).subscribe((r) => seen.push(r.plans));
    try {
      await expect.poll(() => seen).toEqual([0]);
      await db.enterprises.bulkPut(county.enterprises);
      await db.plans.bulkPut(county.plans);
      await expect.poll(() => seen.at(-1)).toBe(1);
      expect(seen).toEqual([0, 1]);
    } finally {
      subscription.unsubscribe();
    }
  });
});
