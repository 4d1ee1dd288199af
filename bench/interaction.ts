/**
 * Interaction: filter changes in the built explorer, timed inside the page by bench/page/interact.js
 * (from the change to the new chart <svg> in '#view-panel' and the end of the frame that shows it), so that
 * no Playwright round trip is counted; after each, the floor: the same first chart drawn by the app's own
 * chart function from the same state, in the same page and host (bench/floor/harness.ts), timed the same way.
 * At a CPU slowdown (Chromium's Emulation.setCPUThrottlingRate) after the page has loaded, when asked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { VIEWPORT } from './browser.ts';
import { random } from './synthetic.ts';

const SCRIPT = readFileSync(join(import.meta.dirname, 'page', 'interact.js'), 'utf8');

export type StepKind = 'force' | 'platform' | 'period' | 'year' | 'tab';
export interface Step {
  kind: StepKind;
  /** The control's label (tab text; "From" or "to" for the year selects). */
  name: string;
  /** For 'year': the option value, e.g. "2019-20". */
  value?: string;
}
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

const FORCES = [
  'Kent',
  'Essex',
  'Lancashire',
  'West Midlands',
  'Thames Valley',
  'Surrey',
  'North Wales',
  'South Wales',
  'Greater Manchester',
  'Sussex',
];
const PLATFORMS = [
  'Snapchat',
  'Facebook',
  'Meta (all its apps)',
  'Instagram',
  'Snap (all its apps)',
  'WhatsApp',
];
const PERIODS = [
  '18 months (Apr 2017–Sep 2018)',
  'First six months (Apr–Oct 2017)',
  'July 2020–March 2021',
  'April–September 2018',
];
/** The force and period with the most platform records, so that platform changes have bars to redraw. */
const PLATFORM_AREA = 'Hampshire';
const PLATFORM_PERIOD = 'First nine months (Apr 2017–Jan 2018)';
const YEARS = ['2017-18', '2018-19', '2019-20', '2020-21', '2021-22', '2022-23', '2023-24', '2024-25'];

/** Cycles through a list, keeping at most `max` items chosen: each call ticks one on, or the oldest off. */
function toggler(items: readonly string[], max: number): () => string {
  const on: string[] = [];
  let next = 0;
  return () => {
    if (on.length >= max) return on.shift()!;
    const name = items[next++ % items.length]!;
    on.push(name);
    return name;
  };
}

/**
 * A fixed, varied sequence of changes: on "Over time", forces, periods and year ranges; on "Platforms",
 * Hampshire and the first nine months (which have the most platform records) ticked, then platforms and a
 * force, then both unticked; on "Forces", forces, years and periods; a tab change between each block.
 * Only tabs that draw charts are used. The explorer starts on "Over time" with nothing chosen.
 * Kind "force" covers any checkbox of the "Force or area" filter.
 */
export function steps(count: number): Step[] {
  const rnd = random(6);
  const force = toggler(FORCES, 2);
  const platform = toggler(PLATFORMS, 2);
  const period = toggler(PERIODS, 1);
  let [from, to] = [0, YEARS.length - 1];
  let which = 0;
  const year = (): Step => {
    if (which++ % 2 === 0) {
      from = Math.floor(rnd() * (to + 1));
      return { kind: 'year', name: 'From', value: YEARS[from]! };
    }
    to = from + Math.floor(rnd() * (YEARS.length - from));
    return { kind: 'year', name: 'to', value: YEARS[to]! };
  };
  const f = (): Step => ({ kind: 'force', name: force() });
  const pl = (): Step => ({ kind: 'platform', name: platform() });
  const pe = (): Step => ({ kind: 'period', name: period() });
  const tab = (name: string): Step => ({ kind: 'tab', name });
  const out: Step[] = [];
  while (out.length < count) {
    out.push(f(), f(), pe(), year(), f(), year(), tab('Platforms'));
    const area: Step = { kind: 'force', name: PLATFORM_AREA };
    const round: Step = { kind: 'period', name: PLATFORM_PERIOD };
    out.push(area, round, pl(), pl(), f(), pl(), pl(), round, area, tab('Forces'));
    out.push(f(), year(), f(), pe(), tab('Over time'));
  }
  return out;
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
