import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { distanceKm } from '@common/geo';
import type { LngLat } from '@common/schemas/common';
import { openSignedIn } from './fixtures';
import { DUTY, hubSnapshot, kmList, search, waitForReplica } from './panels-fixtures';

type Snapshot = Awaited<ReturnType<typeof hubSnapshot>>;

/** What lies within `km` of `center`, per kind, by brute force over the hub's data. */
function bruteWithin(s: Snapshot, center: LngLat, km: number, excludeId: string): Record<string, number> {
  const count = (rows: ReadonlyArray<{ id: string; location: LngLat }>) =>
    rows.filter((r) => r.id !== excludeId && distanceKm(center, r.location) <= km).length;
  return {
    enterprises: count(s.enterprises),
    hazardSources: count(s.hazardSources),
    rescueTeams: count(s.rescueTeams),
    receptors: count(s.receptors),
    shelters: count(s.shelters),
    supplyDepots: count(s.supplyDepots),
  };
}

async function openEnterprise(page: Page, id: string, name: string) {
  await search(page, name);
  await page.locator(`[data-testid="search-option"][data-id="${id}"]`).click();
  await expect(page.getByTestId('place-detail')).toHaveAttribute('data-id', id);
}

test('everything within N km of the selected enterprise, grouped by kind and sorted by distance', async ({
  browser,
}, info) => {
  const snapshot = await hubSnapshot();
  // the enterprise with the most neighbours within 3 km: a busy place to look around
  const busiest = snapshot.enterprises
    .map((e) => ({ e, n: snapshot.enterprises.filter((o) => distanceKm(e.location, o.location) <= 3).length }))
    .sort((a, b) => b.n - a.n)[0]?.e;
  expect(busiest).toBeDefined();
  if (!busiest) return;

  const { page, context } = await openSignedIn(browser, DUTY);
  await waitForReplica(page, snapshot);
  await openEnterprise(page, busiest.id, busiest.name);
  await page.getByTestId('place-detail-around').click();
  await expect(page.getByTestId('spatial-tools')).toBeVisible();
  await expect(page.getByTestId('spatial-center-name')).toHaveText(busiest.name);

  for (const km of [3, 1, 10] as const) {
    await page.getByTestId(`radius-${km}`).click();
    const results = page.getByTestId('radius-results');
    await expect(results).toHaveAttribute('data-km', String(km));
    const expected = bruteWithin(snapshot, busiest.location, km, busiest.id);
    for (const [kind, total] of Object.entries(expected)) {
      await expect(results.locator(`[data-testid="radius-group"][data-kind="${kind}"]`)).toHaveAttribute(
        'data-total',
        String(total),
      );
    }
    // within each group, nearest first, never beyond the radius
    for (const group of await results.getByTestId('radius-group').all()) {
      const kms = await group
        .getByTestId('radius-item')
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-km'))));
      expect(kms).toEqual([...kms].sort((a, b) => a - b));
      expect(kms.every((d) => d <= km)).toBe(true);
    }
    if (km === 3) await page.screenshot({ path: info.outputPath('within-3km.png') });
  }
  // the circle is drawn on the map (a rendered feature of the overlay layer)
  await page.waitForFunction(() => {
    const map = window.__watchfloorMap;
    return map !== undefined && !map.isMoving() && map.queryRenderedFeatures({ layers: ['overlay-fill'] }).length > 0;
  });

  // a point picked on the map becomes the centre
  await page.getByTestId('spatial-pick').click();
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('no map box');
  await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.55);
  await expect(page.getByTestId('spatial-center-name')).toContainText('地图选点');
  await context.close();
});

test('nearest available teams of a type, top 5 with km', async ({ browser }, info) => {
  const snapshot = await hubSnapshot();
  const enterprise = snapshot.enterprises[Math.floor(snapshot.enterprises.length / 2)];
  if (!enterprise) throw new Error('no enterprises');
  const types = [...new Set(snapshot.rescueTeams.filter((t) => t.status === 'available').map((t) => t.type))];
  const { page, context } = await openSignedIn(browser, DUTY);
  await waitForReplica(page, snapshot);
  await openEnterprise(page, enterprise.id, enterprise.name);
  await page.getByTestId('place-detail-around').click();
  await page.getByTestId('tool-nearest').click();

  for (const type of types.slice(0, 3)) {
    await page.getByTestId('nearest-type').click();
    await page
      .locator(`.ant-select-item-option[title]`)
      .filter({ hasText: teamTypeZh(type) })
      .first()
      .click();
    await expect(page.getByTestId('nearest-results')).toHaveAttribute('data-type', type);
    const expected = snapshot.rescueTeams
      .filter((t) => t.type === type && t.status === 'available')
      .map((t) => ({ id: t.id, km: distanceKm(enterprise.location, t.location) }))
      .sort((a, b) => a.km - b.km || (a.id < b.id ? -1 : 1))
      .slice(0, 5);
    const ids = await page
      .getByTestId('nearest-item')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
    expect(ids).toEqual(expected.map((e) => e.id));
    const kms = await kmList(page, 'nearest-item');
    kms.forEach((km, i) => expect(km).toBeCloseTo(expected[i]?.km ?? NaN, 6));
  }
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
  await page.waitForFunction(() => window.__watchfloorMap?.isMoving() === false);
  await page.screenshot({ path: info.outputPath('nearest-teams.png') });
  await context.close();
});

test('measure: click points, see segment and total km, Esc ends', async ({ browser }, info) => {
  const { page, context } = await openSignedIn(browser, DUTY);
  await page.getByTestId('side-tab-spatial').click();
  await page.getByTestId('tool-measure').click();
  await page.getByTestId('measure-start').click();
  await expect(page.getByTestId('measure-tool')).toHaveAttribute('data-measuring', 'true');
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('no map box');
  const pixels = [
    [0.3, 0.3],
    [0.55, 0.4],
    [0.6, 0.75],
  ].map(([fx, fy]) => [box.width * (fx ?? 0), box.height * (fy ?? 0)] as const);
  for (const [x, y] of pixels) await page.mouse.click(box.x + x, box.y + y);
  await expect(page.getByTestId('measure-segment')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('measure-tool')).toHaveAttribute('data-measuring', 'false');

  // the figures are distanceKm between the clicked points (as the map unprojects them)
  const points = await page.evaluate((px) => {
    const map = window.__watchfloorMap;
    if (!map) throw new Error('no map');
    return px.map(([x, y]) => map.unproject([x, y])).map((p) => ({ lng: p.lng, lat: p.lat }));
  }, pixels);
  const segments = [
    distanceKm(points[0] as LngLat, points[1] as LngLat),
    distanceKm(points[1] as LngLat, points[2] as LngLat),
  ];
  const shown = await kmList(page, 'measure-segment');
  // NOTE: within 0.5 %: a mouse click lands on a whole pixel, about 100 m at county zoom
  const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(b * 0.005);
  shown.forEach((km, i) => near(km, segments[i] ?? NaN));
  const total = Number(await page.getByTestId('measure-total').getAttribute('data-km'));
  near(total, (segments[0] ?? 0) + (segments[1] ?? 0));
  expect(total).toBeCloseTo((shown[0] ?? 0) + (shown[1] ?? 0), 9);
  // after Esc, a click on the map adds no point
  await page.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.6);
  await expect(page.getByTestId('measure-segment')).toHaveCount(2);
  await page.screenshot({ path: info.outputPath('measure.png') });
  await context.close();
});

function teamTypeZh(type: string): string {
  const zh: Record<string, string> = {
    fire_station: '消防救援站',
    hazmat: '危化品救援队',
    mine_rescue: '矿山救护队',
    medical: '医疗救护队',
    power: '电力抢修队',
    enterprise: '企业专职队',
    social: '社会救援力量',
  };
  return zh[type] ?? type;
}
