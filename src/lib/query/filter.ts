/**
 * Filters by a set of areas, platforms (or owner groups) and periods: plain functions over figures, so that
 * nothing a person types or a link carries is compiled into an expression.
 */
import type { Dataset } from '../data/load.ts';
import type { Figure, PlatformLabel } from '../data/schema.ts';

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
 * Whether a figure is in the selection. The platform filter applies to platform rows (records and shares);
 * rows of other measures (offences, victims) are not about a platform and pass it. Every row of a fact shares
 * what this reads, so it selects facts as well as rows.
 */
export function inSelection(ds: Dataset, selection: Selection): (f: Figure) => boolean {
  const { single, combined } = matchingLabels(ds, selection.platforms);
  const labels = new Set([...single, ...combined]);
  const { areas, periods, platforms } = selection;
  return (f) =>
    (areas.size === 0 || areas.has(f.area)) &&
    (periods.size === 0 || periods.has(`${f.period_start}..${f.period_end}`)) &&
    (platforms.size === 0 || !PLATFORM_MEASURES.has(f.measure) || labels.has(f.category));
}

const PLATFORM_MEASURES: ReadonlySet<string> = new Set(['platform', 'platform_share']);
