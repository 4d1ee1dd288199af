/**
 * First chart: time from navigation start to the first chart's <svg> in '#view-panel', for a static page
 * holding the explorer's first chart as inline SVG, the explorer and the embed page (whose default view comes
 * in their HTML), and both at a filtered address (drawn by the app), all served by the same server and loaded
 * in rotating order, each in a fresh browser context with the cache disabled. Also records when the app runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { freshPage } from './browser.ts';

const SCRIPT = readFileSync(join(import.meta.dirname, 'page', 'first-chart.js'), 'utf8');

const SETTLE_MS = 200;
const DONE = 'bench:first-chart ';

export interface Timing {
  dom: number;
  frame: number;
  /** When the app ran with its chart on screen; null on the static page. */
  live: number | null;
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
    // The page says when it is done (a console line); nothing is evaluated in it while it loads.
    const done = page.waitForEvent('console', {
      predicate: (m) => m.text().startsWith(DONE),
      timeout: 15_000,
    });
    await page.goto(url, { waitUntil: 'commit' });
    return JSON.parse((await done).text().slice(DONE.length)) as Timing;
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
      // Let the closed context's teardown finish before the next load, so it does not weigh on it.
      await new Promise((done) => setTimeout(done, SETTLE_MS));
    }
  }
  for (const name of names)
    log(`first chart ${name} (dom ms): ${out[name]!.map((t) => t.dom.toFixed(0)).join(' ')}`);
  return out;
}
