// Linkage bench (issue #5): 30 departments, each with a connected liaison (in a child process);
// one incident; 200 orders sent in one `linkage.send` by the duty officer.
//   BENCH linkage_fanout_p99_ms     send → `linkage.sent` on the liaison's socket (per order)
//   BENCH linkage_board_settle_ms   last sign command → the officer's replica shows all signed
// Target: fanout p99 ≤ 100 ms. ROUNDS sets of 200 (after a warm-up set) on the same incident;
// the fan-out figure is over every order of every round, the settle figure the median round.
// The hub runs as a child process (the CLI, demo county), the liaisons in another, the officer
// (sender and board replica) here.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { ulid } from 'ulid';
import { projectEvent } from '@common/projection/project';
import type { CommandAck } from '@common/protocol/ack';
import type { HubEvent } from '@common/protocol/events';
import { HTTP_PATHS, SOCKET_NAMESPACE } from '@common/protocol/login';
import type { LoginResponse } from '@common/protocol/login';
import type { SnapshotAck } from '@common/protocol/sync';
import type { LinkageAction } from '@common/schemas/linkage-action';
import { hashPassword } from '../../src-hub/auth/passwords';
import { openSqliteStore } from '../../src-hub/store/sqlite-store';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

const DEPARTMENTS = 30;
const ORDERS = 200;
const ROUNDS = 3;
const TARGET_FANOUT_P99_MS = 100;
const LIAISON_PASSWORD = 'bench-liaison-1';

const now = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function waitMessage<T>(child: ChildProcess, type: string, timeoutMs = 120_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${type}`)), timeoutMs);
    const onMessage = (m: { type?: string }): void => {
      if (m.type === type) {
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(m as T);
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before ${type}`)));
  });
}

function tsxChild(script: string, args: Array<string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
}

function percentile(sorted: Array<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

async function login(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}${HTTP_PATHS.login}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, workstation: 'bench' }),
  });
  if (!res.ok) throw new Error(`login ${username} failed: ${res.status}`);
  return ((await res.json()) as LoginResponse).token;
}

function connect(url: string, token: string): Promise<Socket> {
  const s = io(`${url}${SOCKET_NAMESPACE}`, {
    auth: { token, workstation: 'bench-officer' },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

async function must(socket: Socket, type: string, payload: unknown): Promise<void> {
  const a = (await socket.timeout(60_000).emitWithAck('command', { id: ulid(), type, payload })) as CommandAck;
  if (!a.ok) throw new Error(`${type} refused: ${a.error.code} ${a.error.message}`);
}

/** The liaison accounts, written into the store before the hub opens it (as an admin tool would). */
async function seedLiaisons(dataDir: string, departmentIds: Array<string>): Promise<void> {
  const store = openSqliteStore(dataDir);
  try {
    const password = await hashPassword(LIAISON_PASSWORD, { N: 1024, r: 8, p: 1, keylen: 32 });
    for (const d of departmentIds) {
      store.putUser({
        id: `u-bench-${d}`,
        username: `bench-${d}`,
        displayName: `${d} 联络员`,
        role: 'liaison',
        departmentId: d,
        password,
        disabled: false,
      });
    }
  } finally {
    store.close();
  }
}

/** The hub's own time in `linkage.send` (validation, handler, commit), summed over its sends, ms. */
async function hubSendMs(url: string): Promise<{ sum: number; count: number }> {
  const text = await (await fetch(`${url}${HTTP_PATHS.metrics}`)).text();
  const pick = (suffix: string): number => {
    const m = new RegExp(`^watchfloor_command_duration_seconds_${suffix}\\{type="linkage.send"\\} (\\S+)$`, 'm').exec(
      text,
    );
    return m?.[1] ? Number(m[1]) : 0;
  };
  return { sum: pick('sum') * 1000, count: pick('count') };
}

/** The officer's replica of the board: snapshot rows, then live events through projectEvent. */
function officerBoard(initial: Array<LinkageAction>) {
  const rows = new Map(initial.map((o) => [o.id, o]));
  let watch: { ids: Set<string>; resolve: (at: number) => void } | undefined;
  let signedOfWatch = 0;
  return {
    apply(e: HubEvent): void {
      const changes = projectEvent(e, (table, id) =>
        table === 'linkageActions' ? (rows.get(id) as never) : undefined,
      );
      for (const c of changes) {
        if (c.table !== 'linkageActions' || c.value === null) continue;
        const before = rows.get(c.id);
        const value = c.value as LinkageAction;
        rows.set(c.id, value);
        if (watch?.ids.has(c.id) && before?.state !== 'signed' && value.state === 'signed') {
          signedOfWatch += 1;
          if (signedOfWatch === watch.ids.size) watch.resolve(now());
        }
      }
    },
    /** Resolves with the time the last of `ids` shows signed. */
    allSigned(ids: Set<string>): Promise<number> {
      signedOfWatch = [...ids].filter((id) => rows.get(id)?.state === 'signed').length;
      return new Promise((resolve) => {
        watch = { ids, resolve };
        if (signedOfWatch === ids.size) resolve(now());
      });
    },
  };
}

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wf-bench-linkage-'));
  const hub = tsxChild(join(root, 'src-hub', 'cli.ts'), [
    'serve',
    '--port',
    '0',
    '--data',
    dataDir,
    '--demo',
    '--log-level',
    'warn',
    '--rate-limit',
    '10000000/10',
  ]);
  let liaisonProc: ChildProcess | undefined;
  const sockets: Array<Socket> = [];
  try {
    const { url } = await waitMessage<{ url: string }>(hub, 'ready');
    // Departments: the demo county's, the command center excepted, and extra ones up to 30.
    const officer = await connect(url, await login(url, 'duty', 'duty123'));
    sockets.push(officer);
    const snap = (await officer.timeout(60_000).emitWithAck('snapshot', {})) as SnapshotAck;
    if (!snap.ok) throw new Error('snapshot failed');
    const departments = snap.tables.departments.map((d) => d.id).filter((id) => id !== 'command-center');
    const admin = await connect(url, await login(url, 'admin', 'admin123'));
    sockets.push(admin);
    for (let n = 1; departments.length < DEPARTMENTS; n++) {
      const id = `bench-dept-${n}`;
      await must(admin, 'entity.upsert', {
        kind: 'departments',
        value: { id, name: `压测单位 ${n}`, nameEn: id, kind: 'enterprise' },
      });
      departments.push(id);
    }
    departments.length = DEPARTMENTS;

    // Liaison accounts go straight into the store: users are plain rows the hub reads at login,
    // and SQLite (WAL, busy timeout) lets this process write them while the hub runs.
    await seedLiaisons(dataDir, departments);
    const liaisons = await Promise.all(
      departments.map(async (d) => ({ departmentId: d, token: await login(url, `bench-${d}`, LIAISON_PASSWORD) })),
    );
    liaisonProc = tsxChild(join(here, 'bench-liaisons.ts'), [JSON.stringify({ url, liaisons })]);
    await waitMessage(liaisonProc, 'ready');

    const board = officerBoard(snap.tables.linkageActions);
    officer.on('event', (e: HubEvent) => board.apply(e));
    const incidentId = ulid();
    await must(officer, 'incident.report', {
      incidentId,
      report: {
        title: '压测：联动指令分发',
        category: 'poisoning_asphyxia',
        occurredAt: new Date().toISOString(),
        location: { lng: 109.41, lat: 25.22 },
      },
    });

    const fanout: Array<number> = [];
    const acks: Array<number> = [];
    let hubBefore = { sum: 0, count: 0 };
    const settles: Array<number> = [];
    for (let round = 0; round <= ROUNDS; round++) {
      const measured = round > 0;
      const orders = Array.from({ length: ORDERS }, (_, i) => ({
        orderId: ulid(),
        departmentId: departments[i % departments.length] ?? 'health',
        task: `压测指令 ${round}-${i}：按预案开展处置`,
        signMinutes: 15,
      }));
      const ids = new Set(orders.map((o) => o.orderId));
      if (round === 1) hubBefore = await hubSendMs(url);
      const sentAt = now();
      await must(officer, 'linkage.send', { incidentId, orders });
      if (measured) acks.push(now() - sentAt);
      // Every order has reached its liaison when the liaison process reports all of them.
      let received: Array<[string, string, number]> = [];
      for (let waited = 0; ; waited += 50) {
        const report = waitMessage<{ received: Array<[string, string, number]> }>(liaisonProc, 'received');
        liaisonProc.send({ type: 'report' });
        received = (await report).received.filter(([id]) => ids.has(id));
        if (received.length === ORDERS) break;
        if (waited > 30_000) throw new Error(`only ${received.length} of ${ORDERS} orders reached their liaisons`);
        await sleep(50);
      }
      if (measured) for (const [, , at] of received) fanout.push(at - sentAt);

      const done = board.allSigned(ids);
      const signed = waitMessage<{ lastSignAt: number; count: number; refused: number }>(liaisonProc, 'signed');
      liaisonProc.send({ type: 'sign' });
      const { lastSignAt, count, refused } = await signed;
      if (count !== ORDERS || refused > 0) throw new Error(`signing: ${count} sent, ${refused} refused`);
      const boardAt = await done;
      if (measured) settles.push(boardAt - lastSignAt);
      await sleep(200);
    }

    const hubAfter = await hubSendMs(url);
    const hubPerSend = (hubAfter.sum - hubBefore.sum) / Math.max(1, hubAfter.count - hubBefore.count);
    fanout.sort((a, b) => a - b);
    settles.sort((a, b) => a - b);
    const f = (v: number): string => v.toFixed(2);
    const p99 = percentile(fanout, 99);
    console.log(`BENCH linkage_fanout_p99_ms ${f(p99)} ms`);
    console.log(`BENCH linkage_board_settle_ms ${f(percentile(settles, 50))} ms`);
    console.log(
      `# ${DEPARTMENTS} departments, ${ORDERS} orders per send, ${ROUNDS} measured rounds: fan-out p50 ` +
        `${f(percentile(fanout, 50))} ms, max ${f(fanout.at(-1) ?? Number.NaN)} ms; settle per round ` +
        `${settles.map(f).join(', ')} ms`,
    );
    console.log(
      `# officer's ack per send ${acks.map(f).join(', ')} ms; inside the hub (validate, handle, commit) ` +
        `${f(hubPerSend)} ms per send; load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} on ${cpus().length} CPUs`,
    );
    console.log(`# target fanout p99 ≤ ${TARGET_FANOUT_P99_MS} ms: ${p99 <= TARGET_FANOUT_P99_MS ? 'met' : 'MISSED'}`);
  } finally {
    for (const s of sockets) s.close();
    if (liaisonProc?.connected) liaisonProc.disconnect();
    hub.kill('SIGTERM');
    await new Promise((r) => hub.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
