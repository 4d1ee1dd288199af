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
import { rowsOf } from '../data/rows.ts';
import { compareCodes } from '../data/order.ts';

export const SOURCE_RANK: Record<SourceKind, number> = { foi_disclosure: 0, official: 1, nspcc: 2, news: 3 };
export const QUALIFIER_RANK: Record<Qualifier, number> = {
  exact: 0,
  approximate: 1,
  at_least: 2,
  suppressed: 3,
  not_available: 4,
};

/** The columns that say which fact a row states. */
export const FACT_KEY = ['area', 'period_start', 'period_end', 'measure', 'category'] as const;
export const factKey = (f: Pick<Figure, (typeof FACT_KEY)[number]>): string =>
  `${f.area}|${f.period_start}|${f.period_end}|${f.measure}|${f.category}`;

/** A value as stated: the number and how far it can be trusted. Rows that agree share a reading. */
export const reading = (f: Pick<Figure, 'value' | 'qualifier'>): string => `${f.value ?? ''}|${f.qualifier}`;

/** One fact with its preferred figure and every other row that states it. */
export interface Fact {
  readonly key: string;
  readonly preferred: Figure;
  /** The other rows for the same fact, in preference order. */
  readonly alternatives: Figure[];
  /** True when the rows give more than one reading (value and qualifier). */
  readonly disagree: boolean;
}

/**
 * Orders two rows of the same fact by the preference rule; `support` counts the rows sharing each reading.
 * Negative when `a` is preferred. Dates (ISO) and ids are compared as written, which orders them.
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

/** One fact from every row that states it, by {@link comparePreference}. */
function resolveFact(key: string, rows: readonly Figure[], sources: ReadonlyMap<string, Source>): Fact {
  if (rows.length === 1) return { key, preferred: rows[0]!, alternatives: [], disagree: false };
  const support = new Map<string, number>();
  for (const r of rows) support.set(reading(r), (support.get(reading(r)) ?? 0) + 1);
  const [preferred, ...alternatives] = [...rows].sort((a, b) => comparePreference(a, b, sources, support));
  return { key, preferred: preferred!, alternatives, disagree: support.size > 1 };
}

/** Every row of a figures table, grouped by the fact it states. */
export function groupByFact(figures: ColumnTable): Map<string, Figure[]> {
  const groups = new Map<string, Figure[]>();
  for (const f of rowsOf<Figure>(figures)) {
    const key = factKey(f);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return groups;
}

/** Each group of rows resolved to its fact; facts in key order (code-unit order, as sort() orders strings). */
export function resolveGroups(
  groups: ReadonlyMap<string, readonly Figure[]>,
  sources: ReadonlyMap<string, Source>,
): Fact[] {
  return [...groups.keys()].sort().map((key) => resolveFact(key, groups.get(key)!, sources));
}

/** Every fact in a figures table: rows grouped by fact key, each group resolved; facts in key order. */
export const resolveFacts = (figures: ColumnTable, sources: ReadonlyMap<string, Source>): Fact[] =>
  resolveGroups(groupByFact(figures), sources);
