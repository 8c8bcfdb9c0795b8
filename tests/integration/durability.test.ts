import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { command, connect, login, reportPayload, send, syncAll, tempDir } from './helpers';

const CLI = join(process.cwd(), 'src-hub', 'cli.ts');

/** Starts `tsx src-hub/cli.ts serve` as a child and waits for its IPC `ready` message. */
function startCli(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, 'serve', '--port', '0', '--data', dataDir, '--demo', '--log-level', 'warn'],
    { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] },
  );
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start: ${stderr}`)), 30_000);
    child.on('message', (m: { type?: string; url?: string }) => {
      if (m.type === 'ready' && m.url) {
        clearTimeout(timer);
        resolve({ child, url: m.url });
      }
    });
    child.on('exit', (code) => reject(new Error(`hub exited with ${code}: ${stderr}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

function verifyCli(dataDir: string): { status: number | null; stdout: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'verify', '--data', dataDir], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout };
}

describe('durability and tamper evidence (hub as a child process)', () => {
  const dataDir = tempDir();
  const children: Array<ChildProcess> = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('every answered command survives SIGKILL right after the answers; verify passes after restart', async () => {
    const first = await startCli(dataDir);
    children.push(first.child);
    const { token } = await login(first.url, 'duty', 'duty123');
    const socket = await connect(first.url, token);
    const incident = reportPayload();
    const reported = await send(socket, command('incident.report', incident));
    expect(reported.ok).toBe(true);
    const N = 300;
    const noteIds = Array.from({ length: N }, () => ulid());
    const acks = await Promise.all(
      noteIds.map((noteId, i) =>
        send(socket, command('incident.note', { incidentId: incident.incidentId, noteId, text: `记录 ${i}` })),
      ),
    );
    // kill -9 the moment the last answer is in: nothing may be lost
    first.child.kill('SIGKILL');
    socket.close();
    expect(acks.every((a) => a.ok)).toBe(true);
    expect(await exited(first.child)).toBe(null);
    const lastSeq = Math.max(...acks.map((a) => (a.ok ? a.seq : 0)));

    const second = await startCli(dataDir);
    children.push(second.child);
    const { token: t2 } = await login(second.url, 'commander', 'commander123');
    const s2 = await connect(second.url, t2);
    const events = await syncAll(s2, 0);
    s2.close();
    const stored = new Set(events.flatMap((e) => (e.type === 'incident.noted' ? [e.payload.noteId] : [])));
    expect(noteIds.filter((id) => !stored.has(id))).toEqual([]);
    expect(events.at(-1)?.seq).toBe(lastSeq);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));

    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
    const ok = verifyCli(dataDir);
    expect(ok.stdout).toMatch(new RegExp(`^OK ${lastSeq} events`));
    expect(ok.status).toBe(0);
  });

  it('one altered byte in one stored event: verify names that seq and exits 1', () => {
    const db = new Database(join(dataDir, 'watchfloor.db'));
    const target = db
      .prepare<[], { seq: number }>(
        "SELECT seq FROM events WHERE type = 'incident.noted' ORDER BY seq LIMIT 1 OFFSET 41",
      )
      .get();
    expect(target).toBeDefined();
    const seq = target?.seq ?? 0;
    // a tamperer would drop the append-only trigger first
    db.exec('DROP TRIGGER events_no_update');
    const row = db.prepare<[number], { payload: string }>('SELECT payload FROM events WHERE seq = ?').get(seq);
    const payload = row?.payload ?? '';
    const i = payload.indexOf('记录 ') + 3;
    const altered = payload.slice(0, i) + (payload.charAt(i) === '9' ? '8' : '9') + payload.slice(i + 1);
    expect(altered).not.toBe(payload);
    db.prepare('UPDATE events SET payload = ? WHERE seq = ?').run(altered, seq);
    db.close();
    const bad = verifyCli(dataDir);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(new RegExp(`FAIL seq ${seq}: altered`));
  });

  it('a missing row is named by its seq', () => {
    const db = new Database(join(dataDir, 'watchfloor.db'));
    db.exec('DROP TRIGGER events_no_delete');
    db.prepare('DELETE FROM events WHERE seq = 7').run();
    db.close();
    const bad = verifyCli(dataDir);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/FAIL seq 7: missing/);
  });

  it('refuses to start without an admin password unless --demo (exit 2)', () => {
    const dir = tempDir();
    try {
      const env = { ...process.env };
      delete env.WATCHFLOOR_ADMIN_PASSWORD;
      const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'serve', '--port', '0', '--data', dir], {
        encoding: 'utf8',
        env,
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/WATCHFLOOR_ADMIN_PASSWORD/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an embedded hub shuts down cleanly when its parent process goes away (IPC channel closed)', async () => {
    const dir = tempDir();
    try {
      const hub = await startCli(dir);
      children.push(hub.child);
      hub.child.disconnect();
      expect(await exited(hub.child)).toBe(0);
      expect(verifyCli(dir).status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
