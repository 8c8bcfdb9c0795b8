import { expect, test } from '@playwright/test';
import { planStatus } from '@common/rules/plan-status';
import type { PlanState } from '@common/rules/plan-status';
import { openSignedIn } from './fixtures';
import { DUTY, expectMapNear, hubSnapshot, waitForReplica } from './panels-fixtures';

const STATES: ReadonlyArray<PlanState> = ['current', 'filing_overdue', 'revision_overdue', 'drill_overdue'];

test('the plans panel counts the four states by the src-common rule, filters, sorts most overdue first', async ({
  browser,
}, info) => {
  const snapshot = await hubSnapshot();
  const sectorOf = new Map(snapshot.enterprises.map((e) => [e.id, e.sector]));
  const now = new Date();
  const stateOf = new Map(
    snapshot.plans.map((p) => {
      const sector = p.ownerKind === 'enterprise' && p.ownerId ? sectorOf.get(p.ownerId) : undefined;
      return [p.id, planStatus(p, sector ? { now, ownerSector: sector } : { now }).state] as const;
    }),
  );
  const expected = Object.fromEntries(STATES.map((s) => [s, [...stateOf.values()].filter((x) => x === s).length]));

  const { page, context } = await openSignedIn(browser, DUTY);
  await waitForReplica(page, snapshot);
  await page.getByTestId('side-tab-plans').click();
  const panel = page.getByTestId('plans-panel');
  await expect(panel).toBeVisible();
  for (const state of STATES) {
    await expect(panel.locator(`[data-testid="plans-count"][data-state="${state}"]`)).toHaveAttribute(
      'data-count',
      String(expected[state]),
    );
  }
  await expect(panel.getByTestId('plans-total')).toHaveAttribute('data-count', String(snapshot.plans.length));
  await page.screenshot({ path: info.outputPath('plans-panel.png') });

  // most overdue first: every overdue plan before every current one, overdue time descending
  const items = await panel.getByTestId('plans-item').evaluateAll((els) =>
    els.map((e) => ({
      id: e.getAttribute('data-id') ?? '',
      state: e.getAttribute('data-state') ?? '',
      overdueMs: Number(e.getAttribute('data-overdue-ms') || '-Infinity'),
    })),
  );
  const firstCurrent = items.findIndex((i) => i.state === 'current');
  if (firstCurrent >= 0) expect(items.slice(firstCurrent).every((i) => i.state === 'current')).toBe(true);
  const overdue = items.filter((i) => i.state !== 'current').map((i) => i.overdueMs);
  expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
  for (const item of items) expect(item.state).toBe(stateOf.get(item.id));

  // a count is a filter
  const someOverdue = STATES.find((s) => s !== 'current' && (expected[s] ?? 0) > 0);
  if (someOverdue) {
    await panel.locator(`[data-testid="plans-count"][data-state="${someOverdue}"]`).click();
    await expect(panel.getByTestId('plans-total')).toHaveAttribute('data-count', String(expected[someOverdue]));
    const states = await panel
      .getByTestId('plans-item')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    expect(new Set(states)).toEqual(new Set([someOverdue]));
    await panel.locator(`[data-testid="plans-count"][data-state="${someOverdue}"]`).click();
  }

  // an enterprise plan opens its detail (levels, actions, dates, status) and flies to the enterprise
  await page.getByTestId('plans-filter-owner').click();
  await page
    .locator('.ant-select-item-option')
    .filter({ hasText: /^企业$/ })
    .click();
  const listed = await panel
    .getByTestId('plans-item')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
  const byId = new Map(snapshot.plans.map((p) => [p.id, p]));
  expect(listed.every((id) => byId.get(id)?.ownerKind === 'enterprise')).toBe(true);
  const plan = listed.map((id) => byId.get(id)).find((p) => p !== undefined && p.levels.length > 0);
  const owner = plan && snapshot.enterprises.find((e) => e.id === plan.ownerId);
  expect(plan && owner, 'an enterprise plan with response levels').toBeTruthy();
  if (plan && owner) {
    await panel.locator(`[data-testid="plans-item"][data-id="${plan.id}"]`).click();
    const detail = page.getByTestId('place-detail');
    await expect(detail).toHaveAttribute('data-kind', 'plans');
    await expect(detail).toHaveAttribute('data-id', plan.id);
    await expect(detail.getByTestId('plan-state')).toHaveAttribute('data-state', stateOf.get(plan.id) ?? '');
    await expect(detail.getByTestId('plan-level')).toHaveCount(plan.levels.length);
    const actions = plan.levels.reduce((n, l) => n + l.actions.length, 0);
    await expect(detail.getByTestId('plan-action')).toHaveCount(actions);
    await expect(detail.getByTestId('plan-revision-due')).toBeVisible();
    await expectMapNear(page, owner.location);
    await page.screenshot({ path: info.outputPath('plan-detail.png') });
  }
  await context.close();
});
