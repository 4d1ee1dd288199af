/**
 * The hand-written baseline of the scale benchmark: the same filter and offences-per-period aggregate as
 * filterFigures + offencesByPeriod, as one loop over typed arrays. Converting the table to typed arrays
 * ({@link toTyped}) and the selection to masks ({@link toMasks}) happens before timing.
 */
import type { ColumnTable } from 'arquero';
import type { Dataset } from '../src/lib/data/load.ts';
import { MEASURES } from '../src/lib/data/schema.ts';
import { matchingLabels, type Selection } from '../src/lib/query/filter.ts';
import type { OffencesInPeriod } from '../src/lib/query/rollup.ts';

const OFFENCES = MEASURES.indexOf('offences');
const PLATFORM = MEASURES.indexOf('platform');
const SHARE = MEASURES.indexOf('platform_share');

export interface Typed {
  n: number;
  area: Int32Array;
  period: Int32Array;
  measure: Uint8Array;
  /** Index + 1 of the category among the platform labels; 0 where it is not a label. */
  label: Int32Array;
  /** NaN where the value is empty. */
  value: Float64Array;
  areaIds: string[];
  /** Period keys "start..end", ordered by start, then end. */
  periodKeys: string[];
  labelNames: string[];
}

export function toTyped(ds: Dataset, table: ColumnTable): Typed {
  const n = table.numRows();
  const areaIds = [...ds.areas.keys()];
  const periodKeys = ds.periods.map((p) => p.key).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const labelNames = [...ds.labels.keys()];
  const areaCode = new Map(areaIds.map((id, i) => [id, i]));
  const periodCode = new Map(periodKeys.map((k, i) => [k, i]));
  const labelCode = new Map(labelNames.map((l, i) => [l, i + 1]));
  const measureCode = new Map<string, number>(MEASURES.map((m, i) => [m, i]));
  const cols = ['area', 'period_start', 'period_end', 'measure', 'category', 'value'] as const;
  const [area, start, end, measure, category, value] = cols.map((c) => table.array(c) as unknown[]);
  const t: Typed = {
    n,
    area: new Int32Array(n),
    period: new Int32Array(n),
    measure: new Uint8Array(n),
    label: new Int32Array(n),
    value: new Float64Array(n),
    areaIds,
    periodKeys,
    labelNames,
  };
  for (let i = 0; i < n; i++) {
    const a = areaCode.get(area![i] as string);
    const p = periodCode.get(`${start![i]}..${end![i]}`);
    const m = measureCode.get(measure![i] as string);
    if (a === undefined || p === undefined || m === undefined) throw new Error(`row ${i}: unknown code`);
    t.area[i] = a;
    t.period[i] = p;
    t.measure[i] = m;
    t.label[i] = labelCode.get(category![i] as string) ?? 0;
    const v = value![i];
    t.value[i] = v == null ? Number.NaN : Number(v);
  }
  return t;
}

export interface Masks {
  area: Uint8Array;
  period: Uint8Array;
  label: Uint8Array;
  anyPlatform: boolean;
}

/** The selection as one byte per area, period and label (an empty set selects all). */
export function toMasks(ds: Dataset, t: Typed, selection: Selection): Masks {
  const mask = (ids: readonly string[], chosen: ReadonlySet<string>) =>
    Uint8Array.from(ids, (id) => (chosen.size === 0 || chosen.has(id) ? 1 : 0));
  const { single, combined } = matchingLabels(ds, selection.platforms);
  const labels = new Set([...single, ...combined]);
  return {
    area: mask(t.areaIds, selection.areas),
    period: mask(t.periodKeys, selection.periods),
    label: Uint8Array.from(['', ...t.labelNames], (l, i) => (i > 0 && labels.has(l) ? 1 : 0)),
    anyPlatform: selection.platforms.size === 0,
  };
}

export interface LoopResult {
  /** Rows that pass filterFigures' predicate. */
  kept: number;
  rows: OffencesInPeriod[];
}

export function loopQuery(t: Typed, m: Masks): LoopResult {
  const np = t.periodKeys.length;
  const sum = new Float64Array(np);
  const count = new Int32Array(np);
  const valid = new Int32Array(np);
  const { area, period, measure, label, value } = t;
  let kept = 0;
  for (let i = 0; i < t.n; i++) {
    const p = period[i]!;
    if (m.area[area[i]!] === 0 || m.period[p] === 0) continue;
    const me = measure[i]!;
    if (me === OFFENCES) {
      kept++;
      count[p] = count[p]! + 1;
      const v = value[i]!;
      if (v === v) {
        sum[p] = sum[p]! + v;
        valid[p] = valid[p]! + 1;
      }
    } else if (m.anyPlatform || (me !== PLATFORM && me !== SHARE) || m.label[label[i]!] === 1) kept++;
  }
  const rows: OffencesInPeriod[] = [];
  for (let p = 0; p < np; p++) {
    if (count[p] === 0) continue;
    const [start, end] = t.periodKeys[p]!.split('..') as [string, string];
    rows.push({
      period_start: start,
      period_end: end,
      value: valid[p]! > 0 ? sum[p]! : null,
      count: count[p]!,
      valid: valid[p]!,
    });
  }
  return { kept, rows };
}
