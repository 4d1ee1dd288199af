/**
 * Possibly incomplete figures in the built app: Hampshire's Over time chart shows 2020/21 (18) and 2023/24 (95),
 * whose notes say "possibly partial", with their own mark, a "?", words in the tooltips, legend and notes, and
 * no line through them: on screen, in the SVG download and in the embed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { baseURL, launch, openPage } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const HAMPSHIRE = '?force=hampshire';
const FLAGGED = { f0152: '18?', f0156: '95?' } as const;

/** Where a linked mark is drawn, [x, y]. */
const markAt = async (root: Page | Frame, id: string): Promise<[number, number]> => {
  const t = await root.locator(`#view-panel a[data-figure="${id}"] path`).getAttribute('transform');
  const [x, y] = /translate\(([^,]*),([^)]*)\)/
    .exec(t ?? '')!
    .slice(1)
    .map(Number);
  return [x!, y!];
};

/** Whether a line's path runs through the point (within half a pixel: the path and the marks round alike). */
const through = (d: string, [x, y]: [number, number]) =>
  [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].some(
    (m) => Math.abs(Number(m[1]) - x) < 0.5 && Math.abs(Number(m[2]) - y) < 0.5,
  );

/** What a reader of the chart in `root` is shown for the flagged years. */
async function expectFlagged(root: Page | Frame) {
  await root.locator('#view-panel a[data-figure="f0152"]').waitFor();
  const lines = await root
    .locator('#view-panel svg g[aria-label="line"] path')
    .evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
  expect(lines.length).toBeGreaterThan(0);
  for (const id of Object.keys(FLAGGED)) {
    const tip = await root.locator(`#view-panel a[data-figure="${id}"]`).getAttribute('data-tip');
    expect(tip).toContain('possibly incomplete');
    const at = await markAt(root, id);
    for (const d of lines) expect(through(d, at), id).toBe(false);
  }
  // 2019/20 (291) is on the line: the line is drawn, only not through the flagged years.
  const joined = await markAt(root, 'f0151');
  expect(lines.some((d) => through(d, joined))).toBe(true);
  const labels = await root.locator('#view-panel svg g[aria-label="text"] text').allTextContents();
  expect(labels).toEqual(expect.arrayContaining(Object.values(FLAGGED)));
  await expect(
    root.getByRole('list', { name: 'Series' }).locator('li', { hasText: 'possibly incomplete' }).count(),
  ).resolves.toBe(1);
}

describe("Hampshire's Over time chart: 2020/21 and 2023/24 possibly incomplete", () => {
  it('on screen, with the words in the legend, the tooltips and the notes', async () => {
    const { page, context, errors } = await openPage(browser, HAMPSHIRE);
    await expectFlagged(page);
    await expect(page.locator('ul.notes').textContent()).resolves.toContain('the line stops at it');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('in the SVG download', async () => {
    const { page, context } = await openPage(browser, HAMPSHIRE);
    await page.locator('#view-panel a[data-figure="f0152"]').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Chart (SVG)' }).click(),
    ]);
    const svg = await readFile((await download.path())!, 'utf8');
    for (const label of Object.values(FLAGGED))
      expect(svg).toMatch(new RegExp(`<text[^>]*>${label.replace('?', '\\?')}</text>`));
    expect(svg).toContain('2020/21 18 (possibly incomplete)');
    expect(svg).toContain('2023/24 95 (possibly incomplete)');
    // The chart's notes are stamped in: the mark's meaning travels with the file.
    expect(svg).toContain('possibly incomplete: its source, or a cross-check of the data');
    await context.close();
  });

  it('in the embed', async () => {
    const { page, context, errors } = await openPage(browser, null);
    await page.goto(new URL(`embed.html${HAMPSHIRE}`, baseURL()).href);
    await expectFlagged(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});
