/**
 * Scale: filterFigures + offencesByPeriod over 10k, 100k and 1M synthetic rows, against a typed-array loop
 * computing the same result, timed alternately in one process.
 */
import type { ColumnTable } from 'arquero';
import { buildDataset, dataFilesIn, loadTable, type Dataset } from '../src/lib/data/load.ts';
import { filterFigures, type Selection } from '../src/lib/query/filter.ts';
import { offencesByPeriod, type OffencesInPeriod } from '../src/lib/query/rollup.ts';
import { loopQuery, toMasks, toTyped } from './loop.ts';
import { syntheticFigures } from './synthetic.ts';
import { info, median, ms, ratio, type Row } from './stats.ts';

export const SIZES = [10_000, 100_000, 1_000_000];
const WARMUPS = 2;
const RUNS = 9;

/** Ten forces (the four Welsh ones among them), eight financial years and two NSPCC rounds, Snapchat and Meta. */
export const SELECTION: Selection = {
  areas: new Set([
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
  ]),
  periods: new Set([
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
  ]),
  platforms: new Set(['snapchat', 'owner:meta']),
};

/** The query as the app would run it: the filtered figures, then offences per period. */
export function query(ds: Dataset, selection: Selection): { kept: number; rows: OffencesInPeriod[] } {
  const filtered = filterFigures(ds, ds.figures, selection);
  const rows = offencesByPeriod(filtered, selection).objects() as unknown as OffencesInPeriod[];
  return { kept: filtered.numRows(), rows };
}

export interface ScaleResult {
  n: number;
  query: number;
  loop: number;
  equal: boolean;
  kept: number;
  periods: number;
}

function time<T>(f: () => T): [number, T] {
  const t0 = performance.now();
  const out = f();
  return [performance.now() - t0, out];
}

export async function runScale(dataDir: string, log: (s: string) => void): Promise<ScaleResult[]> {
  const files = dataFilesIn(dataDir);
  const small = {
    sources: await loadTable(files.sources),
    areas: await loadTable(files.areas),
    periods: await loadTable(files.periods),
    platforms: await loadTable(files.platforms),
    labels: await loadTable(files.labels),
    population: await loadTable(files.population),
  };
  const base = buildDataset({ ...small, figures: await loadTable(files.figures) });
  const vocab = {
    areas: [...base.areas.keys()],
    periods: base.periods,
    labels: [...base.labels.keys()],
  };
  const results: ScaleResult[] = [];
  for (const n of SIZES) {
    const t0 = performance.now();
    const figures: ColumnTable = syntheticFigures(n, vocab);
    const ds = buildDataset({ ...small, figures });
    const typed = toTyped(ds, ds.figures);
    const masks = toMasks(ds, typed, SELECTION);
    const qTimes: number[] = [];
    const lTimes: number[] = [];
    let equal = true;
    let kept = 0;
    let periods = 0;
    for (let i = 0; i < WARMUPS + RUNS; i++) {
      // Alternate which goes first, so that neither always runs on a warmer (or more littered) heap.
      const order = i % 2 === 0 ? ['query', 'loop'] : ['loop', 'query'];
      let q: ReturnType<typeof query> | undefined;
      let l: ReturnType<typeof loopQuery> | undefined;
      for (const which of order) {
        if (which === 'query') {
          const [t, out] = time(() => query(ds, SELECTION));
          q = out;
          if (i >= WARMUPS) qTimes.push(t);
        } else {
          const [t, out] = time(() => loopQuery(typed, masks));
          l = out;
          if (i >= WARMUPS) lTimes.push(t);
        }
      }
      equal &&= q!.kept === l!.kept && JSON.stringify(q!.rows) === JSON.stringify(l!.rows);
      kept = q!.kept;
      periods = q!.rows.length;
    }
    const r = { n, query: median(qTimes), loop: median(lTimes), equal, kept, periods };
    results.push(r);
    log(
      `scale ${n}: set-up ${((performance.now() - t0) / 1000).toFixed(1)} s; query ${qTimes.map((t) => t.toFixed(1)).join(' ')}; ` +
        `loop ${lTimes.map((t) => t.toFixed(2)).join(' ')}; ${kept} rows kept, ${periods} periods`,
    );
  }
  return results;
}

const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);
const perRow = (r: ScaleResult) => (r.query / r.n) * 1e6; // ns per row

export function scaleRows(results: readonly ScaleResult[]): Row[] {
  const rows: Row[] = [];
  const at = (n: number) => results.find((r) => r.n === n);
  for (const r of results)
    rows.push(
      info(
        `scale ${label(r.n)}: query, loop (per row)`,
        `${ms(r.query)}, ${ms(r.loop, 2)} = ${ratio(r.query / r.loop)} (${perRow(r).toFixed(0)} ns/row)`,
      ),
    );
  const [s, m, l] = [at(10_000), at(100_000), at(1_000_000)];
  if (l) {
    rows.push({
      measure: 'scale 1M: query median',
      value: ms(l.query),
      budget: '< 100 ms',
      ok: l.query < 100,
    });
    const q = l.query / l.loop;
    rows.push({ measure: 'scale 1M: query / loop', value: ratio(q), budget: '< 3x', ok: q < 3 });
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
    measure: 'scale: query = loop (all sizes)',
    value: allEqual ? 'equal' : 'DIFFERENT',
    budget: 'equal',
    ok: allEqual,
  });
  return rows;
}
