import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@common/protocol/socket';
import type { SnapshotAck } from '@common/protocol/sync';
import type { ReplicaRows } from '@common/projection/tables';
import { HUB } from './fixtures';

export const DUTY = { username: 'duty', password: 'duty123', workstation: '值班一席' };

/** The hub's current state, as another client would read it (expectations come from data). */
export async function hubSnapshot(username = DUTY.username, password = DUTY.password): Promise<ReplicaRows> {
  const login = await fetch(`${HUB}/api/v1/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, workstation: 'e2e-panels' }),
  });
  const { token } = (await login.json()) as { token: string };
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${HUB}/v1`, {
    auth: { token },
    transports: ['websocket'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const answer = (await socket.timeout(30_000).emitWithAck('snapshot', {})) as SnapshotAck;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.tables;
  } finally {
    socket.disconnect();
  }
}

/** Row count of one replica table in the page's IndexedDB (raw API: the page has no Dexie global). */
export async function replicaCount(page: Page, table: string): Promise<number> {
  return page.evaluate(async (name) => {
    const dbs = await indexedDB.databases();
    const info = dbs.find((d) => d.name?.startsWith('watchfloor:'));
    if (!info?.name) return -1;
    const dbName = info.name;
    return new Promise<number>((resolve) => {
      const open = indexedDB.open(dbName);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains(name)) {
          db.close();
          resolve(-1);
          return;
        }
        const req = db.transaction(name, 'readonly').objectStore(name).count();
        req.onsuccess = () => {
          resolve(req.result);
          db.close();
        };
        req.onerror = () => resolve(-1);
      };
      open.onerror = () => resolve(-1);
    });
  }, table);
}

/** Waits until the replica holds every base row the hub has (the first sync is paged). */
export async function waitForReplica(page: Page, snapshot: ReplicaRows): Promise<void> {
  for (const table of ['enterprises', 'hazardSources', 'rescueTeams', 'plans'] as const) {
    const expected = snapshot[table].length;
    await expect.poll(() => replicaCount(page, table), { timeout: 60_000 }).toBeGreaterThanOrEqual(expected);
  }
}

/**
 * The map has flown to a point and shows it where the officer can see it: the map at rest, the
 * point inside the map (not at its edge), under none of the panels drawn over it, and near the
 * middle of the part they leave clear.
 */
export async function expectMapNear(page: Page, at: { lng: number; lat: number }): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate((p) => {
          const map = window.__watchfloorMap;
          if (!map || map.isMoving()) return 'moving';
          const canvas = map.getCanvas().getBoundingClientRect();
          const pt = map.project([p.lng, p.lat]);
          const x = canvas.left + pt.x;
          const y = canvas.top + pt.y;
          if (x < canvas.left + 30 || x > canvas.right - 30 || y < canvas.top + 30 || y > canvas.bottom - 30)
            return `outside the map at ${Math.round(x)},${Math.round(y)}`;
          let left = canvas.left;
          let right = canvas.right;
          for (const el of Array.from(document.querySelectorAll('.detail-overlay > *, .map-side > *'))) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) continue;
            if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return `under ${el.className}`;
            if (r.left + r.width / 2 < canvas.left + canvas.width / 2) left = Math.max(left, r.right);
            else right = Math.min(right, r.left);
          }
          return Math.abs(x - (left + right) / 2) < 40
            ? 'shown'
            : `off the clear part's middle by ${Math.round(x - (left + right) / 2)} px`;
        }, at),
      { timeout: 20_000 },
    )
    .toBe('shown');
}

/** Types into the search box (focused with the `/` shortcut, as a duty officer would). */
export async function search(page: Page, text: string): Promise<void> {
  await page.locator('body').press('/');
  const input = page.getByTestId('search-input');
  await expect(input).toBeFocused();
  await input.fill(text);
  await expect(page.getByTestId('search-results')).toBeVisible();
}

/** Numbers in the `data-km` attributes of a list, in page order. */
export async function kmList(page: Page, testId: string): Promise<Array<number>> {
  return page.getByTestId(testId).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-km'))));
}
