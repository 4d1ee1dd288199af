/**
 * Filters over the figures table by a set of areas, platforms (or owner groups) and periods.
 * Rows are tested column by column (./columnar.ts): nothing a person types or a link carries is compiled.
 */
import type { ColumnTable } from 'arquero';
import type { Dataset } from '../data/load.ts';
import type { PlatformLabel } from '../data/schema.ts';
import { codesOf, filterRows, maskOf, periodMaskOf } from './columnar.ts';

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
  const { areas, periods, platforms } = selection;
  const area = codesOf(table, 'area');
  const start = codesOf(table, 'period_start');
  const end = codesOf(table, 'period_end');
  const measure = codesOf(table, 'measure');
  const category = codesOf(table, 'category');
  // The selection as masks over each column's distinct values: the row test is integer lookups only.
  const areaMask = areas.size ? maskOf(area, areas) : null;
  const periodMask = periods.size ? periodMaskOf(start, end, periods) : null;
  const ends = end.dict.length;
  const platformRow = maskOf(measure, ['platform', 'platform_share']);
  const labelMask = maskOf(category, [...single, ...combined]);
  const filterPlatforms = platforms.size > 0;
  const [a, s, e, m, c] = [area.codes, start.codes, end.codes, measure.codes, category.codes];
  return filterRows(
    table,
    (i) =>
      (!areaMask || areaMask[a[i]!] === 1) &&
      (!periodMask || periodMask[s[i]! * ends + e[i]!] === 1) &&
      (!filterPlatforms || platformRow[m[i]!] === 0 || labelMask[c[i]!] === 1),
  );
}
