/**
 * `npm run bench`: the performance budgets, each measured side by side in one run on the built app served by
 * nginx with the shipped config. Prints one table (measure, value, budget, ok), writes it to bench/RESULTS.md
 * with the date, commit and machine, and exits 1 when a budget is missed. See bench/README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ADDRESSES, urlOf } from './addresses.ts';
import { launch } from './browser.ts';
import { buildFloor, FLOOR_MODULE } from './floor.ts';
import { interactionRows, runInteractions, SLOW_CPU } from './interaction.ts';
import { lighthouseRows, lighthouseRuns } from './lighthouse-budgets.ts';
import { loadRounds, longTaskRows } from './load.ts';
import { commit, loadAverage, writeResults } from './results.ts';
import { buildApp, DIST, OUT, ROOT, serve, type Served } from './server.ts';
import { failed, kB, ms, printTable, type Row } from './stats.ts';
import { weightRows } from './weight.ts';
import { measureImport } from './import-scale.ts';

/** Lighthouse runs per address (the median is judged), loads per address for the long tasks, filter changes. */
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const INTERACTIONS = 100;

const date = new Date();
const sha = commit(ROOT);
const loadAtStart = loadAverage();
const started = performance.now();
const log = (s: string) => {
  const t = ((performance.now() - started) / 1000).toFixed(1).padStart(5);
  process.stderr.write(`[${t} s] ${s}\n`);
};
const rows: Row[] = [];
/** Raw results, kept in bench/out/results.json. */
const raw: Record<string, unknown> = {};

mkdirSync(OUT, { recursive: true });
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
  // Lighthouse last, each run on a Chromium of its own, with no other browser running.
  log(`lighthouse: ${LIGHTHOUSE_RUNS} run(s) at each of ${ADDRESSES.length} addresses`);
  const results = await lighthouseRuns(served.base, OUT, ADDRESSES, LIGHTHOUSE_RUNS, log);
  raw.lighthouse = Object.fromEntries([...results].map(([a, r]) => [a.name, r]));
  rows.push(...lighthouseRows(results));
} catch (e) {
  rows.push(failed('build, server or Chromium', e));
} finally {
  await browser?.close();
  await served?.server.close();
}

const seconds = (performance.now() - started) / 1000;
writeFileSync(join(OUT, 'results.json'), JSON.stringify(raw, null, 1));
writeResults(
  join(ROOT, 'bench', 'RESULTS.md'),
  rows,
  {
    date,
    seconds,
    load: [loadAtStart, loadAverage()],
    settings: `${LIGHTHOUSE_RUNS} Lighthouse runs and ${ROUNDS} loads per address, ${INTERACTIONS} filter changes`,
  },
  sha,
);
log(`done in ${seconds.toFixed(0)} s; raw results in bench/out/results.json, the table in bench/RESULTS.md`);
process.stdout.write(`\n${printTable(rows)}\n`);
const misses = rows.filter((r) => r.ok === false).length;
process.stdout.write(misses ? `\n${misses} budget(s) missed\n` : '\nall budgets met\n');
process.exitCode = misses ? 1 : 0;

async function browserBudgets(browser: Browser, base: string): Promise<void> {
  log('weight: loading each address once, weighing what Chromium fetches before the first chart');
  const weight = await weightRows(browser, base, DIST, ADDRESSES, log);
  raw.weight = weight.raw;
  rows.push(...weight.rows);

  // After the weight, whose loads have warmed nginx and Chromium at every address.
  log(`long tasks at load: ${ROUNDS} rounds over ${ADDRESSES.length} addresses in rotating order`);
  try {
    const timings = await loadRounds(browser, base, ADDRESSES, ROUNDS, log);
    raw.loads = Object.fromEntries([...timings].map(([a, t]) => [a.name, t]));
    rows.push(...longTaskRows(timings, log));
  } catch (e) {
    rows.push(failed('longest task at load', e));
  }

  // The explorer is the page with filters (the embed has none); the changes go through all its charted views.
  const explorer = urlOf(base, ADDRESSES[0]!);
  for (const rate of [1, SLOW_CPU]) {
    log(
      `interaction ${rate}x: ${INTERACTIONS} filter changes that redraw a chart, each followed by its floor`,
    );
    try {
      const results = await runInteractions(browser, explorer, `${base}${FLOOR_MODULE}`, INTERACTIONS, rate);
      raw[`interaction${rate}x`] = results;
      rows.push(...interactionRows(results, rate, log));
    } catch (e) {
      rows.push(failed(`interaction ${rate}x`, e));
    }
  }

  try {
    const r = await measureImport(base, browser);
    raw.import = r;
    rows.push(...importBudgets(r));
  } catch (e) {
    rows.push(failed('import 5 MB', e));
  }
}

type ImportResult = Awaited<ReturnType<typeof measureImport>>;

/**
 * The import budgets: the largest file the import accepts (5 MB), a size a person can reach, answered within
 * 3 s, with the page responsive (no task over 100 ms) and saying how far it is meanwhile.
 */
function importBudgets(r: ImportResult): Row[] {
  const at = `import ${kB(r.bytes)}, ${r.rows} rows`;
  return [
    {
      measure: `${at}: choosing the file to the redrawn chart, 1x`,
      value: ms(r.totalMs, 0),
      budget: '<= 3000 ms',
      ok: r.totalMs <= 3000,
    },
    {
      measure: `${at}: longest main-thread task meanwhile`,
      value: ms(r.longestTaskMs, 0),
      budget: '<= 100 ms',
      ok: r.longestTaskMs <= 100,
    },
    {
      measure: `${at}: progress shown`,
      value: r.progressSeen ? 'yes' : 'no',
      budget: 'yes',
      ok: r.progressSeen,
    },
  ];
}
