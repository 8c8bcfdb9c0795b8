import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { EventOf } from '@common/protocol/events';
import { externalRequests, hubLog, openSignedIn, renderedIncidentTitles } from './fixtures';

const DUTY = { username: 'duty', password: 'duty123', workstation: '值班一席' };
const COMMANDER = { username: 'commander', password: 'commander123', workstation: '指挥席' };

test('a report taken on one workstation appears in another one’s feed and on its map', async ({ browser }, info) => {
  const duty = await openSignedIn(browser, DUTY);
  const commander = await openSignedIn(browser, COMMANDER);
  const title = `演示：长安镇某板材厂锅炉房火灾 ${Date.now() % 100000}`;

  // duty officer: 接报 with the location picked on the map
  const { page } = duty;
  await page.getByTestId('report-open').click();
  await page.getByTestId('report-title').fill(title);
  await page.getByTestId('report-category').click();
  await page.getByTitle('火灾', { exact: true }).click();
  await page.getByTestId('report-injured').fill('2');
  await page.getByTestId('report-pick').click();
  await expect(page.getByTestId('map')).toHaveAttribute('data-picking', 'true');
  await page.getByTestId('map').click({ position: { x: 520, y: 420 } });
  await expect(page.getByTestId('report-lng')).not.toHaveValue('');
  const lng = Number(await page.getByTestId('report-lng').inputValue());
  const lat = Number(await page.getByTestId('report-lat').inputValue());
  expect(lng).toBeGreaterThan(109.2);
  expect(lng).toBeLessThan(109.8);
  expect(lat).toBeGreaterThan(24.7);
  expect(lat).toBeLessThan(25.6);
  await page.getByTestId('report-submit').click();
  await expect(page.getByTestId('incident-item').filter({ hasText: title })).toBeVisible();
  await expect(page.getByTestId('outbox')).toHaveAttribute('data-count', '0');

  // commander, on another workstation: in the feed and rendered on the map
  const cpage = commander.page;
  const item = cpage.getByTestId('incident-item').filter({ hasText: title });
  await expect(item).toBeVisible();
  await expect(item).toContainText('火灾');
  await expect(item).toContainText('伤 2');
  await expect(item.getByTestId('state-badge')).toHaveText('接报');
  await expect.poll(() => renderedIncidentTitles(cpage)).toContain(title);

  // the feed opens the incident's detail, and the map flies to it
  await item.click();
  await expect(cpage.getByTestId('incident-detail')).toContainText(title);
  await cpage.waitForFunction(() => window.__watchfloorMap?.loaded() && !window.__watchfloorMap.isMoving());
  await expect.poll(() => renderedIncidentTitles(cpage)).toContain(title);

  mkdirSync('docs', { recursive: true });
  await cpage.screenshot({ path: 'docs/screenshot-main.png' });
  await cpage.screenshot({ path: info.outputPath('commander-main.png') });
  await page.screenshot({ path: info.outputPath('duty-main.png') });

  // the hub's log holds the report once, caused by the duty officer's workstation
  const reported = (await hubLog('commander', 'commander123')).filter(
    (e): e is EventOf<'incident.reported'> => e.type === 'incident.reported' && e.payload.report.title === title,
  );
  expect(reported).toHaveLength(1);
  expect(reported[0]?.actor.workstation).toBe('值班一席');

  expect(externalRequests([...duty.requests, ...commander.requests])).toEqual([]);
  await duty.context.close();
  await commander.context.close();
});

test('a note made offline waits in the outbox and reaches the hub exactly once', async ({ browser }, info) => {
  const duty = await openSignedIn(browser, DUTY);
  const { page, context } = duty;
  const note = `离线记录：现场已设警戒线 ${Date.now() % 100000}`;

  const first = page.getByTestId('incident-item').filter({ hasNotText: '演练' }).first();
  await first.click();
  const detail = page.getByTestId('incident-detail');
  await expect(detail).toBeVisible();
  const incidentId = await detail.getAttribute('data-incident-id');

  await context.setOffline(true);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
  await expect(page.getByTestId('connection-status')).toContainText('离线');

  await page.getByTestId('note-input').fill(note);
  await page.getByTestId('note-submit').click();
  await expect(page.getByTestId('outbox')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('outbox')).toContainText('待发送 1');
  await expect(detail.getByTestId('pending-note')).toContainText(note);
  await page.screenshot({ path: info.outputPath('offline-outbox.png') });

  await context.setOffline(false);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
  await expect(page.getByTestId('outbox')).toHaveAttribute('data-count', '0');
  await expect(detail.getByTestId('note-item').filter({ hasText: note })).toHaveCount(1);
  await expect(detail.getByTestId('pending-note')).toHaveCount(0);

  // exactly one note event in the hub's log
  const noted = (await hubLog('commander', 'commander123')).filter(
    (e): e is EventOf<'incident.noted'> => e.type === 'incident.noted' && e.payload.text === note,
  );
  expect(noted).toHaveLength(1);
  expect(noted[0]?.payload.incidentId).toBe(incidentId);

  // and a fresh workstation sees it once
  const commander = await openSignedIn(browser, COMMANDER);
  await commander.page.locator(`[data-testid="incident-item"][data-incident-id="${incidentId}"]`).click();
  await expect(commander.page.getByTestId('note-item').filter({ hasText: note })).toHaveCount(1);

  expect(externalRequests([...duty.requests, ...commander.requests])).toEqual([]);
  await context.close();
  await commander.context.close();
});
