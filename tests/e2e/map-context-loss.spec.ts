import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openSignedIn, sendCommands } from './fixtures';
import {
  MAP_LAYERS,
  rendered,
  replicaCounts,
  replicaRows,
  total,
  waitForLayersReady,
  waitForMapSettled,
} from './map-fixtures';

// NOTE: software GL in CI draws slowly, and the map is drawn twice here
test.describe.configure({ timeout: 240_000 });

/** Every operational layer's drawn total (points + cluster members). */
async function drawn(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [layer, ids] of Object.entries(MAP_LAYERS)) out[layer] = total(await rendered(page, ids));
  return out;
}

/** Loses the map's WebGL context as a GPU reset or a sleeping PC would, and gives it back. */
async function loseAndRestoreContext(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const map = window.__watchfloorMap;
    const canvas = map?.getCanvas();
    const gl = canvas?.getContext('webgl2');
    const ext = gl?.getExtension('WEBGL_lose_context');
    if (!map || !canvas || !ext) throw new Error('no map, no WebGL2 or no WEBGL_lose_context');
    const lost = new Promise((r) => map.once('webglcontextlost', r));
    ext.loseContext();
    await lost;
    // NOTE: a restore is refused while the lost event is still being dispatched: one task later
    await new Promise((r) => setTimeout(r, 0));
    const restored = new Promise((r) => map.once('webglcontextrestored', r));
    ext.restoreContext();
    await restored;
  });
}

test('the map comes back whole after the WebGL context is lost (a wall screen runs for weeks)', async ({ browser }) => {
  const wall = await openSignedIn(browser, { username: 'wall', password: 'wall123', workstation: '大屏' });
  const { page } = wall;
  await waitForLayersReady(page);
  // the whole county is in view: every row of the replica is drawn, alone or in a cluster
  const everything = await replicaCounts(page);
  for (const [layer, n] of Object.entries(everything)) expect(n, layer).toBeGreaterThan(0);
  await expect.poll(() => drawn(page)).toEqual(everything);

  await loseAndRestoreContext(page);
  await waitForMapSettled(page);
  // every layer is drawn again, with every feature
  await expect.poll(() => drawn(page), { timeout: 30_000 }).toEqual(everything);

  // and live updates still reach the map: a team reports a new position
  const team = (await replicaRows(page, 'rescueTeams'))[0];
  if (!team) throw new Error('no team in the demo county');
  const to = { lng: team.location.lng + 0.004, lat: team.location.lat - 0.003 };
  await sendCommands('duty', 'duty123', [{ type: 'team.position', payload: { teamId: team.id, location: to } }]);
  // NOTE: the source's features come back from tiles: positions to the tile grid, ~2 m here
  const teamAt = () =>
    page.evaluate((id) => {
      const f = window.__watchfloorMap?.querySourceFeatures('rescue-teams').find((x) => x.properties['id'] === id);
      return f?.geometry.type === 'Point' ? f.geometry.coordinates : null;
    }, team.id);
  await expect
    .poll(async () => {
      const at = await teamAt();
      return at !== null && Math.abs((at[0] ?? 0) - to.lng) < 1e-4 && Math.abs((at[1] ?? 0) - to.lat) < 1e-4;
    })
    .toBe(true);
  await wall.context.close();
});
