import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { ulid } from 'ulid';
import type { CommandAck } from '@common/protocol/ack';
import type { CommandPayloadInput, CommandType } from '@common/protocol/commands';
import type { HubEvent } from '@common/protocol/events';
import { HTTP_PATHS, SOCKET_NAMESPACE } from '@common/protocol/login';
import type { LoginResponse } from '@common/protocol/login';
import type { ClientToServerEvents, ServerToClientEvents } from '@common/protocol/socket';
import type { SnapshotAck, SyncAck } from '@common/protocol/sync';
import { createHub } from '../../src-hub/index';
import type { Hub, HubClock, HubConfigInput } from '../../src-hub/index';

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

export type TestHub = Hub & { dataDir: string; dispose(): Promise<void> };

export function tempDir(prefix = 'wf-hub-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real hub on port 0 in a fresh temp folder, demo accounts and county seeded, logs silent. */
export async function startHub(
  overrides: Partial<HubConfigInput> = {},
  options: { clock?: HubClock } = {},
): Promise<TestHub> {
  const dataDir = overrides.dataDir ?? tempDir();
  const hub = await createHub({ port: 0, dataDir, demo: true, logLevel: 'silent', ...overrides }, options);
  return Object.assign(hub, {
    dataDir,
    async dispose() {
      await hub.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed };
}

export async function login(
  hubUrl: string,
  username: string,
  password: string,
  workstation = 'test-ws',
): Promise<LoginResponse> {
  const res = await postJson(`${hubUrl}${HTTP_PATHS.login}`, { username, password, workstation });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as LoginResponse;
}

/** Connects to /v1 with a token; rejects with the connect_error message (e.g. 'unauthorized'). */
export function connect(hubUrl: string, token: string | undefined, workstation?: string): Promise<Client> {
  const socket: Client = io(`${hubUrl}${SOCKET_NAMESPACE}`, {
    auth: token === undefined ? {} : { token, ...(workstation ? { workstation } : {}) },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** Logs in and connects. */
export async function loginAndConnect(hub: { url: string }, username: string, password: string): Promise<Client> {
  const { token } = await login(hub.url, username, password);
  return connect(hub.url, token);
}

export function send(socket: Client, command: unknown, timeoutMs = 20_000): Promise<CommandAck> {
  return socket.timeout(timeoutMs).emitWithAck('command', command) as Promise<CommandAck>;
}

export function command<T extends CommandType>(type: T, payload: CommandPayloadInput<T>, id = ulid()) {
  return { id, type, payload };
}

export function sync(socket: Client, sinceSeq: number, limit?: number): Promise<SyncAck> {
  return socket
    .timeout(20_000)
    .emitWithAck('sync', limit === undefined ? { sinceSeq } : { sinceSeq, limit }) as Promise<SyncAck>;
}

export function snapshot(socket: Client): Promise<SnapshotAck> {
  return socket.timeout(20_000).emitWithAck('snapshot', {}) as Promise<SnapshotAck>;
}

/** Pages through `sync` until `more` is false. */
export async function syncAll(socket: Client, sinceSeq: number, limit = 500): Promise<Array<HubEvent>> {
  const out: Array<HubEvent> = [];
  let since = sinceSeq;
  for (;;) {
    const page = await sync(socket, since, limit);
    if (!page.ok) throw new Error(`sync failed: ${page.error.code} ${page.error.message}`);
    out.push(...page.events);
    const last = page.events[page.events.length - 1];
    if (!page.more || !last) return out;
    since = last.seq;
  }
}

/** Records every `event` a socket receives; `waitFor(n)` resolves once n have arrived. */
export function recordEvents(socket: Client) {
  const events: Array<HubEvent> = [];
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  socket.on('event', (e) => {
    events.push(e);
    for (const w of [...waiters]) {
      if (events.length >= w.n) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  return {
    events,
    waitFor(n: number, timeoutMs = 15_000): Promise<Array<HubEvent>> {
      if (events.length >= n) return Promise.resolve(events);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`waited for ${n} events, got ${events.length}`)), timeoutMs);
        waiters.push({
          n,
          resolve: () => {
            clearTimeout(timer);
            resolve(events);
          },
        });
      });
    },
  };
}

export function reportPayload(
  overrides: Partial<CommandPayloadInput<'incident.report'>['report']> = {},
  incidentId = ulid(),
): CommandPayloadInput<'incident.report'> {
  return {
    incidentId,
    report: {
      title: '测试：长安镇某厂房火灾',
      category: 'fire',
      source: 'phone',
      occurredAt: new Date().toISOString(),
      location: { lng: 109.41, lat: 25.22 },
      townshipCode: '450224100',
      ...overrides,
    },
  };
}

export async function healthz(hubUrl: string): Promise<{ ok: boolean; seq: number; uptime: number }> {
  const res = await fetch(`${hubUrl}${HTTP_PATHS.healthz}`);
  return (await res.json()) as { ok: boolean; seq: number; uptime: number };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
