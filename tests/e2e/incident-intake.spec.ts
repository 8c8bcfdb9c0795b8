import { expect, test } from '@playwright/test';
import type { Locator } from '@playwright/test';
import { distanceKm } from '@common/geo';
import type { Enterprise } from '@common/schemas/enterprise';
import type { HazardSource } from '@common/schemas/hazard-source';
import type { Receptor } from '@common/schemas/places';
import type { Plan } from '@common/schemas/plan';
import { HUB, hubLog, openSignedIn } from './fixtures';

const DUTY = { username: 'duty', password: 'duty123', workstation: '值班一席' };
const COMMANDER = { username: 'commander', password: 'commander123', workstation: '指挥席' };

/** A demo enterprise with a major hazard source on site, a plan of its own and a receptor within 3 km. */
async function demoEnterprise(): Promise<Enterprise> {
  const rows = {
    enterprises: new Array<Enterprise>(),
    hazardSources: new Array<HazardSource>(),
    receptors: new Array<Receptor>(),
    plans: new Array<Plan>(),
  };
  for (const e of await hubLog(DUTY.username, DUTY.password)) {
    if (e.type !== 'entity.upserted') continue;
    const { kind, value } = e.payload;
    if (kind === 'enterprises') rows.enterprises.push(value as Enterprise);
    if (kind === 'hazardSources') rows.hazardSources.push(value as HazardSource);
    if (kind === 'receptors') rows.receptors.push(value as Receptor);
    if (kind === 'plans') rows.plans.push(value as Plan);
  }
  const withHazard = new Set(rows.hazardSources.map((h) => h.enterpriseId));
  const withPlan = new Set(rows.plans.filter((p) => p.ownerKind === 'enterprise').map((p) => p.ownerId));
  const names = new Map<string, number>();
  for (const e of rows.enterprises) names.set(e.name, (names.get(e.name) ?? 0) + 1);
  const found = rows.enterprises.find(
    (e) =>
      withHazard.has(e.id) &&
      withPlan.has(e.id) &&
      names.get(e.name) === 1 &&
      rows.receptors.some((r) => distanceKm(r.location, e.location) <= 3),
  );
  if (!found) throw new Error('the demo county has no enterprise with a hazard source and a receptor nearby');
  return found;
}

test('keyboard intake at a demo enterprise (119): live in a second feed with unread marker and alert; the workspace shows the surroundings', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const enterprise = await demoEnterprise();
  const [{ page: duty }, { page: commander }] = await Promise.all([
    openSignedIn(browser, DUTY, { recordNotifications: true }),
    openSignedIn(browser, COMMANDER, { recordNotifications: true }),
  ]);
  const soundsBefore = Number((await commander.evaluate(() => document.documentElement.dataset.alertSounds)) ?? 0);

  // 接报, keyboard only: the source has the focus; Tab through enterprise and category; Enter saves.
  await duty.getByTestId('report-open').click();
  // type into a dropdown, Enter picks the first match; Tab once the list has closed (as a person would)
  const pick = async (testId: string, text: string) => {
    const input = duty.getByTestId(testId).locator('input');
    await expect(input).toBeFocused();
    await duty.keyboard.type(text);
    await expect(input).toHaveAttribute('aria-expanded', 'true');
    // the match is in the list before Enter (a person reads it first)
    await expect(duty.locator('.ant-select-dropdown:visible .ant-select-item-option').first()).toContainText(text);
    await duty.keyboard.press('Enter');
    await expect(input).toHaveAttribute('aria-expanded', 'false');
  };
  await pick('report-source', '119');
  await duty.keyboard.press('Tab');
  await pick('report-enterprise', enterprise.name);
  await duty.keyboard.press('Tab');
  await pick('report-category', '火灾');
  // the enterprise filled the position and the township, and a title was suggested
  await expect(duty.getByTestId('report-lng')).toHaveValue(String(enterprise.location.lng));
  await expect(duty.getByTestId('report-title')).toHaveValue(`${enterprise.name}火灾`);
  await duty.keyboard.press('Tab');
  await expect(duty.getByTestId('report-title')).toBeFocused();
  await duty.keyboard.press('Enter');
  await expect(duty.getByTestId('report-drawer')).toBeHidden();

  const title = `${enterprise.name}火灾`;
  const own = duty.getByTestId('incident-item').filter({ hasText: title }).first();
  await expect(own).toBeVisible();
  // one's own report is not unread
  await expect(own).toHaveAttribute('data-unread', 'false');

  // the commander's feed: live, unread, and alerted (sound by grade + a notification)
  const item = commander.getByTestId('incident-item').filter({ hasText: title }).first();
  await expect(item).toBeVisible();
  await expect(item.getByTestId('unread-marker')).toBeVisible();
  await expect(item).toHaveAttribute('data-unread', 'true');
  await expect
    .poll(() => commander.evaluate(() => window.__notifications?.map((n) => n.title) ?? []))
    .toContainEqual(expect.stringContaining(title));
  const notes = await commander.evaluate(() => window.__notifications ?? []);
  expect(notes.find((n) => n.title.includes(title))?.body).toContain('119转警');
  await expect
    .poll(() => commander.evaluate(() => Number(document.documentElement.dataset.alertSounds ?? 0)))
    .toBeGreaterThan(soundsBefore);
  await expect(commander.locator('html')).toHaveAttribute('data-alert-last', 'incident:general');
  // the reporter was not alerted for their own report
  expect((await duty.evaluate(() => window.__notifications ?? [])).some((n) => n.title.includes(title))).toBe(false);

  // opening the workspace marks it read
  await item.click();
  const ws = commander.getByTestId('incident-detail');
  await expect(ws.getByTestId('detail-title')).toHaveText(title);
  await expect(ws.getByTestId('detail-source')).toHaveAttribute('data-source', 'transfer_119');
  expect(await squeezedFacts(ws)).toEqual([]);
  await expect(item.getByTestId('unread-marker')).toHaveCount(0);
  await expect(item).toHaveAttribute('data-unread', 'false');

  // the surroundings: the enterprise's hazard source within 1 km, teams by distance, receptors, plans
  const context = ws.getByTestId('incident-context');
  await expect(context.getByTestId('context-hazards')).not.toHaveAttribute('data-within-1', '0');
  await expect(context.locator('[data-testid="context-hazard"][data-ring="1"]').first()).toBeVisible();
  await expect(context.getByTestId('context-team').first()).toContainText(/公里/);
  await expect(context.getByTestId('context-receptor').first()).toBeVisible();
  const plans = context.getByTestId('context-plan');
  await expect(plans.first()).toBeVisible();
  await expect(context.locator('[data-testid="context-plan"][data-reasons~="enterprise"]').first()).toBeVisible();

  // a row opens its detail panel
  await context.getByTestId('context-hazard').first().click();
  await expect(commander.getByTestId('place-detail')).toBeVisible();

  // muted at this workstation: a sensor alarm through the ingest API still notifies, silently
  await commander.getByTestId('alerts-mute').click();
  await expect(commander.getByTestId('alerts-mute')).toHaveAttribute('data-muted', 'true');
  const sounds = await commander.evaluate(() => Number(document.documentElement.dataset.alertSounds ?? 0));
  const sensorTitle = `${enterprise.name}可燃气体浓度超限 ${Date.now() % 100000}`;
  const ingest = await fetch(`${HUB}/api/v1/ingest/incidents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'demo-ingest-key' },
    body: JSON.stringify({
      title: sensorTitle,
      category: 'other_explosion',
      source: 'sensor_alarm',
      occurredAt: new Date().toISOString(),
      enterpriseId: enterprise.id,
      casualties: { deaths: 3 },
    }),
  });
  expect(ingest.status).toBe(201);
  await expect
    .poll(() => commander.evaluate(() => window.__notifications?.map((n) => n.title) ?? []))
    .toContainEqual(`新事件 [较大]：${sensorTitle}`);
  await expect(commander.getByTestId('incident-item').filter({ hasText: sensorTitle })).toHaveAttribute(
    'data-unread',
    'true',
  );
  expect(await commander.evaluate(() => Number(document.documentElement.dataset.alertSounds ?? 0))).toBe(sounds);

  // a demo incident with every fact filled in (enterprise, loss, description, reporter) reads as well
  await commander.getByTestId('incident-item').filter({ hasText: '融信板材厂车间火灾' }).click();
  await expect(ws.getByTestId('detail-title')).toContainText('融信板材厂车间火灾');
  expect(await squeezedFacts(ws)).toEqual([]);
});

/**
 * The short facts of the workspace squeezed onto several lines by their labels (a long label,
 * 事故类别（GB 6441）, once left its value 火灾 a character a line): their texts.
 */
async function squeezedFacts(workspace: Locator): Promise<Array<string | null>> {
  return workspace.locator('.detail-facts .ant-descriptions-item-content').evaluateAll((cells) =>
    cells
      .filter((c) => c.closest('td')?.getAttribute('colspan') === '1')
      .filter((c) => c.getBoundingClientRect().height > 1.5 * parseFloat(getComputedStyle(c).lineHeight))
      .map((c) => c.textContent),
  );
}
