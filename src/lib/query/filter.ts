/**
 * Filters over the figures table by a set of areas, platforms (or owner groups) and periods.
 * Selections enter Arquero as `params`, never as expression text: nothing a person types or a link carries
 * is compiled.
 */
import type { ColumnTable } from 'arquero';
import type { Dataset } from '../data/load.ts';
import type { PlatformLabel } from '../data/schema.ts';

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
  return table
    .params({
      anyArea: selection.areas.size === 0,
      areas: selection.areas,
      anyPeriod: selection.periods.size === 0,
      periods: selection.periods,
      anyPlatform: selection.platforms.size === 0,
      labels: new Set([...single, ...combined]),
    })
    .filter(
      (d: Record<string, string>, $: Record<string, never>) =>
        ($.anyArea || op.has($.areas, d.area)) &&
        ($.anyPeriod || op.has($.periods, d.period_start + '..' + d.period_end)) &&
        ($.anyPlatform ||
          (d.measure !== 'platform' && d.measure !== 'platform_share') ||
          op.has($.labels, d.category)),
    );
}

// Arquero parses filter functions into its own expression language, where `op` is its function namespace.
declare const op: { has(set: unknown, key: unknown): boolean };
