import { expect } from '@playwright/test';
import type { Browser, BrowserContext, Page, Request } from '@playwright/test';
import { io } from 'socket.io-client';
import { ulid } from 'ulid';
import type { Socket } from 'socket.io-client';
import type { CommandAck } from '@common/protocol/ack';
import type { HubEvent } from '@common/protocol/events';
import type { ClientToServerEvents, ServerToClientEvents } from '@common/protocol/socket';
import type { SyncAck } from '@common/protocol/sync';

export const HUB = `http://127.0.0.1:${process.env.E2E_PORT ?? 4599}`;

/** Every request a context makes, to prove the app never leaves the machine. */
export function recordRequests(context: BrowserContext): Array<string> {
  const urls: Array<string> = [];
  context.on('request', (r: Request) => void urls.push(r.url()));
  return urls;
}

export function externalRequests(urls: ReadonlyArray<string>): Array<string> {
  return urls.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:')) return false;
    const host = new URL(u).hostname;
    return host !== '127.0.0.1' && host !== 'localhost';
  });
}

declare global {
  interface Window {
    /** native notifications raised by the page (recorded when signed in with `recordNotifications`) */
    __notifications?: Array<{ title: string; body: string }>;
  }
}

/**
 * Replaces the browser's Notification API with a recorder (permission granted), so a test can see
 * the notifications the page raises (the browser build's native notifications go through it).
 */
async function recordNotifications(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const shown: Array<{ title: string; body: string }> = [];
    window.__notifications = shown;
    class RecordingNotification {
      static permission = 'granted';
      static requestPermission(): Promise<string> {
        return Promise.resolve('granted');
      }
      constructor(title: string, options?: { body?: string }) {
        shown.push({ title, body: options?.body ?? '' });
      }
      close(): void {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification, configurable: true });
  });
}

export async function openSignedIn(
  browser: Browser,
  user: { username: string; password: string; workstation: string },
  options: { recordNotifications?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; requests: Array<string> }> {
  const context = await browser.newContext();
  const requests = recordRequests(context);
  if (options.recordNotifications) await recordNotifications(context);
  const page = await context.newPage();
  await page.goto('/?e2e=1');
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-workstation').fill(user.workstation);
  await page.getByTestId('login-submit').click();
  // NOTE: signing in loads the whole app and replays the demo log into a fresh replica: allow
  // for a loaded 2-core machine running software GL.
  await expect(page.getByTestId('main-screen')).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', { timeout: 45_000 });
  await waitForMapIdle(page);
  return { context, page, requests };
}

export async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const map = window.__watchfloorMap;
    return map !== undefined && map.loaded() && map.getSource('incidents') !== undefined;
  });
}

/** Titles of incident features the map has actually rendered. */
export async function renderedIncidentTitles(page: Page): Promise<Array<string>> {
  return page.evaluate(() => {
    const map = window.__watchfloorMap;
    if (!map) return [];
    return map.queryRenderedFeatures({ layers: ['incidents-circle'] }).map((f) => String(f.properties['title'] ?? ''));
  });
}

/** A socket to the hub's own API, signed in as `username` (as another client would be). */
async function connectHub(
  username: string,
  password: string,
): Promise<Socket<ServerToClientEvents, ClientToServerEvents>> {
  const login = await fetch(`${HUB}/api/v1/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, workstation: 'e2e-verifier' }),
  });
  const { token } = (await login.json()) as { token: string };
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${HUB}/v1`, {
    auth: { token },
    transports: ['websocket'],
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Reads the hub's whole log over its own socket API, as another client would. */
export async function hubLog(username: string, password: string): Promise<Array<HubEvent>> {
  const socket = await connectHub(username, password);
  try {
    const events: Array<HubEvent> = [];
    let sinceSeq = 0;
    for (;;) {
      const page = (await socket.timeout(10_000).emitWithAck('sync', { sinceSeq, limit: 1000 })) as SyncAck;
      if (!page.ok) throw new Error(page.error.message);
      events.push(...page.events);
      sinceSeq = page.events.at(-1)?.seq ?? sinceSeq;
      if (!page.more) return events;
    }
  } finally {
    socket.disconnect();
  }
}

/** Sends commands as `username` over the hub's socket API, in order; throws on the first refusal. */
export async function sendCommands(
  username: string,
  password: string,
  commands: ReadonlyArray<{ type: string; payload: unknown }>,
): Promise<void> {
  const socket = await connectHub(username, password);
  try {
    for (const { type, payload } of commands) {
      const ack = (await socket.timeout(20_000).emitWithAck('command', { id: ulid(), type, payload })) as CommandAck;
      if (!ack.ok) throw new Error(`${type}: ${ack.error.message}`);
    }
  } finally {
    socket.disconnect();
  }
}
