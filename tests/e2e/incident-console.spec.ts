import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { externalRequests, openSignedIn } from './fixtures';

const DUTY = { username: 'duty', password: 'duty123', workstation: '值班一席' };
const COMMANDER = { username: 'commander', password: 'commander123', workstation: '指挥席' };

async function submitAction(page: Page, action: string, fill?: (page: Page) => Promise<void>): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  if (fill) await fill(page);
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('action-form')).toBeHidden();
}

test('a duty officer takes a call end to end while the commander watches every step live', async ({
  browser,
}, info) => {
  test.setTimeout(300_000);
  const duty = await openSignedIn(browser, DUTY);
  const commander = await openSignedIn(browser, COMMANDER);
  const { page } = duty;
  const cpage = commander.page;
  const title = `演示：安陲乡某化工厂储罐泄漏 ${Date.now() % 100000}`;

  // 接报 at a demo location inside the county
  await page.getByTestId('report-open').click();
  await page.getByTestId('report-title').fill(title);
  await page.getByTestId('report-category').click();
  await page.getByTitle('火灾', { exact: true }).click();
  await page.getByTestId('report-lng').fill('109.3920');
  await page.getByTestId('report-lat').fill('25.2280');
  await page.getByTestId('report-injured').fill('1');
  await page.getByTestId('report-submit').click();
  const item = page.getByTestId('incident-item').filter({ hasText: title });
  await expect(item).toBeVisible();
  await expect(item).toHaveAttribute('data-grade', 'general');

  // both open the workspace
  await item.click();
  const citem = cpage.getByTestId('incident-item').filter({ hasText: title });
  await expect(citem).toBeVisible();
  await citem.click();
  const ws = page.getByTestId('incident-detail');
  const cws = cpage.getByTestId('incident-detail');
  await expect(ws.getByTestId('detail-title')).toHaveText(title);
  await expect(cws.getByTestId('detail-title')).toHaveText(title);
  await expect(cws.getByTestId('state-badge')).toHaveText('接报');
  await expect(ws.getByTestId('grade-badge').first()).toHaveText('一般');
  await expect(ws.getByTestId('suggested-level')).toContainText('Ⅳ');

  // the county deadline counts down, once a second
  const county = ws.locator('[data-testid="deadline"][data-kind="county_report"]');
  await expect(county).toBeVisible();
  const countdown = county.getByTestId('deadline-countdown');
  await expect(countdown).toHaveText(/^-?\d+:\d\d:\d\d$/);
  const first = await countdown.textContent();
  await expect.poll(() => countdown.textContent(), { timeout: 20_000 }).not.toBe(first);
  await expect(cws.locator('[data-testid="deadline"][data-kind="county_report"]')).toBeVisible();

  // only the valid steps are offered
  await expect(ws.getByTestId('action-verify')).toBeVisible();
  await expect(ws.getByTestId('action-activateResponse')).toHaveCount(0);
  await expect(ws.getByTestId('action-close')).toHaveCount(0);

  // 核实
  await ws.getByTestId('action-verify').click();
  await page.getByTestId('action-confirm').click();
  await expect(ws.getByTestId('state-badge')).toHaveText('已核实');
  await expect(cws.getByTestId('state-badge')).toHaveText('已核实');
  await expect(cws.locator('[data-testid="timeline-state"][data-state="verified"]')).toBeVisible();

  // 启动响应 Ⅳ级 (the suggested level is the default)
  await submitAction(page, 'activateResponse', async (p) => {
    await expect(p.getByTestId('action-level')).toContainText('Ⅳ级响应');
  });
  // activating opens the plans' proposed orders (issue 5); this call needs none, so the officer closes it
  await expect(page.getByTestId('order-set')).toBeVisible();
  await page.getByTestId('orders-dismiss').click();
  await expect(page.getByTestId('order-set')).toHaveCount(0);
  await expect(cws.getByTestId('state-badge')).toHaveText('响应中');
  await expect(cws.getByTestId('response-level')).toHaveText('Ⅳ级响应');
  await expect(ws.getByTestId('action-verify')).toHaveCount(0);
  await expect(ws.getByTestId('action-changeLevel')).toBeVisible();

  // a note
  const note = `现场已设警戒线 ${Date.now() % 100000}`;
  await ws.getByTestId('note-input').fill(note);
  await ws.getByTestId('note-submit').click();
  await expect(cws.getByTestId('note-item').filter({ hasText: note })).toBeVisible();
  await expect(cws.getByTestId('notes')).toContainText('值班一席');

  // casualties rise to 3 deaths: 较大 on both screens, and the feed colours it
  await submitAction(page, 'update', async (p) => {
    await p.getByTestId('casualty-deaths').fill('3');
  });
  await expect(ws.getByTestId('grade-badge').first()).toHaveText('较大');
  await expect(cws.getByTestId('grade-badge').first()).toHaveText('较大');
  await expect(cws).toHaveAttribute('data-grade', 'larger');
  await expect(citem).toHaveAttribute('data-grade', 'larger');
  await expect(cws.getByTestId('grade-history')).toBeVisible();
  await expect(cws.locator('[data-testid="deadline"][data-kind="upward_report"][data-level="province"]')).toBeVisible();
  await page.screenshot({ path: info.outputPath('duty-workspace-responding.png') });

  // 终止响应, with a reason
  await submitAction(page, 'terminate', async (p) => {
    await p.getByTestId('action-reason').fill('泄漏已封堵，现场处置完毕');
  });
  await expect(cws.getByTestId('state-badge')).toHaveText('响应终止');
  await expect(cws.getByTestId('notes')).toContainText('泄漏已封堵');

  // 结案: an empty summary is refused by the command's schema before anything is sent
  await page.getByTestId('action-close').click();
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('action-form').locator('.ant-form-item-explain-error')).toBeVisible();
  await page.getByTestId('action-summary').fill('事故调查完毕，结案。');
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('action-form')).toBeHidden();
  await expect(ws.getByTestId('state-badge')).toHaveText('已结案');
  await expect(cws.getByTestId('state-badge')).toHaveText('已结案');
  await expect(ws.getByTestId('action-terminate')).toHaveCount(0);
  await expect(ws.getByTestId('action-reportUpward')).toBeVisible();

  // the feed filters by state
  await cpage.getByTestId('feed-filter-state').click();
  await cpage.getByTitle('响应中', { exact: true }).click();
  await expect(citem).toHaveCount(0);

  await expect(page.getByTestId('outbox')).toHaveAttribute('data-count', '0');
  await page.screenshot({ path: info.outputPath('duty-workspace.png') });
  await cpage.screenshot({ path: info.outputPath('commander-workspace.png') });
  expect(externalRequests([...duty.requests, ...commander.requests])).toEqual([]);
  await duty.context.close();
  await commander.context.close();
});
