/**
 * First chart: time from navigation start to the first chart's <svg> in '#view-panel', for a static page
 * holding the explorer's first chart as inline SVG, the explorer and the embed page, all served by the same
 * server and loaded in rotating order, each in a fresh browser context with the cache disabled.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { freshPage } from './browser.ts';

const SCRIPT = readFileSync(join(import.meta.dirname, 'page', 'first-chart.js'), 'utf8');

export interface Timing {
  dom: number;
  frame: number;
}

export function staticPage(svg: string): string {
  return `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Benchmark: the explorer's first chart as a static page</title>
  </head>
  <body>
    <div id="view-panel">${svg}</div>
  </body>
</html>
`;
}

export async function firstChart(browser: Browser, url: string): Promise<Timing> {
  const { context, page } = await freshPage(browser);
  try {
    await page.addInitScript({ content: SCRIPT });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => (window as unknown as { __benchFirstChart: Timing }).__benchFirstChart.frame !== null,
      undefined,
      { timeout: 15_000, polling: 50 },
    );
    return await page.evaluate(() => (window as unknown as { __benchFirstChart: Timing }).__benchFirstChart);
  } finally {
    await context.close();
  }
}

/**
 * `rounds` rounds over the pages, the order rotating by one each round, after one warm-up round.
 * Returns the timings per page name.
 */
export async function firstChartRounds(
  browser: Browser,
  pages: Record<string, string>,
  rounds: number,
  log: (s: string) => void,
): Promise<Record<string, Timing[]>> {
  const names = Object.keys(pages);
  const out: Record<string, Timing[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = -1; r < rounds; r++) {
    const k = Math.max(r, 0) % names.length;
    const order = [...names.slice(k), ...names.slice(0, k)];
    for (const name of order) {
      const t = await firstChart(browser, pages[name]!);
      if (r >= 0) out[name]!.push(t);
    }
  }
  for (const name of names)
    log(`first chart ${name} (dom ms): ${out[name]!.map((t) => t.dom.toFixed(0)).join(' ')}`);
  return out;
}
