/**
 * Offences summed per period across the selected areas, in one columnar pass over the table (./columnar.ts):
 * filter, group by period, sum. Nothing from the selection is compiled. Rows of different periods are never
 * added together, even when the periods overlap: each (period_start, period_end) is its own group.
 *
 * The sum adds the rows it is given. Pass one row per fact (for example the preferred figures from
 * resolveFacts): on the raw figures table a fact stated by several pages would be counted once per page.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Selection } from './filter.ts';
import { codesOf, columnOf, eachRow, maskOf, periodMaskOf } from './columnar.ts';

/** One row of {@link offencesByPeriod}: a period and the offences of the selected areas in it. */
export interface OffencesInPeriod {
  period_start: string;
  period_end: string;
  /** Sum of the rows that carry a number (suppressed and unavailable rows add nothing); null when none does. */
  value: number | null;
  /** Rows in the group, with or without a number. */
  count: number;
  /** Rows in the group that carry a number; fewer than `count` means the sum is a lower bound. */
  valid: number;
}

/**
 * Offences rows of the selected areas and periods (an empty set selects all), summed per period and
 * ordered by period start, then end. The platform part of the selection does not apply: an offences row
 * is not about a platform.
 */
export function offencesByPeriod(table: ColumnTable, selection: Selection): ColumnTable {
  return aq.from(offencesByPeriodRows(table, selection));
}

/** The rows of {@link offencesByPeriod} as plain objects, computed in one pass over the columns. */
export function offencesByPeriodRows(table: ColumnTable, selection: Selection): OffencesInPeriod[] {
  const { areas, periods } = selection;
  const area = codesOf(table, 'area');
  const start = codesOf(table, 'period_start');
  const end = codesOf(table, 'period_end');
  const measure = codesOf(table, 'measure');
  const value = columnOf<number | null>(table, 'value');
  const areaMask = areas.size ? maskOf(area, areas) : null;
  const periodMask = periods.size ? periodMaskOf(start, end, periods) : null;
  const offences = measure.index.get('offences') ?? -1;
  // One slot per (start, end) pair: a period's sum never mixes in another period, overlapping or not.
  const ends = end.dict.length;
  const slots = start.dict.length * ends;
  const sum = new Float64Array(slots);
  const count = new Int32Array(slots);
  const valid = new Int32Array(slots);
  const [a, s, e, m] = [area.codes, start.codes, end.codes, measure.codes];
  eachRow(table, (i) => {
    if (m[i] !== offences || (areaMask && areaMask[a[i]!] !== 1)) return;
    const slot = s[i]! * ends + e[i]!;
    if (periodMask && periodMask[slot] !== 1) return;
    count[slot]!++;
    const v = value[i];
    if (v != null) {
      sum[slot]! += v;
      valid[slot]!++;
    }
  });
  const rows: OffencesInPeriod[] = [];
  for (let slot = 0; slot < slots; slot++) {
    if (count[slot] === 0) continue;
    rows.push({
      period_start: start.dict[Math.floor(slot / ends)]!,
      period_end: end.dict[slot % ends]!,
      value: valid[slot]! > 0 ? sum[slot]! : null,
      count: count[slot]!,
      valid: valid[slot]!,
    });
  }
  return rows.sort(
    (x, y) => x.period_start.localeCompare(y.period_start) || x.period_end.localeCompare(y.period_end),
  );
}
