/**
 * Published totals beside their member forces, in the built app: everything here is read as plain text on the
 * page, never from a tooltip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage } from '../support/browser.ts';
import { E_AND_W_MISSING_1718 as E_AND_W_MISSING } from '../support/published.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const WALES_1718 = '?force=wales&period=2017-18';

/** The visible text of the view, as a reader sees it without hovering anything. */
const viewText = async (page: Page) => {
  await page.locator('#view-panel .frame').waitFor();
  return (await page.locator('#view-panel').innerText()).replace(/\s+/g, ' ');
};

describe('published totals beside their members', () => {
  it('Wales 2017/18 over time: published 274, members’ sum 274, agree, and one click shows the four forces', async () => {
    const { page, context, errors } = await openPage(browser, WALES_1718);
    const check = page.locator('[data-check]').first();
    await expect(check.isVisible()).resolves.toBe(true);
    const text = (await check.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(
      "2017/18: published 274 · members' sum 158 + 53 + 44 + 19 = 274 · 4 of 4 forces have a figure.",
    );
    expect(text).toContain('Agree: all 4 forces have a figure and add up to the published figure.');

    await page.getByRole('button', { name: "Show Wales's 4 forces" }).click();
    await page.waitForURL(/force=dyfed-powys,gwent,north-wales,south-wales,wales/);
    const legend = await page.getByRole('list', { name: 'Series' }).innerText();
    for (const name of ['Dyfed-Powys', 'Gwent', 'North Wales', 'South Wales', 'Wales'])
      expect(legend).toContain(name);
    await expect(page.getByRole('button', { name: "Hide Wales's 4 forces" }).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Wales 2017/18 in the table: the members’ sum and the verdict beside the published 274', async () => {
    const { page, context } = await openPage(browser, `?view=table&force=wales&period=2017-18`);
    const row = page.locator('table.figures tbody tr').filter({ hasText: 'offences' }).first();
    await row.waitFor();
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('274');
    expect(text).toContain("members' sum 158 + 53 + 44 + 19 = 274 · 4 of 4 forces have a figure.");
    expect(text).toContain('Agree:');
    await context.close();
  });

  it('England and Wales 2017/18: 3,217 published (also 3,171), 34 forces sum to 2,572, the 9 missing named', async () => {
    const { page, context } = await openPage(browser, '?force=england-and-wales&period=2017-18');
    const text = await viewText(page);
    expect(text).toContain(
      "2017/18: published 3,217 (also published as 3,171) · members' sum 2,572 · 34 of 43 forces have a figure.",
    );
    expect(text).toContain(`No figure: ${E_AND_W_MISSING.join(', ')}.`);
    expect(text).toContain(
      'Differ by what the missing forces could explain: the published figure exceeds the sum of the 34 forces with a figure by 645',
    );
    await context.close();
  });

  it("the forces view marks Wales's four forces and says so", async () => {
    const { page, context } = await openPage(browser, '?view=forces&force=wales&period=2017-18');
    const text = await viewText(page);
    expect(text).toContain("Wales's 4 forces marked.");
    expect(text).toContain("published 274 · members' sum 158 + 53 + 44 + 19 = 274");
    const marked = await page
      .locator('#view-panel [data-tip] rect')
      .evaluateAll((rects) => rects.filter((r) => r.getAttribute('fill') === '#D55E00').length);
    expect(marked).toBe(4);
    await context.close();
  });
});

describe('layout', () => {
  it.each([
    WALES_1718,
    '?force=england-and-wales&period=2017-18',
    '?view=forces&force=wales&period=2017-18',
    '?view=table&force=wales,england-and-wales&period=2017-18',
    '?view=platforms&force=hampshire&period=2017-04-03_2018-01-02',
  ])('nothing overflows a 375 px screen at %s', async (path) => {
    const { page, context } = await openPage(browser, path, { viewport: { width: 375, height: 800 } });
    await page.locator('#view-panel .frame').waitFor();
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
    await context.close();
  });
});
