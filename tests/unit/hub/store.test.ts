import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../../src-hub/store/migrations/index';
import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewEvent } from '@common/protocol/events';
import { openSqliteStore } from '../../../src-hub/store/sqlite-store';
import { SYSTEM_ACTOR } from '../../../src-hub/system-users';

const dirs: Array<string> = [];
function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'wf-store-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const dept = (id: string, name = '测试部门'): NewEvent => ({
  type: 'entity.upserted',
  at: new Date().toISOString(),
  actor: SYSTEM_ACTOR,
  mode: 'real',
  commandId: ulid(),
  payload: { kind: 'departments', value: { id, name, nameEn: '', kind: 'telecom', dutyPhone: '' } },
});

describe('sqlite store', () => {
  it('gives gap-free seqs, projects in the same transaction, and reopens where it stopped', () => {
    const d = dir();
    const store = openSqliteStore(d);
    const out = store.batch((tx) => tx.append([dept('a'), dept('b')]));
    expect(out.map((e) => e.seq)).toEqual([1, 2]);
    expect(store.getRow('departments', 'b')?.id).toBe('b');
    store.close();
    const again = openSqliteStore(d);
    expect(again.headSeq()).toBe(2);
    expect(again.batch((tx) => tx.append([dept('c')]))[0]?.seq).toBe(3);
    expect(again.verify()).toEqual({ ok: true, count: 3, headSeq: 3 });
    again.close();
  });

  it('undoes a failed attempt without touching the rest of the batch', () => {
    const store = openSqliteStore(dir());
    store.batch((tx) => {
      tx.append([dept('a')]);
      expect(() =>
        tx.attempt(() => {
          tx.append([dept('b')]);
          throw new Error('boom');
        }),
      ).toThrow('boom');
      tx.append([dept('c')]);
    });
    expect(store.getRow('departments', 'b')).toBeUndefined();
    expect(store.readEvents(0, 10).map((e) => [e.seq, e.type === 'entity.upserted' && e.payload.value.id])).toEqual([
      [1, 'a'],
      [2, 'c'],
    ]);
    expect(store.verify()).toMatchObject({ ok: true, count: 2 });
    store.close();
  });

  it('rolls a whole failed batch back, and the next batch continues the chain', () => {
    const store = openSqliteStore(dir());
    expect(() =>
      store.batch((tx) => {
        tx.append([dept('a')]);
        throw new Error('disk full');
      }),
    ).toThrow();
    expect(store.headSeq()).toBe(0);
    store.batch((tx) => tx.append([dept('z')]));
    expect(store.headSeq()).toBe(1);
    expect(store.verify()).toMatchObject({ ok: true });
    store.close();
  });

  it('the log refuses UPDATE and DELETE; verify names an altered or missing row', () => {
    const d = dir();
    const store = openSqliteStore(d);
    store.batch((tx) => tx.append([dept('a'), dept('b'), dept('c'), dept('d')]));
    store.close();
    const db = new Database(join(d, 'watchfloor.db'));
    expect(() => db.prepare("UPDATE events SET type = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events WHERE seq = 1').run()).toThrow(/append-only/);
    db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete');
    db.prepare("UPDATE events SET at = replace(at, '20', '21') WHERE seq = 3").run();
    db.close();
    const s2 = openSqliteStore(d);
    expect(s2.verify()).toMatchObject({ ok: false, seq: 3, reason: 'altered' });
    s2.close();
    const db2 = new Database(join(d, 'watchfloor.db'));
    db2.prepare('DELETE FROM events WHERE seq >= 3').run();
    db2.close();
    const s3 = openSqliteStore(d);
    // the tail is gone, but chain_head remembers it was committed
    expect(s3.verify()).toMatchObject({ ok: false, seq: 3, reason: 'missing' });
    s3.close();
  });

  it('records migrations once', () => {
    const d = dir();
    openSqliteStore(d).close();
    openSqliteStore(d).close();
    const db = new Database(join(d, 'watchfloor.db'));
    expect(db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all()).toEqual(
      MIGRATIONS.map((m) => ({ id: m.id, name: m.name })),
    );
    expect(MIGRATIONS.map((m) => m.id)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});
