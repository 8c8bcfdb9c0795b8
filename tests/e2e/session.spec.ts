import { expect, test } from '@playwright/test';
import { openSignedIn, waitForMapIdle } from './fixtures';

test('a refused token sends the user back to login, which works again', async ({ browser }) => {
  const duty = await openSignedIn(browser, { username: 'duty', password: 'duty123', workstation: 'ws' });
  const { page } = duty;
  // the token lives in sessionStorage, never in localStorage
  const stored = await page.evaluate(() => ({
    session: sessionStorage.getItem('watchfloor.session'),
    local: JSON.stringify(localStorage),
  }));
  expect(stored.session).toContain('"token"');
  expect(stored.local).not.toContain('token');

  // the hub no longer knows this token (as after a hub restart or a revoked session)
  await page.evaluate(() => {
    const raw = sessionStorage.getItem('watchfloor.session');
    if (!raw) throw new Error('no session');
    sessionStorage.setItem('watchfloor.session', JSON.stringify({ ...JSON.parse(raw), token: 'x'.repeat(43) }));
  });
  await page.reload();
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await expect(page.getByTestId('login-screen')).toContainText('会话已结束');
  await expect(page.getByTestId('login-username')).toHaveValue('duty');

  await page.getByTestId('login-password').fill('duty123');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
  await duty.context.close();
});

test('signing out stops the map and its workers; the next user signs in on the same desk', async ({ browser }) => {
  const duty = await openSignedIn(browser, { username: 'duty', password: 'duty123', workstation: 'ws' });
  const { page } = duty;
  const enterpriseWorkers = () => page.workers().filter((w) => w.url().includes('enterprise-tiles'));
  expect(enterpriseWorkers()).toHaveLength(1);

  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-screen')).toBeVisible();
  // nothing of the signed-out user's map keeps running: neither the enterprise worker (its index
  // and a live query on that user's replica) nor MapLibre's own workers
  await expect.poll(() => page.workers().length).toBe(0);

  await page.getByTestId('login-username').fill('fire');
  await page.getByTestId('login-password').fill('fire123');
  await page.getByTestId('login-workstation').fill('消防大队值班室');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', { timeout: 45_000 });
  await waitForMapIdle(page);
  expect(enterpriseWorkers()).toHaveLength(1);
  await duty.context.close();
});
