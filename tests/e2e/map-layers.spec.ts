import { expect, test } from '@playwright/test';
import { COUNTY } from '@common/domain/county';
import { gradeHazardSource } from '@common/rules/gb18218';
import { externalRequests, openSignedIn } from './fixtures';
import {
  colourShare,
  jumpTo,
  MAP_LAYERS,
  rendered,
  replicaCounts,
  replicaRows,
  startTileServer,
  total,
  waitForLayersReady,
  waitForMapSettled,
} from './map-fixtures';

const DUTY = { username: 'duty', password: 'duty123', workstation: '值班一席' };
// NOTE: software GL in CI draws slowly; these tests move the map a lot
test.describe.configure({ timeout: 240_000 });

const COUNTY_VIEW: [number, number] = [(COUNTY.bbox[0] + COUNTY.bbox[2]) / 2, (COUNTY.bbox[1] + COUNTY.bbox[3]) / 2];

test('the map renders every layer of the demo county, and makes no request off this machine', async ({
  browser,
}, info) => {
  const duty = await openSignedIn(browser, DUTY);
  const { page } = duty;
  await waitForLayersReady(page);

  // expectations come from the replica, never hard-coded counts
  const counts = await replicaCounts(page);
  expect(counts.enterprises).toBeGreaterThan(0);
  expect(counts.hazardSources).toBeGreaterThan(0);
  expect(counts.teams).toBeGreaterThan(0);
  expect(counts.incidents).toBeGreaterThan(0);
  test.info().annotations.push({ type: 'replica', description: JSON.stringify(counts) });

  // the whole county is in view: every feature is drawn, alone or inside a cluster
  for (const [layer, layerIds] of Object.entries(MAP_LAYERS)) {
    const expected = counts[layer as keyof typeof counts];
    await expect.poll(async () => total(await rendered(page, layerIds)), { message: layer }).toBe(expected);
  }
  // dense layers are clustered at county zoom
  expect((await rendered(page, MAP_LAYERS.enterprises)).clusters).toBeGreaterThan(0);
  // the newest open incident pulses
  await expect(page.getByTestId('incident-pulse')).toHaveCount(1);
  await page.screenshot({ path: info.outputPath('map-county.png') });

  // street zoom at the county seat: single enterprises with pictograms and names, team labels
  await jumpTo(page, [COUNTY.seat.lng, COUNTY.seat.lat], 15.5);
  const street = await rendered(page, ['enterprises-circle']);
  expect(street.ids.length).toBeGreaterThan(0);
  expect((await rendered(page, ['enterprises-cluster'])).clusters).toBe(0);
  // NOTE: text is placed after its glyphs are drawn locally (TinySDF), a beat after the icons
  await expect
    .poll(() =>
      page.evaluate(() => window.__watchfloorMap?.queryRenderedFeatures({ layers: ['enterprises-label'] }).length ?? 0),
    )
    .toBeGreaterThan(0);
  await page.screenshot({ path: info.outputPath('map-street.png') });

  // a cluster expands on click (with the layers drawn above clusters switched off)
  for (const layer of ['hazardSources', 'teams', 'incidents', 'shelters', 'supplyDepots'])
    await page.getByTestId(`layer-toggle-${layer}`).click();
  await jumpTo(page, COUNTY_VIEW, 9.3);
  const before = await page.evaluate(() => window.__watchfloorMap?.getZoom() ?? 0);
  // a cluster in the open left half of the map (the layer panel and legend sit on the right)
  const clusterPoint = await page.evaluate(() => {
    const map = window.__watchfloorMap;
    if (!map) return null;
    const width = map.getCanvas().clientWidth;
    for (const f of map.queryRenderedFeatures({ layers: ['enterprises-cluster'] })) {
      if (f.geometry.type !== 'Point') continue;
      const p = map.project(f.geometry.coordinates as [number, number]);
      if (p.x > 80 && p.x < width / 2 && p.y > 80) return { x: Math.round(p.x), y: Math.round(p.y) };
    }
    return null;
  });
  expect(clusterPoint).not.toBeNull();
  if (clusterPoint) await page.locator('.maplibregl-canvas').click({ position: clusterPoint });
  await expect.poll(() => page.evaluate(() => window.__watchfloorMap?.getZoom() ?? 0)).toBeGreaterThan(before + 0.5);
  await waitForMapSettled(page);

  expect(externalRequests(duty.requests)).toEqual([]);
  await duty.context.close();
});

test('layer toggles, filters and the plan-coverage mode change what the map renders', async ({ browser }, info) => {
  const duty = await openSignedIn(browser, DUTY);
  const { page } = duty;
  await waitForLayersReady(page);
  const enterprises = await replicaRows(page, 'enterprises');
  const teams = await replicaRows(page, 'rescueTeams');
  const hazards = await replicaRows(page, 'hazardSources');
  await expect.poll(async () => total(await rendered(page, MAP_LAYERS.teams))).toBe(teams.length);

  // toggle teams off and on
  await page.getByTestId('layer-toggle-teams').click();
  await waitForMapSettled(page);
  expect(total(await rendered(page, MAP_LAYERS.teams))).toBe(0);
  await page.getByTestId('layer-toggle-teams').click();
  await expect.poll(async () => total(await rendered(page, MAP_LAYERS.teams))).toBe(teams.length);

  // toggle enterprises off: neither points nor clusters remain
  await page.getByTestId('layer-toggle-enterprises').click();
  await waitForMapSettled(page);
  expect(total(await rendered(page, MAP_LAYERS.enterprises))).toBe(0);
  await page.getByTestId('layer-toggle-enterprises').click();

  await page.getByTestId('filters-toggle').click();
  // the open filter list pushes the legend down; it never covers it
  const panelBox = await page.getByTestId('layer-panel').boundingBox();
  const legendBox = await page.getByTestId('map-legend').boundingBox();
  expect(panelBox && legendBox && legendBox.y >= panelBox.y + panelBox.height).toBe(true);
  const choose = async (testId: string, option: string) => {
    await page.getByTestId(testId).click();
    await page.keyboard.type(option);
    await page.locator(`.ant-select-item-option-active[title="${option}"]`).first().waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
  };

  // risk level: only 重大 enterprises (clusters count only them)
  await choose('filter-risk', '重大风险');
  const major = enterprises.filter((e) => e.riskLevel === 'major').length;
  await expect.poll(async () => total(await rendered(page, MAP_LAYERS.enterprises))).toBe(major);

  // + township: the seat only
  await choose('filter-township', '长安镇');
  const majorSeat = enterprises.filter((e) => e.riskLevel === 'major' && e.townshipCode === '450224100').length;
  await expect.poll(async () => total(await rendered(page, MAP_LAYERS.enterprises))).toBe(majorSeat);
  // a hazard source is in its enterprise's township
  const seatEnterprises = new Set(enterprises.filter((e) => e.townshipCode === '450224100').map((e) => e.id));
  const seatHazards = hazards.filter((h) => seatEnterprises.has(h.enterpriseId)).length;
  expect(seatHazards).toBeGreaterThan(0);
  expect(seatHazards).toBeLessThan(hazards.length);
  await expect.poll(async () => total(await rendered(page, MAP_LAYERS.hazardSources))).toBe(seatHazards);
  await page.getByTestId('filters-clear').click();
  await expect.poll(async () => total(await rendered(page, MAP_LAYERS.enterprises))).toBe(enterprises.length);

  // team status: available only
  await choose('filter-team-status', '待命');
  const available = teams.filter((t) => t.status === 'available').length;
  await expect.poll(async () => total(await rendered(page, MAP_LAYERS.teams))).toBe(available);

  // hazard grade 一级 + 二级 (grades computed by the same rule the app uses)
  await choose('filter-hazard-grade', '一级');
  await choose('filter-hazard-grade', '二级');
  const topGrades = hazards.filter((h) => [1, 2].includes(gradeHazardSource(h).grade ?? 0)).length;
  await expect.poll(async () => total(await rendered(page, MAP_LAYERS.hazardSources))).toBe(topGrades);

  // sector: wood processing only
  await page.getByTestId('filters-clear').click();
  await choose('filter-sector', '木材加工');
  const wood = enterprises.filter((e) => e.sector === 'wood_processing').length;
  await expect.poll(async () => total(await rendered(page, MAP_LAYERS.enterprises))).toBe(wood);
  await page.getByTestId('filters-clear').click();

  // plan coverage: the enterprise colours switch to the coverage states, with their own legend
  await page.getByTestId('colour-mode-coverage').click();
  await expect(page.getByTestId('legend-coverage')).toBeVisible();
  await expect(page.getByTestId('legend-coverage')).toContainText('无预案');
  const paint = await page.evaluate(() =>
    JSON.stringify(window.__watchfloorMap?.getPaintProperty('enterprises-circle', 'circle-color')),
  );
  expect(paint).toContain('coverage');
  await jumpTo(page, [COUNTY.seat.lng, COUNTY.seat.lat], 14.5);
  const states = await page.evaluate(() => [
    ...new Set(
      (window.__watchfloorMap?.queryRenderedFeatures({ layers: ['enterprises-circle'] }) ?? []).map((f) =>
        String(f.properties['coverage']),
      ),
    ),
  ]);
  for (const s of states) expect(['current', 'revision_overdue', 'drill_overdue', 'none']).toContain(s);
  await page.screenshot({ path: info.outputPath('map-coverage.png') });
  await page.getByTestId('colour-mode-risk').click();
  await expect(page.getByTestId('legend-risk')).toBeVisible();

  expect(externalRequests(duty.requests)).toEqual([]);
  await duty.context.close();
});

test('a raster basemap from a local tile server is displayed when configured', async ({ browser }, info) => {
  const color = [46, 139, 87] as const; // sea green: not used by any layer
  const tiles = await startTileServer(color);
  const duty = await openSignedIn(browser, DUTY);
  const { page } = duty;
  try {
    await waitForLayersReady(page);
    expect(await colourShare(page, color)).toBeLessThan(0.01);

    await page.getByTestId('settings-open').click();
    await page.getByTestId('basemap-kind-raster').click();
    await page.getByTestId('basemap-templates').fill(`${tiles.url}/{z}/{x}/{y}.png`);
    await page.getByTestId('basemap-apply').click();
    await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'raster');
    await waitForLayersReady(page);
    await expect.poll(() => tiles.requests.length).toBeGreaterThan(0);
    await waitForMapSettled(page);
    // the basemap colour fills most of the map (features and labels sit on top of it)
    await expect.poll(() => colourShare(page, color)).toBeGreaterThan(0.4);
    // and the operational layers are still there
    expect(total(await rendered(page, MAP_LAYERS.teams))).toBeGreaterThan(0);
    await page.screenshot({ path: info.outputPath('map-raster-basemap.png') });

    // the choice survives a reload (localStorage), and back to the offline map
    await page.reload();
    await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'raster');
    await page.getByTestId('settings-open').click();
    await page.getByTestId('basemap-kind-offline').click();
    await page.getByTestId('basemap-apply').click();
    await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'offline');
  } finally {
    await duty.context.close();
    await tiles.close();
  }
});
