/**
 * Long tasks at load: each address loaded `rounds` times in rotating order, each load in a fresh browser context
 * with the cache off, at 1x CPU. bench/page/load.js records when the app is live with its chart on screen and
 * the page's main-thread tasks over 50 ms until shortly after; the budget is on each load's longest task, as a
 * median over the loads, since one slow load on a shared machine says little about what a reader gets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { urlOf, type Address } from './addresses.ts';
import { freshPage } from './browser.ts';
import { median, ms, type Row } from './stats.ts';

const SCRIPT = readFileSync(join(import.meta.dirname, 'page', 'load.js'), 'utf8');
const DONE = 'bench:load ';
/** Let a closed context's teardown finish before the next load, so that it does not weigh on it. */
const SETTLE_MS = 200;
export const TASK_BUDGET_MS = 50;

/** A script that ran in a long animation frame (the Long Animation Frames API lists those over 5 ms). */
export interface ScriptRun {
  start: number;
  duration: number;
  url: string;
  fn: string;
  invoker: string;
}

export interface Timing {
  /** When the app ran with its chart on screen, ms from navigation start. */
  live: number;
  /** Main-thread tasks over 50 ms, until 500 ms after `live`. */
  tasks: { start: number; duration: number }[];
  scripts: ScriptRun[];
}

/** Loads `url` into `page` with bench/page/load.js and waits for its report; nothing is evaluated meanwhile. */
export async function timedLoad(page: Page, url: string): Promise<Timing> {
  await page.addInitScript({ content: SCRIPT });
  const done = page.waitForEvent('console', { predicate: (m) => m.text().startsWith(DONE), timeout: 20_000 });
  await page.goto(url, { waitUntil: 'commit' });
  return JSON.parse((await done).text().slice(DONE.length)) as Timing;
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

/**
 * `rounds` rounds over the addresses, the order rotating by one each round. No warm-up round of its own: run.ts
 * runs it after the weight, which has loaded every address once already.
 */
export async function loadRounds(
  browser: Browser,
  base: string,
  addresses: readonly Address[],
  rounds: number,
  log: (s: string) => void,
): Promise<Map<Address, Timing[]>> {
  const out = new Map<Address, Timing[]>(addresses.map((a) => [a, []]));
  for (let r = 0; r < rounds; r++) {
    const k = r % addresses.length;
    for (const a of [...addresses.slice(k), ...addresses.slice(0, k)]) {
      const { context, page } = await freshPage(browser);
      try {
        const t = await timedLoad(page, urlOf(base, a));
        out.get(a)!.push(t);
      } catch (e) {
        log(`load ${a.name}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      } finally {
        await context.close();
      }
      await new Promise((done) => setTimeout(done, SETTLE_MS));
    }
  }
  return out;
}

/** One row per address; stderr names the script that ran longest inside the worst load's longest task. */
export function longTaskRows(timings: Map<Address, Timing[]>, log: (s: string) => void): Row[] {
  return [...timings].map(([a, ts]) => {
    const measure = `longest task at load, 1x: ${a.name}`;
    if (!ts.length) return { measure, value: 'error: no load went live', budget: '', ok: false };
    const loads = ts.map(longestTask);
    const longest = median(loads.map((l) => l.duration));
    const worst = loads.reduce((x, y) => (y.duration > x.duration ? y : x));
    const over = loads.filter((l) => l.duration > TASK_BUDGET_MS).length;
    const s = worst.script;
    log(
      `long tasks ${a.name}: per load ${loads.map((l) => l.duration.toFixed(0)).join(' ')}; live at ` +
        `${ts.map((t) => t.live.toFixed(0)).join(' ')} ms; worst ${ms(worst.duration, 0)}` +
        (s ? `, mostly ${s.url ? new URL(s.url).pathname : '(no URL)'} ${s.fn} (${s.invoker})` : ''),
    );
    return {
      measure,
      value: `${ms(longest, 0)} (max ${ms(worst.duration, 0)}; ${over} of ${loads.length} loads over 50 ms)`,
      budget: `<= ${TASK_BUDGET_MS} ms`,
      ok: longest <= TASK_BUDGET_MS,
    };
  });
}
