/**
 * Filters over the figures table by a set of areas, platforms (or owner groups) and periods.
 * Rows are tested column by column (./columnar.ts): nothing a person types or a link carries is compiled.
 */
import type { ColumnTable } from 'arquero';
import type { Dataset } from '../data/load.ts';
import type { PlatformLabel } from '../data/schema.ts';
import { columnOf, filterRows } from './columnar.ts';

/** A selection; an empty set means "no filter on this dimension". */
export interface Selection {
  areas: ReadonlySet<string>;
  /** Platform ids (e.g. "snapchat") and owner groups as "owner:meta". */
  platforms: ReadonlySet<string>;
  /** Period keys "start..end". */
  periods: ReadonlySet<string>;
}

export const emptySelection = (): Selection => ({
  areas: new Set(),
  platforms: new Set(),
  periods: new Set(),
});

export const OWNER_PREFIX = 'owner:';

/** True when the label covers any selected platform, or any platform of a selected owner group. */
export function labelMatches(label: PlatformLabel, platforms: ReadonlySet<string>): boolean {
  return (
    label.platforms.some((p) => platforms.has(p)) || label.owners.some((o) => platforms.has(OWNER_PREFIX + o))
  );
}

export interface LabelMatch {
  /** Labels that name exactly one selected platform. */
  single: string[];
  /** Labels that cover a selected platform together with others: shown whole, never split. */
  combined: string[];
}

/** The labels a platform selection picks, split into single-platform and combined labels. */
export function matchingLabels(ds: Dataset, platforms: ReadonlySet<string>): LabelMatch {
  const single: string[] = [];
  const combined: string[] = [];
  for (const label of ds.labels.values()) {
    if (!labelMatches(label, platforms)) continue;
    if (label.scope === 'platform') single.push(label.label);
    else combined.push(label.label);
  }
  return { single, combined };
}

/**
 * The figures in the selection. The platform filter applies to platform rows (records and shares);
 * rows of other measures (offences, victims) are not about a platform and pass it.
 */
export function filterFigures(ds: Dataset, table: ColumnTable, selection: Selection): ColumnTable {
  const { single, combined } = matchingLabels(ds, selection.platforms);
  const labels = new Set([...single, ...combined]);
  const { areas, periods, platforms } = selection;
  const area = columnOf<string>(table, 'area');
  const start = columnOf<string>(table, 'period_start');
  const end = columnOf<string>(table, 'period_end');
  const measure = columnOf<string>(table, 'measure');
  const category = columnOf<string | null>(table, 'category');
  // Period keys split by start, so a row's key is only built when its start is one of them.
  const endsByStart = new Map<string, Set<string>>();
  for (const key of periods) {
    const [s, e] = key.split('..') as [string, string];
    endsByStart.set(s, (endsByStart.get(s) ?? new Set()).add(e));
  }
  return filterRows(table, (i) => {
    if (areas.size && !areas.has(area[i]!)) return false;
    if (periods.size && !endsByStart.get(start[i]!)?.has(end[i]!)) return false;
    if (!platforms.size) return true;
    const m = measure[i];
    return (m !== 'platform' && m !== 'platform_share') || labels.has(category[i] ?? '');
  });
}
