/**
 * The hand-written baseline of the scale benchmark: the work of the Over time view's data path (makeContext
 * resolving every fact, then timeView picking the selected areas and periods and totalling the forces per
 * financial year), as loops over typed arrays. Converting the table's columns to typed arrays of codes
 * ({@link toTyped}) and the view state to masks ({@link toMasks}) happens before timing; what the loops do on
 * those codes (grouping rows into facts, counting each fact's readings, choosing the preferred row by the
 * rule of src/lib/query/resolve.ts, then the lookups and sums of src/lib/views/time.ts) is timed.
 */
import type { ColumnTable } from 'arquero';
import type { Dataset } from '../src/lib/data/load.ts';
import { MEASURES, QUALIFIERS, type Qualifier } from '../src/lib/data/schema.ts';
import { QUALIFIER_RANK, SOURCE_RANK } from '../src/lib/query/resolve.ts';
import type { ViewState } from '../src/lib/views/state.ts';
import { compareCodes } from '../src/lib/data/order.ts';

const OFFENCES = MEASURES.indexOf('offences');
const Q = QUALIFIERS.length;
const [EXACT, AT_LEAST, APPROXIMATE, SUPPRESSED] = (
  ['exact', 'at_least', 'approximate', 'suppressed'] as const
).map((q) => QUALIFIERS.indexOf(q));

export interface Typed {
  n: number;
  /** Index of the area in ds.areas (file order). */
  area: Int32Array;
  /** Index of the period in ds.periods (sorted by start, then end). */
  period: Int32Array;
  /** Index in MEASURES. */
  measure: Uint8Array;
  /** Code of the category text; 0 is ''. */
  category: Int32Array;
  categories: number;
  /** NaN where the cell is empty. */
  value: Float64Array;
  /** Code of the value among the column's distinct values (0 is empty): with the qualifier, the reading. */
  valueCode: Int32Array;
  values: number;
  /** Index in QUALIFIERS. */
  qualifier: Uint8Array;
  /** The source's rank (SOURCE_RANK: lower is preferred). */
  sourceRank: Uint8Array;
  /** The source's date as a rank (higher is later; undated sources lowest). */
  dateRank: Int32Array;
  /** The row id's rank in the order resolve.ts breaks ties by (compareCodes: code units). */
  idRank: Int32Array;
  ids: string[];
}

export function toTyped(ds: Dataset, table: ColumnTable): Typed {
  const n = table.numRows();
  const col = (c: string) => table.array(c) as unknown[];
  const [id, area, start, end, measure, category, value, qualifier, source] = [
    'id',
    'area',
    'period_start',
    'period_end',
    'measure',
    'category',
    'value',
    'qualifier',
    'source',
  ].map(col) as unknown[][];
  const areaCode = new Map([...ds.areas.keys()].map((a, i) => [a, i]));
  const periodCode = new Map(ds.periods.map((p, i) => [p.key, i]));
  const measureCode = new Map<string, number>(MEASURES.map((m, i) => [m, i]));
  const qualifierCode = new Map<string, number>(QUALIFIERS.map((q, i) => [q, i]));
  const categoryCode = new Map<string, number>([['', 0]]);
  const valueCode = new Map<number, number>();
  const dates = [...new Set([...ds.sources.values()].map((s) => s.date ?? ''))].sort(compareCodes);
  const dateOf = new Map(dates.map((d, i) => [d, i]));
  const undated = dateOf.get('') ?? -1;
  const t: Typed = {
    n,
    area: new Int32Array(n),
    period: new Int32Array(n),
    measure: new Uint8Array(n),
    category: new Int32Array(n),
    categories: 0,
    value: new Float64Array(n),
    valueCode: new Int32Array(n),
    values: 0,
    qualifier: new Uint8Array(n),
    sourceRank: new Uint8Array(n),
    dateRank: new Int32Array(n),
    idRank: new Int32Array(n),
    ids: id!.map(String),
  };
  for (let i = 0; i < n; i++) {
    const a = areaCode.get(area![i] as string);
    const p = periodCode.get(`${start![i]}..${end![i]}`);
    const m = measureCode.get(measure![i] as string);
    const q = qualifierCode.get(qualifier![i] as string);
    if (a === undefined || p === undefined || m === undefined || q === undefined)
      throw new Error(`row ${i}: unknown code`);
    t.area[i] = a;
    t.period[i] = p;
    t.measure[i] = m;
    t.qualifier[i] = q;
    const c = (category![i] as string | null) ?? '';
    let cc = categoryCode.get(c);
    if (cc === undefined) categoryCode.set(c, (cc = categoryCode.size));
    t.category[i] = cc;
    const v = value![i];
    t.value[i] = v == null ? Number.NaN : Number(v);
    if (v == null) t.valueCode[i] = 0;
    else {
      let vc = valueCode.get(Number(v));
      if (vc === undefined) valueCode.set(Number(v), (vc = valueCode.size + 1));
      t.valueCode[i] = vc;
    }
    const s = ds.sources.get(source![i] as string);
    t.sourceRank[i] = SOURCE_RANK[s?.kind ?? 'news'];
    t.dateRank[i] = s ? dateOf.get(s.date ?? '')! : undated;
  }
  t.categories = categoryCode.size;
  t.values = valueCode.size + 1;
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => compareCodes(t.ids[x]!, t.ids[y]!));
  order.forEach((row, rank) => (t.idRank[row] = rank));
  return t;
}

/** Every fact of the table: its preferred row and whether its rows disagree, by dense fact code. */
export interface Resolved {
  /** Row index of the preferred figure, -1 where the fact has no row. */
  preferred: Int32Array;
  disagree: Uint8Array;
  facts: number;
  /** Fact code = ((area * periods + period) * measures + measure) * categories + category. */
  periods: number;
  categories: number;
}

/** Code of the qualifier's rank, so that the loop compares integers as resolve.ts compares ranks. */
const QUALIFIER_RANKS = Uint8Array.from(QUALIFIERS, (q) => QUALIFIER_RANK[q as Qualifier]);

/**
 * makeContext's work: rows grouped into facts (a counting sort that lays each row's ranks out in fact order),
 * each fact's readings counted, its preferred row chosen and its agreement noted.
 */
export function loopResolve(t: Typed, areas: number, periods: number): Resolved {
  const M = MEASURES.length;
  const C = t.categories;
  const F = areas * periods * M * C;
  const { n, area, period, measure, category, valueCode, qualifier, sourceRank, dateRank, idRank } = t;
  const fact = new Int32Array(n);
  const start = new Int32Array(F + 1);
  for (let i = 0; i < n; i++) {
    const f = ((area[i]! * periods + period[i]!) * M + measure[i]!) * C + category[i]!;
    fact[i] = f;
    start[f + 1]!++;
  }
  for (let f = 0; f < F; f++) start[f + 1]! += start[f]!;
  // In fact order: the row, its first three preference keys packed into one integer (source rank, later date,
  // qualifier rank: lower is preferred) and its reading (value and qualifier).
  const fill = start.slice(0, F);
  const rows = new Int32Array(n);
  const rank = new Int32Array(n);
  const reading = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = fill[fact[i]!]!++;
    const q = qualifier[i]!;
    rows[k] = i;
    rank[k] = (sourceRank[i]! << 26) | ((0xfffff - dateRank[i]!) << 4) | QUALIFIER_RANKS[q]!;
    reading[k] = valueCode[i]! * Q + q;
  }
  const preferred = new Int32Array(F).fill(-1);
  const disagree = new Uint8Array(F);
  // Rows per reading within one fact; `touched` resets only the readings a fact used.
  const support = new Int32Array(t.values * Q);
  const touched = new Int32Array(n);
  let facts = 0;
  for (let f = 0; f < F; f++) {
    const from = start[f]!;
    const to = start[f + 1]!;
    if (from === to) continue;
    facts++;
    let readings = 0;
    for (let k = from; k < to; k++) {
      const r = reading[k]!;
      if (support[r]!++ === 0) touched[readings++] = r;
    }
    let best = from;
    for (let k = from + 1; k < to; k++) {
      const d =
        rank[k]! - rank[best]! ||
        support[reading[best]!]! - support[reading[k]!]! ||
        idRank[rows[k]!]! - idRank[rows[best]!]!;
      if (d < 0) best = k;
    }
    preferred[f] = rows[best]!;
    disagree[f] = readings > 1 ? 1 : 0;
    for (let k = 0; k < readings; k++) support[touched[k]!] = 0;
  }
  return { preferred, disagree, facts, periods, categories: C };
}

/** The view state as indices: areas (file order), periods (dataset order), and which are forces and years. */
export interface Masks {
  areas: Int32Array;
  forces: Int32Array;
  periods: Int32Array;
  years: Uint8Array;
}

export function toMasks(ds: Dataset, state: ViewState): Masks {
  const areaIds = [...ds.areas.keys()];
  const chosenAreas = new Set(state.areas);
  const chosenPeriods = new Set(state.periods);
  const areas = areaIds.flatMap((id, i) => (chosenAreas.has(id) ? [i] : []));
  const periods = ds.periods.flatMap((p, i) =>
    state.periods.length === 0 || chosenPeriods.has(p.id) ? [i] : [],
  );
  return {
    areas: Int32Array.from(areas),
    forces: Int32Array.from(areas.filter((i) => ds.areas.get(areaIds[i]!)!.type === 'force')),
    periods: Int32Array.from(periods),
    years: Uint8Array.from(ds.periods, (p) => (p.kind === 'financial_year' ? 1 : 0)),
  };
}

/** One drawn value: lo and hi as timeView gives them, the preferred row's id ('' for a total). */
export interface LoopPoint {
  series: string;
  period: string;
  lo: number;
  hi: number;
  id: string;
  /** For a total: forces that reported. */
  reported: number;
  /** The fact's rows give more than one reading. */
  disagree: boolean;
}

/**
 * timeView's work at counts: for each selected area and period the preferred offences figure as a range
 * (exact and approximate: a point; "at least": no upper end; suppressed: 0 to no upper end; not available or
 * empty: nothing), then, with two or more forces, their total per selected financial year.
 */
export function loopView(ds: Dataset, t: Typed, r: Resolved, m: Masks): LoopPoint[] {
  const M = MEASURES.length;
  const P = r.periods;
  const C = r.categories;
  const areaIds = [...ds.areas.keys()];
  const out: LoopPoint[] = [];
  const lo = new Float64Array(2);
  // Writes the range of the fact's preferred row into lo[0], lo[1]; false when the figure gives none.
  const range = (row: number): boolean => {
    if (row < 0) return false;
    const q = t.qualifier[row]!;
    const v = t.value[row]!;
    if (q === SUPPRESSED) [lo[0], lo[1]] = [0, Infinity];
    else if (v !== v || (q !== EXACT && q !== APPROXIMATE && q !== AT_LEAST)) return false;
    else [lo[0], lo[1]] = [v, q === AT_LEAST ? Infinity : v];
    return true;
  };
  for (const a of m.areas)
    for (const p of m.periods) {
      const f = ((a * P + p) * M + OFFENCES) * C;
      const row = r.preferred[f]!;
      if (range(row))
        out.push({
          series: areaIds[a]!,
          period: ds.periods[p]!.key,
          lo: lo[0]!,
          hi: lo[1]!,
          id: t.ids[row]!,
          reported: 0,
          disagree: r.disagree[f] === 1,
        });
    }
  if (m.forces.length >= 2)
    for (const p of m.periods) {
      if (m.years[p] === 0) continue;
      let sumLo = 0;
      let sumHi = 0;
      let reported = 0;
      let disagree = false;
      for (const a of m.forces) {
        const f = ((a * P + p) * M + OFFENCES) * C;
        if (range(r.preferred[f]!)) {
          sumLo += lo[0]!;
          sumHi += lo[1]!;
          reported++;
          disagree ||= r.disagree[f] === 1;
        }
      }
      if (reported > 0)
        out.push({
          series: '__total',
          period: ds.periods[p]!.key,
          lo: sumLo,
          hi: sumHi,
          id: '',
          reported,
          disagree,
        });
    }
  return out;
}
