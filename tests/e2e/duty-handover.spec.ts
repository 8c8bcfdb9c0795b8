import { expect, test } from '@playwright/test';
import type { EventOf } from '@common/protocol/events';
import { hubLog, openSignedIn } from './fixtures';

const DUTY = { username: 'duty', password: 'duty123', workstation: '值班一席' };
const COMMANDER = { username: 'commander', password: 'commander123', workstation: '指挥席' };

// NOTE: two workstations sign in (each replays the demo log): allow a loaded 2-core machine the time.
test.setTimeout(150_000);

test('shift handover: duty writes the log and hands over, the commander sees the banner and acknowledges, both see it in the log', async ({
  browser,
}) => {
  const [duty, commander] = await Promise.all([openSignedIn(browser, DUTY), openSignedIn(browser, COMMANDER)]);
  const stamp = Date.now() % 100000;
  const entry = `接长安镇电话，板材厂冒烟，已派员核实 ${stamp}`;
  const remarks = `尾矿库巡查结果待县应急局回电 ${stamp}`;

  // duty officer: a log line (接报), then the handover summary, reviewed, remarks, handed over
  const page = duty.page;
  await page.getByTestId('duty-log-open').click();
  await page.getByTestId('duty-entry-text').fill(entry);
  await page.getByTestId('duty-entry-submit').click();
  await expect(page.getByTestId('duty-line').filter({ hasText: entry })).toContainText('接报');
  await expect(page.getByTestId('duty-line').filter({ hasText: entry })).toContainText('值班一席');

  await page.getByRole('tab', { name: '交班' }).click();
  await page.getByTestId('handover-generate').click();
  const summary = page.getByTestId('duty-handover').getByTestId('handover-summary');
  await expect(summary.getByTestId('handover-open-incidents')).toContainText('未结事件');
  await expect(summary.getByTestId('handover-orders')).toContainText('未办结联动指令');
  const openCount = await summary.getByTestId('handover-incident').count();
  await page.getByTestId('handover-remarks').fill(remarks);
  await page.getByTestId('handover-submit').click();
  const handed = page.getByTestId('duty-line').filter({ hasText: remarks });
  await expect(handed).toHaveAttribute('data-kind', 'handover');
  await expect(handed).toContainText('待接班确认');
  // the one who handed over gets no banner of their own
  await expect(page.getByTestId('handover-banner')).toHaveCount(0);

  // commander: the banner, the frozen summary with the remarks, the acknowledgement
  const cpage = commander.page;
  await expect(cpage.getByTestId('handover-banner')).toBeVisible();
  await expect(cpage.getByTestId('handover-banner')).toContainText('交班');
  await cpage.getByTestId('handover-review').click();
  const dialog = cpage.getByTestId('handover-dialog');
  await expect(dialog.getByTestId('handover-dialog-remarks')).toHaveText(remarks);
  await expect(dialog.getByTestId('handover-incident')).toHaveCount(openCount);
  await cpage.getByTestId('handover-accept-remarks').fill('已阅，接班');
  await cpage.getByTestId('handover-accept').click();
  await expect(cpage.getByTestId('handover-banner')).toHaveCount(0);
  await expect(cpage.getByTestId('handover-dialog')).toBeHidden();

  // both see the acknowledgement in the log, with who and where
  await cpage.getByTestId('duty-log-open').click();
  for (const p of [cpage, page]) {
    const accepted = p.locator(`[data-testid="duty-line"][data-kind="accepted"]`).filter({ hasText: '已阅，接班' });
    await expect(accepted).toContainText('指挥席');
    await expect(p.getByTestId('duty-line').filter({ hasText: remarks })).not.toContainText('待接班确认');
    await expect(p.getByTestId('duty-line').filter({ hasText: entry })).toBeVisible();
  }

  // the hub's log: one handover by the duty desk, one acknowledgement by the commander's
  const log = await hubLog('commander', 'commander123');
  const handedOver = log.filter(
    (e): e is EventOf<'duty.handedOver'> => e.type === 'duty.handedOver' && e.payload.remarks === remarks,
  );
  expect(handedOver).toHaveLength(1);
  expect(handedOver[0]?.actor.workstation).toBe('值班一席');
  expect(handedOver[0]?.payload.summary.openIncidents).toHaveLength(openCount);
  const accepted = log.filter(
    (e) => e.type === 'duty.handoverAccepted' && e.payload.handoverId === handedOver[0]?.payload.handoverId,
  );
  expect(accepted.map((e) => e.actor.workstation)).toEqual(['指挥席']);

  await Promise.all([duty.context.close(), commander.context.close()]);
});
