import { expect, test } from '@playwright/test';
import { externalRequests, openSignedIn } from './fixtures';
import { jumpTo, replicaRows } from './map-fixtures';
import { expectMapNear } from './panels-fixtures';

test('the wall screen account is read-only', async ({ browser }) => {
  const wall = await openSignedIn(browser, { username: 'wall', password: 'wall123', workstation: '大屏' });
  const { page } = wall;
  await expect(page.getByTestId('incident-item').first()).toBeVisible();
  await expect(page.getByTestId('report-open')).toHaveCount(0);
  const item = page.getByTestId('incident-item').first();
  const id = await item.getAttribute('data-incident-id');
  // the map flies to it and shows it beside the incident's workspace, not under it — also on a
  // slow PC, where the workspace comes up only after the flight has begun (CPU slowed 6×)
  const cdp = await wall.context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await item.click();
  await expect(page.getByTestId('incident-detail')).toBeVisible();
  const incident = (await replicaRows(page, 'incidents')).find((i) => i.id === id);
  if (!incident) throw new Error(`no incident ${id} in the replica`);
  await expectMapNear(page, incident.location);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect(page.getByTestId('note-input')).toHaveCount(0);
  expect(externalRequests(wall.requests)).toEqual([]);
  await wall.context.close();
});

test('drills are marked as drills in the feed and on the map', async ({ browser }) => {
  const duty = await openSignedIn(browser, { username: 'duty', password: 'duty123', workstation: 'ws' });
  const drill = duty.page.locator('[data-testid="incident-item"][data-mode="drill"]').first();
  await expect(drill).toBeVisible();
  await expect(drill.getByTestId('drill-badge')).toHaveText('演练');
  // up close to a drill: at county zoom a drill's label may give way to a real incident's nearby
  const drillRow = (await replicaRows(duty.page, 'incidents')).find((i) => i.mode === 'drill');
  if (!drillRow) throw new Error('no drill in the replica');
  await jumpTo(duty.page, [drillRow.location.lng, drillRow.location.lat], 14);
  const drillLabels = () =>
    duty.page.evaluate(() =>
      (window.__watchfloorMap?.queryRenderedFeatures({ layers: ['incidents-label'] }) ?? [])
        .filter((f) => f.properties['mode'] === 'drill')
        .map((f) => String(f.properties['label'])),
    );
  // NOTE: text is placed after its glyphs are drawn locally (TinySDF), a beat after the map is idle
  await expect.poll(async () => (await drillLabels()).length).toBeGreaterThan(0);
  const labels = await drillLabels();
  for (const label of labels) expect(label).toContain('演练');
  // in English the map's drill labels carry the English badge (the map is relabelled, not rebuilt)
  await duty.page.getByTestId('language-switch').click();
  await expect
    .poll(async () => {
      const english = await drillLabels();
      return english.length > 0 && english.every((l) => l.includes('【DRILL】'));
    })
    .toBe(true);
  await duty.context.close();
});

test('the language switches to English and back, and the demo data says it is fictional', async ({ browser }) => {
  const duty = await openSignedIn(browser, { username: 'duty', password: 'duty123', workstation: 'ws' });
  const { page } = duty;
  await expect(page.getByTestId('fictional-notice')).toHaveText('演示数据，纯属虚构');
  await expect(page.getByTestId('app-name')).toHaveText('融安县应急指挥一张图');
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('app-name')).toHaveText("Rong'an County Emergency Command Map");
  await expect(page.getByTestId('connection-status')).toContainText('Online');
  // switching language keeps the session's sync engine (and what it knows) running
  await expect(page.getByTestId('last-event')).toContainText('Last event');
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('app-name')).toHaveText('融安县应急指挥一张图');
  await duty.context.close();
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('fictional-notice')).toBeVisible();
  await page.getByTestId('login-username').fill('duty');
  await page.getByTestId('login-password').fill('wrong-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
});
