/**
 * `npm run bench`: the performance budgets of DESIGN.md, each measured side by side in one run.
 * Prints one table (measure, value, budget, ok) and exits 1 when a budget is missed. See bench/README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import {
  ADDRESSES,
  FIRST_CHART_BUDGET,
  HTML_FILE,
  WEIGHT_BUDGET,
  staticFile,
  urlOf,
  type Address,
} from './addresses.ts';
import { launch } from './browser.ts';
import { firstChartRounds, longestTask, type Timing } from './first-chart.ts';
import { buildFloor, FLOOR_MODULE } from './floor.ts';
import { runInteractions, type StepResult } from './interaction.ts';
import { runLighthouse, type LighthouseResult } from './lighthouse.ts';
import { runScale, scaleRows } from './scale.ts';
import { buildApp, DIST, OUT, ROOT, serve, type Served } from './server.ts';
import { info, kB, median, ms, p95, printTable, ratio, type Row } from './stats.ts';
import { capture, staticPage, sumKind, type Capture } from './weight.ts';

const INTERACTIONS = 100;
/** The CPU slowdown of the interaction budget. */
const SLOW_CPU = 4;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

const started = performance.now();
const log = (s: string) => {
  const t = ((performance.now() - started) / 1000).toFixed(1).padStart(5);
  process.stderr.write(`[${t} s] ${s}\n`);
};
const rows: Row[] = [];
const failed = (measure: string, e: unknown): Row => ({
  measure,
  value: `error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
  budget: '',
  ok: false,
});
/** Raw results, kept in bench/out/results.json. */
const raw: Record<string, unknown> = {};

mkdirSync(OUT, { recursive: true });

// Scale (Node only) first, while no browser competes for the two cores.
log('scale: generating synthetic rows; timing makeContext + timeView against the typed-array loops');
try {
  const results = await runScale(join(ROOT, 'data'), log);
  raw.scale = results;
  rows.push(...scaleRows(results));
} catch (e) {
  rows.push(failed('scale', e));
}

log('building the app (vite build, NODE_ENV=production) into bench/out/dist, and the floor harness');
let served: Served | undefined;
let browser: Browser | undefined;
try {
  await buildApp();
  await buildFloor();
  served = await serve();
  browser = await launch();
  await browserBudgets(browser, served.base);
  await browser.close();
  browser = undefined;
  // Lighthouse last, on its own Chromium, with no other browser running.
  await lighthouseBudgets(served.base);
} catch (e) {
  rows.push(failed('build, server or Chromium', e));
} finally {
  await browser?.close();
  await served?.server.close();
}

writeFileSync(join(OUT, 'results.json'), JSON.stringify(raw, null, 1));
log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s; raw results in bench/out/results.json`);
process.stdout.write(`\n${printTable(rows)}\n`);
const misses = rows.filter((r) => r.ok === false).length;
process.stdout.write(misses ? `\n${misses} budget(s) missed\n` : '\nall budgets met\n');
process.exitCode = misses ? 1 : 0;

async function browserBudgets(browser: Browser, base: string): Promise<void> {
  // Weight, and each address's chart(s) for its static page: one load of each address.
  log('weight: loading each address once, recording what Chromium fetches and the charts it draws');
  const captures = new Map<Address, Capture>();
  const later: string[] = [];
  for (const a of ADDRESSES) {
    const measure = `weight ${a.name}: gzip to first chart`;
    const limit = WEIGHT_BUDGET[a.page];
    try {
      const c = await capture(browser, urlOf(base, a), join(DIST, HTML_FILE[a.page]));
      captures.set(a, c);
      const missing = c.fromHtml.filter((p) => !c.files.some((f) => f.path === p));
      log(
        `weight ${a.name} (${a.query || 'default'}): live at ${ms(c.live, 0)}; HTML names ${c.fromHtml.length} files` +
          `${missing.length ? ` (${missing.join(', ')} not fetched)` : ''}; fetched: ` +
          c.files
            .slice()
            .sort((x, y) => x.end - y.end)
            .map(
              (f) =>
                `${f.path} ${kB(f.gzip)} at ${Number.isFinite(f.end) ? ms(f.end, 0) : '?'}${f.end > c.live ? ' (later)' : ''}`,
            )
            .join(', '),
      );
      const parts = (['js', 'css', 'html', 'data'] as const).map(
        (k) => `${k} ${(sumKind(c, k) / 1000).toFixed(1)}`,
      );
      rows.push({
        measure,
        value: `${kB(c.first)} (${parts.join(', ')})`,
        budget: `<= ${limit / 1000} kB`,
        ok: c.first <= limit,
      });
      later.push(`${a.name} ${(c.later / 1000).toFixed(1)}`);
      writeFileSync(join(OUT, staticFile(a)), staticPage(c, `${a.page} ${a.query || '(default)'}`));
      writeFileSync(join(DIST, staticFile(a)), staticPage(c, `${a.page} ${a.query || '(default)'}`));
    } catch (e) {
      rows.push(failed(measure, e));
    }
  }
  rows.push(info('weight: fetched after the first chart, kB', later.join(', ')));
  raw.weight = Object.fromEntries([...captures].map(([a, c]) => [a.name, { ...c, charts: c.charts.length }]));

  // First chart against the static page with the same chart(s); long tasks in the same loads.
  const measured = ADDRESSES.filter((a) => captures.has(a));
  const pages: Record<string, string> = {};
  for (const a of measured) {
    pages[a.name] = urlOf(base, a);
    pages[`static ${a.name}`] = `${base}${staticFile(a)}`;
  }
  log(`first chart: ${ROUNDS} rounds of ${Object.keys(pages).length} pages in rotating order`);
  try {
    const t = await firstChartRounds(browser, pages, ROUNDS, log);
    raw.firstChart = t;
    const dom = (name: string) => median(t[name]!.map((x) => x.dom));
    for (const a of measured) {
      const r = dom(a.name) / dom(`static ${a.name}`);
      const limit = FIRST_CHART_BUDGET[a.page];
      rows.push({
        measure: `first chart ${a.name} / static`,
        value: `${ratio(r)} (${ms(dom(a.name))} / ${ms(dom(`static ${a.name}`))})`,
        budget: `<= ${limit}x`,
        ok: r <= limit,
      });
    }
    const painted = (name: string) => median(t[name]!.map((x) => x.frame));
    rows.push(
      info(
        'first chart painted (end of its frame), app / static',
        measured.map((a) => `${a.name} ${ratio(painted(a.name) / painted(`static ${a.name}`))}`).join(', '),
      ),
    );
    const live = (name: string) => median(t[name]!.map((x) => x.live ?? Number.NaN));
    rows.push(
      info(
        'first chart: app live, median ms',
        measured.map((a) => `${a.name} ${live(a.name).toFixed(0)}`).join(', '),
      ),
    );
    longTaskRows(measured, t);
  } catch (e) {
    rows.push(failed('first chart', e));
  }

  // Interaction against its floor, at 1x and at a 4x CPU slowdown.
  const explorer = urlOf(base, ADDRESSES[0]!);
  for (const rate of [1, SLOW_CPU]) {
    log(
      `interaction ${rate}x: ${INTERACTIONS} filter changes that redraw a chart, each followed by its floor`,
    );
    try {
      const results = await runInteractions(browser, explorer, `${base}${FLOOR_MODULE}`, INTERACTIONS, rate);
      raw[`interaction${rate}x`] = results;
      interactionRows(results, rate);
    } catch (e) {
      rows.push(failed(`interaction ${rate}x`, e));
    }
  }
}

function longTaskRows(measured: readonly Address[], t: Record<string, Timing[]>): void {
  for (const a of measured) {
    const loads = t[a.name]!.map(longestTask);
    const longest = median(loads.map((l) => l.duration));
    const worst = loads.reduce((x, y) => (y.duration > x.duration ? y : x));
    const over = loads.filter((l) => l.duration > 50).length;
    rows.push({
      measure: `longest task at load ${a.name}`,
      value: `${ms(longest, 0)} (max ${ms(worst.duration, 0)}; ${over} of ${loads.length} loads over 50 ms)`,
      budget: '<= 50 ms',
      ok: longest <= 50,
    });
    const s = worst.script;
    log(
      `long tasks ${a.name}: per load ${loads.map((l) => l.duration.toFixed(0)).join(' ')}; longest ` +
        (s
          ? `${ms(worst.duration, 0)}, mostly ${s.url ? new URL(s.url).pathname : '(no URL)'} ${s.fn || ''} (${s.invoker}) ${ms(s.duration, 0)}`
          : `${ms(worst.duration, 0)}, script unknown`),
    );
  }
  const statics = measured.map((a) => {
    const loads = t[`static ${a.name}`]!.map(longestTask);
    return `${a.name} ${median(loads.map((l) => l.duration)).toFixed(0)}`;
  });
  rows.push(info('longest task, static pages (to first frame), ms', statics.join(', ')));
}

function interactionRows(results: readonly StepResult[], rate: number): void {
  const drawn = results.filter((r) => r.frame !== null);
  const app = drawn.map((r) => r.frame!);
  const floored = drawn.filter((r) => r.floor?.frame != null);
  const floor = floored.map((r) => r.floor!.frame!);
  const model = drawn.flatMap((r) => (r.floor?.model != null ? [r.floor.model] : []));
  const at = `interaction ${rate}x`;
  const q = p95(app) / p95(floor);
  if (rate === 1)
    rows.push({
      measure: `${at}: app p95 / floor p95`,
      value: `${ratio(q)} (${ms(p95(app))} / ${ms(p95(floor))})`,
      budget: '<= 1.5x',
      ok: q <= 1.5,
    });
  else {
    rows.push({
      measure: `${at}: app p95, change to next paint`,
      value: ms(p95(app)),
      budget: '<= 100 ms',
      ok: p95(app) <= 100,
    });
    rows.push(info(`${at}: app p95 / floor p95`, `${ratio(q)} (${ms(p95(app))} / ${ms(p95(floor))})`));
  }
  rows.push(
    info(
      `${at}: app median, p95; floor median; view model p95`,
      `${ms(median(app))}, ${ms(p95(app))}; ${ms(median(floor))}; ${ms(p95(model))}`,
    ),
  );
  const same = floored.filter((r) => r.floor!.same).length;
  rows.push(
    info(
      `${at}: redrawn, not redrawn, floored (same markup)`,
      `${drawn.length}, ${results.length - drawn.length}, ${floored.length} (${same})`,
    ),
  );
  const byKind = (['force', 'platform', 'period', 'year', 'tab'] as const).map((kind) => {
    const k = drawn.filter((r) => r.kind === kind).map((r) => r.frame!);
    return `${kind} ${p95(k).toFixed(1)} (${k.length})`;
  });
  rows.push(info(`${at}: app p95 ms by kind (n)`, byKind.join(', ')));
  const slow = drawn
    .slice()
    .sort((a, b) => b.frame! - a.frame!)
    .slice(0, 5);
  log(
    `${at}: slowest ${slow
      .map(
        (r) =>
          `${r.kind} "${r.name}${r.value ? ` ${r.value}` : ''}" ${ms(r.frame!)} (floor ${r.floor?.frame != null ? ms(r.floor.frame) : 'n/a'})`,
      )
      .join('; ')}`,
  );
}

async function lighthouseBudgets(base: string): Promise<void> {
  const results: Record<string, LighthouseResult> = {};
  for (const a of ADDRESSES.filter((x) => x.lighthouse)) {
    const url = urlOf(base, a);
    log(`lighthouse ${a.name}: ${url}`);
    const at = `lighthouse ${a.name}`;
    try {
      const r = await runLighthouse(url, join(OUT, `lighthouse-${a.name.replace(/[^a-z0-9]+/g, '-')}.json`));
      results[a.name] = r;
      const s = r.scores;
      const score = (v: number | null) => (v === null ? 'n/a' : v.toFixed(2));
      rows.push({
        measure: `${at}: performance, accessibility, best practices`,
        value: `${score(s.performance)}, ${score(s.accessibility)}, ${score(s['best-practices'])}`,
        budget: '>= 0.95, 1, 1',
        ok: (s.performance ?? 0) >= 0.95 && s.accessibility === 1 && s['best-practices'] === 1,
      });
      rows.push({
        measure: `${at}: total blocking time`,
        value: ms(r.tbt, 0),
        budget: '<= 150 ms',
        ok: r.tbt <= 150,
      });
      const u = r.unusedJs;
      rows.push(
        info(
          `${at}: LCP; top unused JS`,
          `${ms(r.lcp, 0)}; ${u ? `${new URL(u.url).pathname} ${kB(u.wasted)} (all files ${kB(u.total)})` : 'none'}`,
        ),
      );
      const list = (fs: LighthouseResult['opportunities']) =>
        fs.length ? fs.map((f) => `${f.title}${f.display ? ` ${f.display}` : ''}`).join('; ') : 'none';
      log(`${at}: opportunities: ${list(r.opportunities)}`);
      log(`${at}: diagnostics: ${list(r.diagnostics)}`);
      if (r.failing.length) log(`${at}: failing accessibility / best practices: ${list(r.failing)}`);
    } catch (e) {
      rows.push(failed(at, e));
    }
  }
  raw.lighthouse = results;
}
