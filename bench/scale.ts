/**
 * Scale: the data path the Over time view runs, over 10k, 100k and 1M synthetic rows, against typed-array
 * loops doing the same work (bench/loop.ts), timed alternately in one process. The path has two parts, timed
 * apart in each run: load, `makeContext(ds)` (every row resolved into facts and indexed, once per dataset:
 * src/App.svelte and src/Embed.svelte call it when the figures arrive), and redraw, `timeView(ctx, state)`
 * (the selected areas and periods looked up, the forces totalled per financial year: what a filter change
 * runs). The budgets apply to the two together, the path DESIGN.md names: rows resolved, filtered and
 * aggregated.
 */
import type { ColumnTable } from 'arquero';
import { readFile } from 'node:fs/promises';
import { buildDataset, dataFilesIn, loadTable, type Dataset } from '../src/lib/data/load.ts';
import { makeContext } from '../src/lib/views/context.ts';
import type { ViewState } from '../src/lib/views/state.ts';
import { timeView } from '../src/lib/views/time.ts';
import { loopResolve, loopView, toMasks, toTyped, type LoopPoint, type Masks, type Typed } from './loop.ts';
import { syntheticFigures } from './synthetic.ts';
import { info, median, ms, ratio, type Row } from './stats.ts';

export const SIZES = [10_000, 100_000, 1_000_000];
/** Warm-up runs at the first size only: the later sizes run code that is already warm. */
const WARMUPS = 2;
const RUNS = 9;
/**
 * Runs at a size whose first run takes longer than SLOW_MS: a guard for a slower load than today's (one load
 * at 1M takes 200 to 300 ms here).
 */
const SLOW_RUNS = 3;
const SLOW_MS = 1000;

/** Ten forces (the four Welsh ones among them), eight financial years and two NSPCC rounds. */
const AREAS = [
  'dyfed-powys',
  'gwent',
  'north-wales',
  'south-wales',
  'hampshire',
  'kent',
  'essex',
  'west-midlands',
  'greater-manchester',
  'thames-valley',
];
const PERIODS = [
  '2017-04-03..2018-03-31',
  '2018-04-01..2019-03-31',
  '2019-04-01..2020-03-31',
  '2020-04-01..2021-03-31',
  '2021-04-01..2022-03-31',
  '2022-04-01..2023-03-31',
  '2023-04-01..2024-03-31',
  '2024-04-01..2025-03-31',
  '2017-04-03..2018-01-02',
  '2017-04-03..2018-09-30',
];

/** The Over time view, at counts, for the ten forces and ten periods. */
export function scaleState(ds: Dataset): ViewState {
  return {
    view: 'time',
    areas: AREAS,
    platforms: [],
    periods: PERIODS.map((key) => {
      const p = ds.periodByKey.get(key);
      if (!p) throw new Error(`no period ${key}`);
      return p.id;
    }),
    focus: null,
    likeForLike: false,
    per: 'count',
  };
}

export interface PathResult {
  facts: number;
  points: LoopPoint[];
}

/** The app's path: makeContext (load) then timeView (redraw), each timed. */
export function appPath(ds: Dataset, state: ViewState): { load: number; redraw: number; out: PathResult } {
  const t0 = performance.now();
  const ctx = makeContext(ds);
  const t1 = performance.now();
  const view = timeView(ctx, state);
  const t2 = performance.now();
  const points = view.points.map((p) => ({
    series: p.series,
    period: p.period,
    lo: p.lo,
    hi: p.hi,
    id: p.fact?.preferred.id ?? '',
    reported: p.coverage?.n ?? 0,
    disagree: p.disagree,
  }));
  return { load: t1 - t0, redraw: t2 - t1, out: { facts: ctx.index.facts.length, points } };
}

/** The loops' path: the same two parts over typed arrays. */
export function loopPath(
  ds: Dataset,
  typed: Typed,
  masks: Masks,
): { load: number; redraw: number; out: PathResult } {
  const t0 = performance.now();
  const resolved = loopResolve(typed, ds.areas.size, ds.periods.length);
  const t1 = performance.now();
  const points = loopView(ds, typed, resolved, masks);
  const t2 = performance.now();
  return { load: t1 - t0, redraw: t2 - t1, out: { facts: resolved.facts, points } };
}

interface Part {
  load: number;
  redraw: number;
  /** load + redraw, per run. */
  path: number;
}
export interface ScaleResult {
  n: number;
  runs: number;
  /** Medians. */
  app: Part;
  loop: Part;
  equal: boolean;
  facts: number;
  points: number;
}

const medians = (runs: readonly { load: number; redraw: number }[]): Part => ({
  load: median(runs.map((r) => r.load)),
  redraw: median(runs.map((r) => r.redraw)),
  path: median(runs.map((r) => r.load + r.redraw)),
});

export async function runScale(dataDir: string, log: (s: string) => void): Promise<ScaleResult[]> {
  const files = dataFilesIn(dataDir);
  const small = {
    sources: await loadTable(files.sources, (path) => readFile(path, 'utf8')),
    areas: await loadTable(files.areas, (path) => readFile(path, 'utf8')),
    periods: await loadTable(files.periods, (path) => readFile(path, 'utf8')),
    platforms: await loadTable(files.platforms, (path) => readFile(path, 'utf8')),
    labels: await loadTable(files.labels, (path) => readFile(path, 'utf8')),
    population: await loadTable(files.population, (path) => readFile(path, 'utf8')),
  };
  const base = buildDataset({
    ...small,
    figures: await loadTable(files.figures, (path) => readFile(path, 'utf8')),
  });
  const vocab = {
    areas: [...base.areas.keys()],
    periods: base.periods,
    labels: [...base.labels.keys()],
  };
  const results: ScaleResult[] = [];
  for (const [k, n] of SIZES.entries()) {
    const t0 = performance.now();
    const figures: ColumnTable = syntheticFigures(n, vocab);
    const ds = buildDataset({ ...small, figures });
    const state = scaleState(ds);
    const typed = toTyped(ds, ds.figures);
    const masks = toMasks(ds, state);
    const setUp = performance.now() - t0;
    const app: { load: number; redraw: number }[] = [];
    const loop: { load: number; redraw: number }[] = [];
    let equal = true;
    let last: PathResult | undefined;
    let runs = RUNS;
    const warmups = k === 0 ? WARMUPS : 0;
    for (let i = 0; i < warmups + runs; i++) {
      // Alternate which goes first, so that neither always runs on a warmer (or more littered) heap.
      const order = i % 2 === 0 ? (['app', 'loop'] as const) : (['loop', 'app'] as const);
      let a: PathResult | undefined;
      let l: PathResult | undefined;
      for (const which of order) {
        if (which === 'app') {
          const r = appPath(ds, state);
          a = r.out;
          if (i >= warmups) app.push(r);
          if (i === warmups && r.load + r.redraw > SLOW_MS) runs = SLOW_RUNS;
        } else {
          const r = loopPath(ds, typed, masks);
          l = r.out;
          if (i >= warmups) loop.push(r);
        }
      }
      equal &&= a!.facts === l!.facts && JSON.stringify(a!.points) === JSON.stringify(l!.points);
      last = a;
    }
    const r: ScaleResult = {
      n,
      runs,
      app: medians(app),
      loop: medians(loop),
      equal,
      facts: last!.facts,
      points: last!.points.length,
    };
    results.push(r);
    const list = (xs: readonly { load: number; redraw: number }[], d: number) =>
      xs.map((x) => `${x.load.toFixed(d)}+${x.redraw.toFixed(d)}`).join(' ');
    log(
      `scale ${n}: set-up ${(setUp / 1000).toFixed(1)} s; app load+redraw ${list(app, 1)}; ` +
        `loop ${list(loop, 2)}; ${r.facts} facts, ${r.points} points${equal ? '' : ', app and loop DIFFER'}`,
    );
  }
  return results;
}

const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);
const perRow = (r: ScaleResult) => (r.app.path / r.n) * 1e6; // ns per row

export function scaleRows(results: readonly ScaleResult[]): Row[] {
  const rows: Row[] = [];
  const at = (n: number) => results.find((r) => r.n === n);
  for (const r of results)
    rows.push(
      info(
        `scale ${label(r.n)}: app load + redraw; loop (runs)`,
        `${ms(r.app.load)} + ${ms(r.app.redraw, 2)}; ${ms(r.loop.load, 2)} + ${ms(r.loop.redraw, 3)} ` +
          `(${r.runs}; ${perRow(r).toFixed(0)} ns/row)`,
      ),
    );
  const [s, m, l] = [at(10_000), at(100_000), at(1_000_000)];
  if (l) {
    rows.push({
      measure: 'scale 1M: resolve+filter+aggregate (load+redraw) median',
      value: ms(l.app.path),
      budget: '< 100 ms',
      ok: l.app.path < 100,
    });
    const q = l.app.path / l.loop.path;
    rows.push({
      measure: 'scale 1M: load+redraw / loop',
      value: `${ratio(q)} (${ms(l.app.path)} / ${ms(l.loop.path, 2)})`,
      budget: '< 3x',
      ok: q < 3,
    });
    rows.push(
      info(
        'scale 1M: redraw alone (timeView) / its loop',
        `${ms(l.app.redraw, 2)} / ${ms(l.loop.redraw, 3)} = ${ratio(l.app.redraw / l.loop.redraw)}`,
      ),
    );
  }
  if (m && l) {
    const g = perRow(l) / perRow(m);
    const small = s ? ` (100k / 10k: ${ratio(perRow(m) / perRow(s))})` : '';
    rows.push({
      measure: 'scale growth: per row 1M / 100k',
      value: ratio(g) + small,
      budget: '< 2x',
      ok: g < 2,
    });
  }
  const allEqual = results.every((r) => r.equal);
  rows.push({
    measure: 'scale: app = loop (facts, points; all sizes)',
    value: allEqual ? 'equal' : 'DIFFERENT',
    budget: 'equal',
    ok: allEqual,
  });
  return rows;
}
