/**
 * Several rows can state the same fact (area, period, measure, category): the same figure copied by
 * several pages, or different figures from sources that disagree. One rule picks the preferred row;
 * the others stay as alternatives, and a disagreement is a visible property of the fact.
 *
 * The preference rule, in order:
 *   1. the more authoritative source: a force's own FOI disclosure, then an official statistic,
 *      then the NSPCC, then a newspaper;
 *   2. the later publication (a later release corrects an earlier one); an undated page counts as oldest;
 *   3. the more exact figure: exact, then approximate, then "at least", then suppressed, then not available;
 *   4. the figure most rows agree on;
 *   5. the lowest row id, so the choice never depends on row order.
 */
import type { ColumnTable } from 'arquero';
import type { Figure, Qualifier, Source, SourceKind } from '../data/schema.ts';
import { compareCodes } from '../data/order.ts';

export const SOURCE_RANK: Record<SourceKind, number> = { foi_disclosure: 0, official: 1, nspcc: 2, news: 3 };
export const QUALIFIER_RANK: Record<Qualifier, number> = {
  exact: 0,
  approximate: 1,
  at_least: 2,
  suppressed: 3,
  not_available: 4,
};

export const FACT_KEY = ['area', 'period_start', 'period_end', 'measure', 'category'] as const;
export const factKey = (f: Pick<Figure, (typeof FACT_KEY)[number]>): string =>
  `${f.area}|${f.period_start}|${f.period_end}|${f.measure}|${f.category}`;

/** A value as stated: the number and how far it can be trusted. Rows that agree share a reading. */
export const reading = (f: Pick<Figure, 'value' | 'qualifier'>): string => `${f.value ?? ''}|${f.qualifier}`;

/** One fact with its preferred figure and every other row that states it. */
export interface Fact {
  key: string;
  preferred: Figure;
  /** The other rows for the same fact, in preference order. */
  alternatives: Figure[];
  /** True when the rows give more than one reading (value and qualifier). */
  disagree: boolean;
}

/**
 * Orders two rows of the same fact by the preference rule; `support` counts the rows sharing each reading.
 * Negative when `a` is preferred.
 */
export function comparePreference(
  a: Figure,
  b: Figure,
  sources: ReadonlyMap<string, Source>,
  support: ReadonlyMap<string, number>,
): number {
  const sa = sources.get(a.source);
  const sb = sources.get(b.source);
  return (
    SOURCE_RANK[sa?.kind ?? 'news'] - SOURCE_RANK[sb?.kind ?? 'news'] ||
    compareCodes(sb?.date ?? '', sa?.date ?? '') ||
    QUALIFIER_RANK[a.qualifier] - QUALIFIER_RANK[b.qualifier] ||
    (support.get(reading(b)) ?? 0) - (support.get(reading(a)) ?? 0) ||
    compareCodes(a.id, b.id)
  );
}

/** Resolves the rows of one fact (all sharing a fact key). */
export function resolveGroup(rows: readonly Figure[], sources: ReadonlyMap<string, Source>): Fact {
  if (rows.length === 0) throw new Error('resolveGroup needs at least one row');
  const support = new Map<string, number>();
  for (const r of rows) support.set(reading(r), (support.get(reading(r)) ?? 0) + 1);
  const ordered = [...rows].sort((a, b) => comparePreference(a, b, sources, support));
  const preferred = ordered[0]!;
  return { key: factKey(preferred), preferred, alternatives: ordered.slice(1), disagree: support.size > 1 };
}

/**
 * Resolves every fact in a figures table: rows grouped by fact key, each group ordered by
 * {@link comparePreference}. Facts come out in a stable order (by key).
 */
export function resolveFacts(figures: ColumnTable, sources: ReadonlyMap<string, Source>): Fact[] {
  if (figures.numRows() === 0) return [];
  const rows = figures.objects() as unknown as Figure[];
  const groups = new Map<string, Figure[]>();
  for (const f of rows) {
    const key = factKey(f);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.keys()].sort().map((key) => resolveGroup(groups.get(key)!, sources));
}
