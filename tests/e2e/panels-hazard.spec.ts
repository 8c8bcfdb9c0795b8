import { expect, test } from '@playwright/test';
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import { TOWNSHIPS } from '@common/domain/county';
import { gradeHazardSource } from '@common/rules/gb18218';
import { openSignedIn } from './fixtures';
import { DUTY, expectMapNear, hubSnapshot, search, waitForReplica } from './panels-fixtures';

const figure = (n: number) => String(Number(n.toFixed(Math.abs(n) >= 1 || n === 0 ? 3 : 4)));

test('the hazard source panel shows its chemicals, the working step by step and the grade', async ({
  browser,
}, info) => {
  const snapshot = await hubSnapshot();
  // the major hazard source with the most chemicals: the longest working to show
  const graded = snapshot.hazardSources
    .map((hs) => ({ hs, g: gradeHazardSource(hs) }))
    .filter((x) => x.g.isMajor)
    .sort((a, b) => b.hs.chemicals.length - a.hs.chemicals.length);
  const chosen = graded[0];
  expect(chosen, 'the demo county has a major hazard source').toBeDefined();
  if (!chosen) return;
  const { hs, g } = chosen;

  const { page, context } = await openSignedIn(browser, DUTY);
  await waitForReplica(page, snapshot);
  await search(page, hs.name);
  await page.locator(`[data-testid="search-option"][data-id="${hs.id}"]`).click();

  const panel = page.getByTestId('place-detail');
  await expect(panel).toHaveAttribute('data-kind', 'hazardSources');
  await expect(panel.getByTestId('hazard-chemical')).toHaveCount(hs.chemicals.length);
  for (const item of g.items) {
    const row = panel.getByTestId('hazard-chemical').filter({ hasText: item.name }).first();
    await expect(row).toContainText(figure(item.q));
    await expect(row).toContainText(figure(item.Q));
    await expect(row).toContainText(figure(item.beta));
  }
  // ① S, ② α, ③ R with the figures put in, ④ the grade
  await expect(panel.getByTestId('hazard-s-line')).toContainText('S = Σ q/Q');
  await expect(panel.getByTestId('hazard-s-line')).toHaveText(new RegExp(`= ${figure(g.s).replace('.', '\\.')}$`));
  await expect(panel.getByTestId('hazard-alpha')).toContainText(`α = ${figure(g.alpha)}`);
  await expect(panel.getByTestId('hazard-r-line')).toContainText(`R = α × Σ β·q/Q = ${figure(g.alpha)} ×`);
  await expect(panel.getByTestId('hazard-r-line')).toHaveText(new RegExp(`= ${figure(g.r).replace('.', '\\.')}$`));
  const gradeZh = ['', '一级', '二级', '三级', '四级'][g.grade ?? 0] ?? '';
  await expect(panel.getByTestId('hazard-grade-line')).toContainText(`R = ${figure(g.r)}`);
  await expect(panel.getByTestId('hazard-grade-line')).toContainText(gradeZh);
  await expect(panel.getByTestId('grade-tag').first()).toHaveAttribute('data-grade', String(g.grade));
  await expectMapNear(page, hs.location);
  await page.screenshot({ path: info.outputPath('hazard-panel.png') });

  // its enterprise opens from the panel, and lists the source with the same grade; back returns
  await panel.getByTestId('hazard-enterprise').click();
  await expect(panel).toHaveAttribute('data-kind', 'enterprises');
  await expect(panel).toHaveAttribute('data-id', hs.enterpriseId);
  const row = panel.locator(`[data-testid="hazard-row"][data-id="${hs.id}"]`);
  await expect(row.getByTestId('grade-tag')).toHaveAttribute('data-grade', String(g.grade));
  await panel.getByTestId('place-detail-back').click();
  await expect(panel).toHaveAttribute('data-id', hs.id);

  // the same panel in English; the map is not rebuilt but relabelled in place: it stays where the
  // officer was looking, with the hazard source still marked as selected
  const zoom = await page.evaluate(() => window.__watchfloorMap?.getZoom() ?? 0);
  await page.evaluate(() => {
    (window.__watchfloorMap as unknown as { __before?: boolean }).__before = true;
  });
  await page.getByTestId('language-switch').click();
  await expect(panel.getByTestId('hazard-working')).toContainText('GB 18218-2018 grading');
  await expect(panel.getByTestId('hazard-grade-line')).toContainText(
    `Grade ${['', 'I', 'II', 'III', 'IV'][g.grade ?? 0]}`,
  );
  await page.waitForFunction(() => window.__watchfloorMap?.loaded() === true);
  expect(await page.evaluate(() => (window.__watchfloorMap as unknown as { __before?: boolean }).__before)).toBe(true);
  const townshipNames = () =>
    page.evaluate(async () => {
      const source = window.__watchfloorMap?.getSource<GeoJSONSource>('townships');
      const data = (await source?.getData()) as FeatureCollection | undefined;
      return (data?.features ?? []).map((f) => String(f.properties?.['name'])).sort();
    });
  await expect.poll(townshipNames).toEqual(TOWNSHIPS.map((t) => t.nameEn).sort());
  await expectMapNear(page, hs.location);
  expect(await page.evaluate(() => window.__watchfloorMap?.getZoom() ?? 0)).toBeCloseTo(zoom, 1);
  // (the selection ring's one point, as often as the tiles it falls in hold it)
  await expect
    .poll(() =>
      page.evaluate((at) => {
        const map = window.__watchfloorMap;
        const points = map?.getSource('selection') ? map.querySourceFeatures('selection') : [];
        return points.some((f) => {
          const [lng = 0, lat = 0] = f.geometry.type === 'Point' ? f.geometry.coordinates : [];
          return Math.abs(lng - at.lng) < 1e-4 && Math.abs(lat - at.lat) < 1e-4;
        });
      }, hs.location),
    )
    .toBe(true);
  await page.screenshot({ path: info.outputPath('hazard-panel-en.png') });
  await page.getByTestId('language-switch').click();
  await expect.poll(townshipNames).toEqual(TOWNSHIPS.map((t) => t.nameZh).sort());
  await context.close();
});
