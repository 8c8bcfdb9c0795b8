import { expect, test } from '@playwright/test';
import { creditCodeCheckChar } from '@common/domain/credit-code';
import { externalRequests, openSignedIn } from './fixtures';
import { DUTY, expectMapNear, hubSnapshot, search, waitForReplica } from './panels-fixtures';

test('search by name flies to the enterprise and opens its panel with credit code and hazard sources', async ({
  browser,
}, info) => {
  const snapshot = await hubSnapshot();
  // an enterprise with hazard sources, so the panel has something to show under them
  const withHazards = new Set(snapshot.hazardSources.map((h) => h.enterpriseId));
  const enterprise = snapshot.enterprises.find((e) => withHazards.has(e.id));
  expect(enterprise, 'the demo county has an enterprise with hazard sources').toBeDefined();
  if (!enterprise) return;
  const hazards = snapshot.hazardSources.filter((h) => h.enterpriseId === enterprise.id);

  const { page, requests, context } = await openSignedIn(browser, DUTY);
  await waitForReplica(page, snapshot);

  await search(page, enterprise.name);
  const first = page.getByTestId('search-option').first();
  await expect(first).toHaveAttribute('data-id', enterprise.id);
  await page.screenshot({ path: info.outputPath('search-dropdown.png') });
  await page.getByTestId('search-input').press('Enter');

  const panel = page.getByTestId('place-detail');
  await expect(panel).toHaveAttribute('data-kind', 'enterprises');
  await expect(panel).toHaveAttribute('data-id', enterprise.id);
  await expect(panel.getByTestId('place-detail-name')).toHaveText(enterprise.name);
  await expect(panel.getByTestId('credit-code')).toContainText(enterprise.creditCode);
  await expect(panel.getByTestId('hazard-row')).toHaveCount(hazards.length);
  for (const h of hazards) await expect(panel.getByTestId('enterprise-hazards')).toContainText(h.name);
  await expect(panel.getByTestId('risk-tag')).toHaveAttribute('data-risk', enterprise.riskLevel);
  for (const c of enterprise.contacts) {
    await expect(panel.locator(`a[href="tel:${c.phone.replace(/[^0-9+]/g, '')}"]`).first()).toBeVisible();
  }
  // nearest available teams are listed nearest first
  const kms = await panel
    .getByTestId('nearest-team')
    .evaluateAll((els) => els.map((e) => Number(e.querySelector('[data-km]')?.getAttribute('data-km'))));
  expect(kms).toEqual([...kms].sort((a, b) => a - b));

  await expectMapNear(page, enterprise.location);
  await page.screenshot({ path: info.outputPath('enterprise-panel.png') });

  // Esc closes the panel
  await page.locator('body').press('Escape');
  await expect(panel).toBeHidden();

  expect(externalRequests(requests)).toEqual([]);
  await context.close();
});

test('search by credit code: exact, prefix, and a full code that fails its check gets a hint', async ({
  browser,
}, info) => {
  const snapshot = await hubSnapshot();
  const enterprise = snapshot.enterprises.at(-1);
  expect(enterprise).toBeDefined();
  if (!enterprise) return;
  const { page, context } = await openSignedIn(browser, DUTY);
  await waitForReplica(page, snapshot);

  // exact code, lower case (as typed in a hurry): the enterprise first, marked as a code match
  await search(page, enterprise.creditCode.toLowerCase());
  const first = page.getByTestId('search-option').first();
  await expect(first).toHaveAttribute('data-id', enterprise.id);
  await expect(first).toContainText('信用代码');
  await expect(page.getByTestId('search-code-hint')).toHaveCount(0);

  // a prefix: every hit listed is an enterprise whose code starts with it
  const prefix = enterprise.creditCode.slice(0, 12);
  const expected = snapshot.enterprises.filter((e) => e.creditCode.startsWith(prefix)).map((e) => e.id);
  await search(page, prefix);
  const ids = await page
    .getByTestId('search-option')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
  expect(ids.length).toBeGreaterThan(0);
  expect(ids.slice(0, expected.length).sort()).toEqual(expected.slice(0, ids.length).sort());

  // the same code with a wrong check character: a hint naming the right one
  const right = creditCodeCheckChar(enterprise.creditCode.slice(0, 17));
  const wrong = right === '0' ? '1' : '0';
  await search(page, enterprise.creditCode.slice(0, 17) + wrong);
  await expect(page.getByTestId('search-code-hint')).toBeVisible();
  await expect(page.getByTestId('search-code-hint')).toContainText(String(right));
  await page.screenshot({ path: info.outputPath('search-code-hint.png') });

  // Ctrl+K focuses the box too; arrows + Enter choose
  await page.getByTestId('search-input').press('Escape');
  await page.locator('body').press('Control+k');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.getByTestId('search-input').fill(enterprise.creditCode);
  await expect(page.getByTestId('search-option').first()).toHaveAttribute('data-id', enterprise.id);
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('place-detail')).toHaveAttribute('data-id', enterprise.id);
  await expectMapNear(page, enterprise.location);
  await context.close();
});

test('teams and plans are found by name too', async ({ browser }) => {
  const snapshot = await hubSnapshot();
  const team = snapshot.rescueTeams[0];
  const plan = snapshot.plans.find((p) => p.ownerKind === 'enterprise');
  expect(team && plan).toBeTruthy();
  if (!team || !plan) return;
  const { page, context } = await openSignedIn(browser, DUTY);
  await waitForReplica(page, snapshot);

  await search(page, team.name);
  await page.locator(`[data-testid="search-option"][data-id="${team.id}"]`).click();
  await expect(page.getByTestId('place-detail')).toHaveAttribute('data-kind', 'rescueTeams');
  await expect(page.getByTestId('team-headcount')).toContainText(String(team.headcount));
  await expectMapNear(page, team.location);

  await search(page, plan.name);
  await page.locator(`[data-testid="search-option"][data-id="${plan.id}"]`).click();
  await expect(page.getByTestId('place-detail')).toHaveAttribute('data-kind', 'plans');
  const owner = snapshot.enterprises.find((e) => e.id === plan.ownerId);
  if (owner) await expectMapNear(page, owner.location);
  await context.close();
});

test('a click on a place on the map opens its panel; an incident takes the panel area and gives it back', async ({
  browser,
}) => {
  const snapshot = await hubSnapshot();
  const enterprise = snapshot.enterprises[0];
  if (!enterprise) throw new Error('no enterprises');
  const { page, context } = await openSignedIn(browser, DUTY);
  await waitForReplica(page, snapshot);
  await search(page, enterprise.name);
  await page.locator(`[data-testid="search-option"][data-id="${enterprise.id}"]`).click();
  await expectMapNear(page, enterprise.location);
  const centreBefore = await page.evaluate(() => window.__watchfloorMap?.getCenter().toArray());
  await page.getByTestId('place-detail-close').click();
  await expect(page.getByTestId('place-detail')).toBeHidden();
  // closing the panel leaves the map where it is: the officer may be about to click what they see
  const centreAfter = await page.evaluate(
    () =>
      new Promise<{ centre?: number[]; moving?: boolean }>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() =>
            resolve({
              centre: window.__watchfloorMap?.getCenter().toArray(),
              moving: window.__watchfloorMap?.isMoving(),
            }),
          ),
        ),
      ),
  );
  expect(centreAfter).toEqual({ centre: centreBefore, moving: false });

  // click where the map draws it
  const at = await page.evaluate((p) => {
    const map = window.__watchfloorMap;
    if (!map) throw new Error('no map');
    const { x, y } = map.project([p.lng, p.lat]);
    return { x, y };
  }, enterprise.location);
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('no map box');
  await page.mouse.click(box.x + at.x, box.y + at.y);
  await expect(page.getByTestId('place-detail')).toHaveAttribute('data-id', enterprise.id);

  // an incident from the feed replaces the place panel …
  await page.getByTestId('incident-item').first().click();
  await expect(page.getByTestId('incident-detail')).toBeVisible();
  await expect(page.getByTestId('place-detail')).toBeHidden();
  // … and a place chosen afterwards replaces the incident card
  await search(page, enterprise.name);
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('place-detail')).toBeVisible();
  await expect(page.getByTestId('incident-detail')).toBeHidden();
  await context.close();
});
