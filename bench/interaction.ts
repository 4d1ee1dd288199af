/**
 * Interaction: filter changes in the built explorer, timed inside the page by bench/page/interact.js
 * (from the change to the new chart <svg> in '#view-panel' and the end of the frame that shows it), so that
 * no Playwright round trip is counted; after each, the floor: the same first chart drawn by the app's own
 * chart function from the same state, in the same page and host (bench/floor/harness.ts), timed the same way.
 * At a CPU slowdown (Chromium's Emulation.setCPUThrottlingRate) after the page has loaded, when asked.
 * Judged at 4x, where a phone is: the app within 1.5x of Plot drawing the same chart alone (what the app adds
 * to Plot is small), and within 120 ms (a change answered within about a tenth of a second feels immediate).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { VIEWPORT } from './browser.ts';
import { info, median, ms, p95, ratio, type Row } from './stats.ts';
import { steps, type Step, type StepKind } from './steps.ts';

const SCRIPT = readFileSync(join(import.meta.dirname, 'page', 'interact.js'), 'utf8');

export interface FloorResult {
  /** The address after the change (the app writes it 120 ms after a change that changes the state). */
  query: string;
  /** Building the view model from that address (not part of the floor). */
  model: number;
  /** Drawing the chart into the host, and to the end of that frame; null where the view draws no chart. */
  dom: number | null;
  frame: number | null;
  /** The floor's chart has the same markup as the app's. */
  same: boolean;
}
export interface StepResult extends Step {
  dom: number | null;
  frame: number | null;
  frames: number;
  floor: FloorResult | null;
}

/**
 * `target` changes that redraw a chart, in a fresh explorer page at `url`, with the floor harness module at
 * `floorUrl` added to the page once it is live; `cpuRate` > 1 slows the CPU down after the load.
 */
export async function runInteractions(
  browser: Browser,
  url: string,
  floorUrl: string,
  target: number,
  cpuRate = 1,
): Promise<StepResult[]> {
  // The bench's own page script and floor harness are evaluated as strings: the site's policy forbids that, so
  // this context (and only the bench's) lets them in. The app's own code runs under the policy as everywhere.
  const context = await browser.newContext({ viewport: VIEWPORT, bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('html[data-app="live"]', { state: 'attached', timeout: 15_000 });
    await page.waitForSelector('#view-panel svg', { timeout: 15_000 });
    await page.addScriptTag({ url: floorUrl, type: 'module' });
    await page.waitForFunction('window.__benchFloor !== undefined', undefined, { timeout: 15_000 });
    await page.evaluate('window.__benchFloor.ready');
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    await page.evaluate(SCRIPT);
    if (cpuRate !== 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    }
    // settleMs and addressMs: longer than the app waits before it writes its address (120 ms).
    const options = { target, pauseMs: 50, settleMs: 200, addressMs: 400 * cpuRate, maxFrames: 10 };
    return await page.evaluate(
      `window.__benchInteract(${JSON.stringify(steps(target * 2))}, ${JSON.stringify(options)})`,
    );
  } finally {
    await context.close();
  }
}

/** The interaction budgets, at the slowdown they are judged at. */
export const SLOW_CPU = 4;
const RATIO_BUDGET = 1.5;
const P95_BUDGET_MS = 120;
const KINDS: readonly StepKind[] = ['force', 'platform', 'period', 'year', 'tab'];

/** The budget rows at SLOW_CPU; at any other rate the same figures as info rows. */
export function interactionRows(
  results: readonly StepResult[],
  rate: number,
  log: (s: string) => void,
): Row[] {
  const drawn = results.filter((r) => r.frame !== null);
  const app = drawn.map((r) => r.frame!);
  const floored = drawn.filter((r) => r.floor?.frame != null);
  const floor = floored.map((r) => r.floor!.frame!);
  const model = drawn.flatMap((r) => (r.floor?.model != null ? [r.floor.model] : []));
  const at = `interaction ${rate}x`;
  const q = p95(app) / p95(floor);
  const judged = rate === SLOW_CPU;
  const rows: Row[] = [
    {
      measure: `${at}: app p95 / floor p95`,
      value: `${ratio(q)} (${ms(p95(app))} / ${ms(p95(floor))})`,
      budget: judged ? `<= ${RATIO_BUDGET}x` : '',
      ok: judged ? q <= RATIO_BUDGET : null,
    },
    {
      measure: `${at}: app p95, change to next paint`,
      value: ms(p95(app)),
      budget: judged ? `<= ${P95_BUDGET_MS} ms` : '',
      ok: judged ? p95(app) <= P95_BUDGET_MS : null,
    },
    info(
      `${at}: app median; floor median; view model p95`,
      `${ms(median(app))}; ${ms(median(floor))}; ${ms(p95(model))}`,
    ),
    info(
      `${at}: redrawn, not redrawn, floored (same markup)`,
      `${drawn.length}, ${results.length - drawn.length}, ${floored.length} (${floored.filter((r) => r.floor!.same).length})`,
    ),
    info(
      `${at}: app p95 ms by kind (n)`,
      KINDS.map((kind) => {
        const k = drawn.filter((r) => r.kind === kind).map((r) => r.frame!);
        return `${kind} ${p95(k).toFixed(1)} (${k.length})`;
      }).join(', '),
    ),
  ];
  const slow = [...drawn].sort((a, b) => b.frame! - a.frame!).slice(0, 5);
  log(
    `${at}: slowest ${slow
      .map(
        (r) =>
          `${r.kind} "${r.name}${r.value ? ` ${r.value}` : ''}" ${ms(r.frame!)} (floor ${r.floor?.frame != null ? ms(r.floor.frame) : 'n/a'})`,
      )
      .join('; ')}`,
  );
  return rows;
}
