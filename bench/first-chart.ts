/**
 * First chart: time from navigation start to the first chart's <svg> in '#view-panel', for each address and
 * for a static page holding the same chart(s) as inline SVG, all served by the same server and loaded in
 * rotating order, each in a fresh browser context with the cache disabled. The same loads record when the app
 * runs and the page's long tasks until 500 ms after that (bench/page/first-chart.js).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { freshPage } from './browser.ts';

export const FIRST_CHART_SCRIPT = readFileSync(join(import.meta.dirname, 'page', 'first-chart.js'), 'utf8');
export const DONE = 'bench:first-chart ';

const SETTLE_MS = 200;

/** A script that ran in a long animation frame (the Long Animation Frames API lists those over 5 ms). */
export interface ScriptRun {
  start: number;
  duration: number;
  url: string;
  fn: string;
  invoker: string;
}

export interface Timing {
  dom: number;
  frame: number;
  /** When the app ran with its chart on screen; null on the static page. */
  live: number | null;
  /** Main-thread tasks over 50 ms, until 500 ms after `live` (on the static page: until `frame`). */
  tasks: { start: number; duration: number }[];
  scripts: ScriptRun[];
}

/** The load's longest task (0 when none was over 50 ms) and the longest script run inside it, if known. */
export function longestTask(t: Timing): { duration: number; script: ScriptRun | null } {
  const task = t.tasks.reduce<Timing['tasks'][number] | null>(
    (a, b) => (!a || b.duration > a.duration ? b : a),
    null,
  );
  if (!task) return { duration: 0, script: null };
  const inside = t.scripts.filter((s) => s.start >= task.start - 1 && s.start < task.start + task.duration);
  const script = inside.reduce<ScriptRun | null>((a, b) => (!a || b.duration > a.duration ? b : a), null);
  return { duration: task.duration, script };
}

export async function firstChart(browser: Browser, url: string): Promise<Timing> {
  const { context, page } = await freshPage(browser);
  try {
    await page.addInitScript({ content: FIRST_CHART_SCRIPT });
    // The page says when it is done (a console line); nothing is evaluated in it while it loads.
    const done = page.waitForEvent('console', {
      predicate: (m) => m.text().startsWith(DONE),
      timeout: 20_000,
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
