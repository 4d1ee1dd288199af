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
import { FIGURE_COLUMNS, type Figure, type Qualifier, type Source, type SourceKind } from '../data/schema.ts';
import { compareCodes } from '../data/order.ts';
import { codesOf, columnOf, valueCodesOf, type ColumnValues } from './columnar.ts';
import { FACT_KEY, factKey, rowsByFact } from './fact-keys.ts';

export const SOURCE_RANK: Record<SourceKind, number> = { foi_disclosure: 0, official: 1, nspcc: 2, news: 3 };
export const QUALIFIER_RANK: Record<Qualifier, number> = {
  exact: 0,
  approximate: 1,
  at_least: 2,
  suppressed: 3,
  not_available: 4,
};

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

/** Each row of a table as the object `objects()` gives, read from the table's columns. */
function rowReader(table: ColumnTable): (row: number) => Figure {
  const names = table.columnNames();
  if (names.join() === FIGURE_COLUMNS.join()) {
    // The figures' own columns: one object shape, written out, is several times faster than a key at a time.
    const [
      id,
      area,
      ps,
      pe,
      measure,
      category,
      value,
      qualifier,
      completeness,
      unit,
      base,
      note,
      source,
      evidence,
    ] = names.map((name) => columnOf<never>(table, name)) as ColumnValues<never>[];
    return (r) => ({
      id: id![r]!,
      area: area![r]!,
      period_start: ps![r]!,
      period_end: pe![r]!,
      measure: measure![r]!,
      category: category![r]!,
      value: value![r]!,
      qualifier: qualifier![r]!,
      completeness: completeness![r]!,
      unit: unit![r]!,
      share_base: base![r]!,
      note: note![r]!,
      source: source![r]!,
      evidence: evidence![r]!,
    });
  }
  const columns = names.map((name) => columnOf<unknown>(table, name));
  return (row) => {
    const out: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) out[names[c]!] = columns[c]![row];
    return out as unknown as Figure;
  };
}

/**
 * What the preference rule reads of each row, as codes by row index, with the tables that turn them into
 * numbers: the first three rules as one number for a source and a qualifier (the source's kind, then its date,
 * later first, then the qualifier: lower is preferred; `ranked` is false where a qualifier has no rank, and the
 * rule is then read row by row), the reading (value and qualifier) as one code, and the id.
 */
interface Preferences {
  ranked: boolean;
  sourceCodes: Int32Array;
  qualifierCodes: Int32Array;
  valueCodes: Int32Array;
  /** The first two rules' number by source code, and the third's by qualifier code. */
  bySource: Float64Array;
  byQualifier: Float64Array;
  /** Qualifiers, for a reading's code: value code * qualifiers + qualifier code. */
  qualifiers: number;
  readings: number;
  ids: ColumnValues<string>;
  /**
   * True when the ids ascend with the row, as the published figures' do (f0001, f0002, …): the last rule then
   * compares rows by place, without reading an id.
   */
  idsInRowOrder: boolean;
  /** The three rules compared for two rows, for a table that is not `ranked`. */
  compare: (a: number, b: number) => number;
}

/** True when every id is below the next row's, in compareCodes order. */
function ascending(ids: ColumnValues<string>): boolean {
  for (let r = 1; r < ids.length; r++) if (!(ids[r - 1]! < ids[r]!)) return false;
  return true;
}

function preferencesOf(figures: ColumnTable, sources: ReadonlyMap<string, Source>): Preferences {
  const source = codesOf(figures, 'source');
  const qualifier = codesOf(figures, 'qualifier');
  const value = valueCodesOf(figures, 'value');
  const dates = source.dict.map((id) => sources.get(id)?.date ?? '');
  const dateOrder = [...new Set(dates)].sort(compareCodes);
  const kind = source.dict.map((id) => SOURCE_RANK[sources.get(id)?.kind ?? 'news']);
  // A later date has a higher rank, in compareCodes order.
  const dateRank = dates.map((d) => dateOrder.indexOf(d));
  const qualifierRank = qualifier.dict.map((q) => QUALIFIER_RANK[q as Qualifier]);
  const D = dateOrder.length;
  const sc = source.codes;
  const qc = qualifier.codes;
  const ids = columnOf<string>(figures, 'id');
  return {
    // As comparePreference has it, a qualifier without a rank (NaN) leaves the order to the next rule.
    ranked: qualifierRank.every((r) => r !== undefined),
    sourceCodes: sc,
    qualifierCodes: qc,
    valueCodes: value.codes,
    bySource: Float64Array.from(kind, (k, c) => (k * D + (D - 1 - dateRank[c]!)) * 8),
    byQualifier: Float64Array.from(qualifierRank, (r) => r ?? 0),
    qualifiers: qualifier.dict.length,
    readings: value.size * qualifier.dict.length,
    ids,
    idsInRowOrder: ascending(ids),
    compare: (a, b) =>
      kind[sc[a]!]! - kind[sc[b]!]! ||
      dateRank[sc[b]!]! - dateRank[sc[a]!]! ||
      qualifierRank[qc[a]!]! - qualifierRank[qc[b]!]!,
  };
}

/**
 * The rows of the facts {@link resolveGroups} resolved, kept to order a fact's other rows and make them into
 * objects when its alternatives are first read.
 */
interface FactRows {
  members: Int32Array;
  readingOf: Int32Array;
  /** Rows per reading, all 0 between calls. */
  support: Int32Array;
  before: (i: number, j: number) => number;
  read: (row: number) => Figure;
  /** The key columns by row, for the index (./facts.ts), which reads a fact's place without its object. */
  keys: Record<(typeof FACT_KEY)[number], ColumnValues<string>>;
}

/** The rows at places `from` to `to` of `rows.members` but `best`, in preference order, as objects. */
function othersOf(rows: FactRows, from: number, to: number, best: number): Figure[] {
  const { members, readingOf, support } = rows;
  const places = [];
  for (let k = from; k < to; k++) {
    support[readingOf[k]!]!++;
    if (k !== best) places.push(k);
  }
  places.sort(rows.before);
  for (let k = from; k < to; k++) support[readingOf[k]!] = 0;
  return places.map((k) => rows.read(members[k]!));
}

/**
 * A resolved fact whose preferred row is made into an object, whose key is written, and whose other rows are
 * ordered and made into objects, each when first read: at a million rows, an object and a key for every row
 * took most of the time, and most facts are never shown (the index reads a fact's place from the columns,
 * {@link keyValue}). A class, because 110,000 object literals with a getter took 190 to 320 ms here, where
 * plain objects took 16 to 37; it holds where its rows are rather than a function that finds them, which
 * would be another object per fact.
 */
class LazyFact implements Fact {
  readonly disagree: boolean;
  #preferred: Figure | undefined;
  #key: string | undefined;
  readonly #rows: FactRows;
  /** The preferred row, in the table. */
  readonly #row: number;
  /** The fact's rows are at places `from` to `to` of `rows.members`, the preferred one at `best`. */
  readonly #from: number;
  readonly #to: number;
  readonly #best: number;
  #alternatives: Figure[] | undefined;
  constructor(rows: FactRows, from: number, to: number, best: number, disagree: boolean) {
    this.#rows = rows;
    this.#row = rows.members[best]!;
    this.#from = from;
    this.#to = to;
    this.#best = best;
    this.disagree = disagree;
  }
  get preferred(): Figure {
    return (this.#preferred ??= this.#rows.read(this.#row));
  }
  get key(): string {
    return (this.#key ??= factKey(this.preferred));
  }
  get alternatives(): Figure[] {
    return (this.#alternatives ??=
      this.#to - this.#from > 1 ? othersOf(this.#rows, this.#from, this.#to, this.#best) : []);
  }
  keyValue(name: (typeof FACT_KEY)[number]): string {
    return this.#preferred ? this.#preferred[name] : this.#rows.keys[name][this.#row]!;
  }
}

/** One of a fact's key columns (its preferred row's), read from the table where the row is not yet an object. */
export const keyValue = (fact: Fact, name: (typeof FACT_KEY)[number]): string =>
  fact instanceof LazyFact ? fact.keyValue(name) : fact.preferred[name];

/**
 * Resolves the facts whose rows `members` holds, fact after fact (`start[g]` to `start[g + 1]`, rows in table
 * order), by the rule of {@link comparePreference}, on the values read from the columns. The preferred row is
 * found in one pass; it is made into an object when first read, and the other rows are ordered and made into
 * objects when the fact's alternatives are first read (the figure details, the table, the downloads), which
 * most never are.
 */
function resolveGroups(
  members: Int32Array,
  start: Int32Array,
  groups: Int32Array,
  p: Preferences,
  read: (row: number) => Figure,
  keys: FactRows['keys'],
): Fact[] {
  const {
    ranked,
    sourceCodes: sc,
    qualifierCodes: qc,
    valueCodes: vc,
    bySource,
    byQualifier,
    ids,
    idsInRowOrder,
  } = p;
  const Q = p.qualifiers;
  // The rows' ranks and readings in fact order, read once: the scans below then read memory in order.
  const rankOf = new Float64Array(members.length);
  const readingOf = new Int32Array(members.length);
  for (let k = 0; k < members.length; k++) {
    const r = members[k]!;
    rankOf[k] = bySource[sc[r]!]! + byQualifier[qc[r]!]!;
    readingOf[k] = vc[r]! * Q + qc[r]!;
  }
  // Rows per reading within one fact; `touched` resets only the readings the fact used.
  const support = new Int32Array(p.readings);
  const touched = new Int32Array(Math.min(members.length, p.readings));
  /** Negative when the row at place i (of `members`) is preferred to the row at place j, `support` holding their fact's counts. */
  const before = (i: number, j: number) =>
    (ranked ? rankOf[i]! - rankOf[j]! : p.compare(members[i]!, members[j]!)) ||
    support[readingOf[j]!]! - support[readingOf[i]!]! ||
    (idsInRowOrder ? members[i]! - members[j]! : compareCodes(ids[members[i]!]!, ids[members[j]!]!));
  /** Each fact's preferred row's place in `members`, and whether its rows disagree. */
  const best = new Int32Array(groups.length);
  const disagree = new Uint8Array(groups.length);
  for (let f = 0; f < groups.length; f++) {
    const from = start[groups[f]!]!;
    const to = start[groups[f]! + 1]!;
    let b = from;
    if (to - from > 1) {
      let readings = 0;
      for (let k = from; k < to; k++)
        if (support[readingOf[k]!]!++ === 0) touched[readings++] = readingOf[k]!;
      // `before(k, b) < 0`, written out: this runs once for every row. The fact's rows are in table order, so
      // where ids ascend with the row, a later row never wins a tie.
      for (let k = from + 1; k < to; k++) {
        let d = ranked ? rankOf[k]! - rankOf[b]! : p.compare(members[k]!, members[b]!);
        if (d === 0) d = support[readingOf[b]!]! - support[readingOf[k]!]!;
        if (d < 0 || (d === 0 && !idsInRowOrder && ids[members[k]!]! < ids[members[b]!]!)) b = k;
      }
      for (let k = 0; k < readings; k++) support[touched[k]!] = 0;
      disagree[f] = readings > 1 ? 1 : 0;
    }
    best[f] = b;
  }
  const rows: FactRows = { members, readingOf, support, before, read, keys };
  const facts = new Array<Fact>(groups.length);
  for (let f = 0; f < groups.length; f++)
    facts[f] = new LazyFact(rows, start[groups[f]!]!, start[groups[f]! + 1]!, best[f]!, disagree[f] === 1);
  return facts;
}

/**
 * Resolves every fact in a figures table: rows grouped by fact key (./fact-keys.ts), each group ordered by
 * {@link comparePreference}. Facts come out in a stable order (by key). The rule reads each row's columns by
 * index (`resolveGroups`): a row is made into an object only when its fact's preferred figure or alternatives
 * are read. At a million rows, an object for each row took most of the time.
 */
export function resolveFacts(figures: ColumnTable, sources: ReadonlyMap<string, Source>): Fact[] {
  if (figures.numRows() === 0) return [];
  const { members, start, groups } = rowsByFact(figures);
  const p = preferencesOf(figures, sources);
  const keys = Object.fromEntries(
    FACT_KEY.map((name) => [name, columnOf<string>(figures, name)]),
  ) as FactRows['keys'];
  return resolveGroups(members, start, groups, p, rowReader(figures), keys);
}
