/** axe in the real browser, on every view, in light and dark mode. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, openPage } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const VIEWS = ['time', 'platforms', 'forces', 'table', 'coverage', 'sources'];

describe.each(['light', 'dark'] as const)('axe, %s mode', (colorScheme) => {
  it.each(VIEWS)('finds no violations in the %s view', async (view) => {
    const { page, context } = await openPage(
      browser,
      `?view=${view}&force=hampshire,kent,wales,england-and-wales&period=2017-18,2018-19,2017-04-03_2018-01-02`,
      { colorScheme },
    );
    await page.locator('#view-panel .frame').waitFor();
    await page.locator('#view-panel svg, #view-panel table, #view-panel ol.sources').first().waitFor();
    const results = await new AxeBuilder({ page }).analyze();
    const violations = results.violations.map((v) => ({
      id: v.id,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
    expect(violations).toEqual([]);
    // axe really looked: it passed checks on this page.
    expect(results.passes.length).toBeGreaterThan(10);
    await context.close();
  });
});

it('finds no violations with a figure opened and its tooltip showing', async () => {
  const { page, context } = await openPage(browser, '?view=forces&period=2017-18');
  const mark = page.locator('#view-panel [data-figure]').first();
  await mark.focus();
  await page.getByRole('tooltip').waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.figure-detail').waitFor();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await context.close();
});
