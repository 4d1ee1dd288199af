/**
 * Encodings that hold in the built app: an area keeps its colour whatever else is selected, and a chart with
 * few marks prints their values, on the page and in the SVG download.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { launch, openPage } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('stable colours and direct labels', () => {
  const kentColours = async (path: string) => {
    const { page, context } = await openPage(browser, path);
    await page.locator('#view-panel a[data-tip^="Kent, "]').first().waitFor();
    const fills = await page
      .locator('#view-panel a[data-tip^="Kent, "] path')
      .evaluateAll((ps) => [...new Set(ps.map((p) => p.getAttribute('fill')))]);
    const swatch = await page
      .getByRole('list', { name: 'Series' })
      .locator('li', { hasText: /^Kent$/ })
      .locator('.swatch')
      .evaluate((s) => getComputedStyle(s).backgroundColor);
    await context.close();
    return { fills, swatch };
  };

  it("Kent's line keeps its colour alone and beside Hampshire", async () => {
    const alone = await kentColours('?force=kent');
    const beside = await kentColours('?force=hampshire,kent');
    expect(alone.fills).toHaveLength(1);
    expect(beside).toEqual(alone);
  });

  it('a one-period chart prints its value, on the page and in the SVG download', async () => {
    const { page, context } = await openPage(browser, '?force=hampshire&period=2017-18');
    const labels = await page.locator('#view-panel svg g[aria-label="text"] text').allTextContents();
    expect(labels).toEqual(['152']);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Chart (SVG)' }).click(),
    ]);
    const svg = await readFile((await download.path())!, 'utf8');
    expect(svg).toMatch(/<text[^>]*>152<\/text>/);
    await context.close();
  });
});
