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
import { codesOf, eachRow } from './columnar.ts';

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

/** Counts, for each row of a fact, the rows giving the same reading (value and qualifier), and the readings. */
function readingSupport(rows: readonly Figure[]): { support: number[]; readings: number } {
  // A fact has a few rows: comparing them pairwise is cheaper than writing each reading as text.
  if (rows.length <= 32) {
    const support: number[] = [];
    let readings = 0;
    for (let i = 0; i < rows.length; i++) {
      const a = rows[i]!;
      let same = 0;
      let first = true;
      for (let j = 0; j < rows.length; j++) {
        const b = rows[j]!;
        // As reading() has it: a null value reads as '', which no number does; 0 and -0 read alike.
        if (a.value === b.value && a.qualifier === b.qualifier) {
          same++;
          if (j < i) first = false;
        }
      }
      support.push(same);
      if (first) readings++;
    }
    return { support, readings };
  }
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(reading(r), (counts.get(reading(r)) ?? 0) + 1);
  return { support: rows.map((r) => counts.get(reading(r))!), readings: counts.size };
}

/** Resolves the rows of one fact (all sharing a fact key): {@link comparePreference}, each row's ranks read once. */
export function resolveGroup(rows: readonly Figure[], sources: ReadonlyMap<string, Source>): Fact {
  const first = rows[0];
  if (!first) throw new Error('resolveGroup needs at least one row');
  if (rows.length === 1) return { key: factKey(first), preferred: first, alternatives: [], disagree: false };
  const { support, readings } = readingSupport(rows);
  const ranked = rows.map((f, i) => {
    const source = sources.get(f.source);
    return {
      f,
      kind: SOURCE_RANK[source?.kind ?? 'news'],
      date: source?.date ?? '',
      qualifier: QUALIFIER_RANK[f.qualifier],
      support: support[i]!,
    };
  });
  ranked.sort(
    (a, b) =>
      a.kind - b.kind ||
      compareCodes(b.date, a.date) ||
      a.qualifier - b.qualifier ||
      b.support - a.support ||
      compareCodes(a.f.id, b.f.id),
  );
  const preferred = ranked[0]!.f;
  return {
    key: factKey(preferred),
    preferred,
    alternatives: ranked.slice(1).map((r) => r.f),
    disagree: readings > 1,
  };
}

/**
 * Each key column's codes as ranks in the order of the written key ({@link factKey}), so that a number made
 * of the ranks orders facts as their keys do: the first four columns are each followed by '|' in the key,
 * so they are ranked as written with it (no value of theirs may hold one); the last as it is. Null when the
 * ranks cannot stand for the key: a '|' in a value, or more keys than a number holds exactly.
 */
function keyRanks(
  figures: ColumnTable,
): { ranks: Int32Array[]; sizes: number[]; codes: Int32Array[] } | null {
  const columns = FACT_KEY.map((name) => codesOf(figures, name));
  let product = 1;
  const ranks = columns.map((c, k) => {
    const last = k === columns.length - 1;
    if (!last && c.dict.some((v) => v.includes('|'))) return null;
    const written = c.dict.map((v) => (last ? v : `${v}|`));
    const order = written.map((_, i) => i).sort((a, b) => compareCodes(written[a]!, written[b]!));
    const rank = new Int32Array(c.dict.length);
    order.forEach((code, r) => (rank[code] = r));
    product *= Math.max(1, c.dict.length);
    return rank;
  });
  if (ranks.includes(null) || product > Number.MAX_SAFE_INTEGER) return null;
  return {
    ranks: ranks as Int32Array[],
    sizes: columns.map((c) => Math.max(1, c.dict.length)),
    codes: columns.map((c) => c.codes),
  };
}

/**
 * Resolves every fact in a figures table: rows grouped by fact key, each group ordered by
 * {@link comparePreference}. Facts come out in a stable order (by key). Rows are grouped and ordered by a
 * number made of the key columns' ranks ({@link keyRanks}), so that no key is written for each row: at a
 * million rows, grouping by the written key took most of the time.
 */
export function resolveFacts(figures: ColumnTable, sources: ReadonlyMap<string, Source>): Fact[] {
  if (figures.numRows() === 0) return [];
  const rows = figures.objects() as unknown as Figure[];
  const ranked = keyRanks(figures);
  if (!ranked) {
    const groups = new Map<string, Figure[]>();
    for (const f of rows) {
      const key = factKey(f);
      const group = groups.get(key);
      if (group) group.push(f);
      else groups.set(key, [f]);
    }
    return [...groups.keys()].sort(compareCodes).map((key) => resolveGroup(groups.get(key)!, sources));
  }
  const { ranks, sizes, codes } = ranked;
  const groups = new Map<number, Figure[]>();
  let r = 0;
  eachRow(figures, (i) => {
    let key = 0;
    for (let c = 0; c < codes.length; c++) key = key * sizes[c]! + ranks[c]![codes[c]![i]!]!;
    const f = rows[r++]!;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  });
  const keys = Float64Array.from(groups.keys()).sort();
  return Array.from(keys, (key) => resolveGroup(groups.get(key)!, sources));
}
