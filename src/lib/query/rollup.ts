/**
 * Offences summed per period across the selected areas, as one Arquero query: filter, group by period,
 * roll up. The selection enters as `params`, never as expression text. Rows of different periods are never
 * added together, even when the periods overlap: each (period_start, period_end) is its own group.
 *
 * The sum adds the rows it is given. Pass one row per fact (for example the preferred figures from
 * resolveFacts): on the raw figures table a fact stated by several pages would be counted once per page.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Selection } from './filter.ts';

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
  return table
    .params({
      anyArea: selection.areas.size === 0,
      areas: selection.areas,
      anyPeriod: selection.periods.size === 0,
      periods: selection.periods,
    })
    .filter(
      (d: Record<string, string>, $: Record<string, never>) =>
        d.measure === 'offences' &&
        ($.anyArea || op.has($.areas, d.area)) &&
        ($.anyPeriod || op.has($.periods, d.period_start + '..' + d.period_end)),
    )
    .groupby('period_start', 'period_end')
    .rollup({ value: aq.op.sum('value'), count: aq.op.count(), valid: aq.op.valid('value') })
    .derive({ value: (d: { value: number; valid: number }) => (d.valid > 0 ? d.value : null) })
    .orderby('period_start', 'period_end');
}

/** The rows of {@link offencesByPeriod} as plain objects. */
export const offencesByPeriodRows = (table: ColumnTable, selection: Selection): OffencesInPeriod[] =>
  offencesByPeriod(table, selection).objects() as unknown as OffencesInPeriod[];

// Arquero parses filter functions into its own expression language, where `op` is its function namespace.
declare const op: { has(set: unknown, key: unknown): boolean };
