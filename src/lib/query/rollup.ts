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
import { columnOf, eachRow } from './columnar.ts';

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
  const area = columnOf<string>(table, 'area');
  const start = columnOf<string>(table, 'period_start');
  const end = columnOf<string>(table, 'period_end');
  const measure = columnOf<string>(table, 'measure');
  const value = columnOf<number | null>(table, 'value');
  const wanted = new Map<string, Set<string>>();
  for (const key of periods) {
    const [s, e] = key.split('..') as [string, string];
    wanted.set(s, (wanted.get(s) ?? new Set()).add(e));
  }
  // Groups by start, then end: a period's sum never mixes in another period, overlapping or not.
  const groups = new Map<string, Map<string, OffencesInPeriod>>();
  eachRow(table, (i) => {
    if (measure[i] !== 'offences') return;
    if (areas.size && !areas.has(area[i]!)) return;
    const s = start[i]!;
    const e = end[i]!;
    if (periods.size && !wanted.get(s)?.has(e)) return;
    let byEnd = groups.get(s);
    if (!byEnd) groups.set(s, (byEnd = new Map()));
    let g = byEnd.get(e);
    if (!g) byEnd.set(e, (g = { period_start: s, period_end: e, value: null, count: 0, valid: 0 }));
    g.count++;
    const v = value[i];
    if (v != null) {
      g.value = (g.value ?? 0) + v;
      g.valid++;
    }
  });
  return [...groups.values()]
    .flatMap((byEnd) => [...byEnd.values()])
    .sort((a, b) => a.period_start.localeCompare(b.period_start) || a.period_end.localeCompare(b.period_end));
}
