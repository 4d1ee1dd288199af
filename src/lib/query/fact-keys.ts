/**
 * Which rows of a figures table state the same fact (area, period, measure, category: {@link FACT_KEY}), in
 * the order of the facts' written keys ({@link factKey}). Rows are grouped and ordered by a number made of the
 * key columns' ranks ({@link keyParts}), so that no key is written for each row (where the ranks cannot stand
 * for the key, by the written key's place among the table's): at a million rows, writing a key for each row
 * took most of the time. The preference rule among a fact's rows is ./resolve.ts's.
 */
import type { ColumnTable } from 'arquero';
import type { Figure } from '../data/schema.ts';
import { compareCodes } from '../data/order.ts';
import { codesOf, eachRow, groupKeys } from './columnar.ts';

export const FACT_KEY = ['area', 'period_start', 'period_end', 'measure', 'category'] as const;
export const factKey = (f: Pick<Figure, (typeof FACT_KEY)[number]>): string =>
  `${f.area}|${f.period_start}|${f.period_end}|${f.measure}|${f.category}`;

/**
 * One part of a fact's key number: a column's codes (`a`), or two columns' codes (`a` and `b`, the pair's code
 * `a * width + b`), as ranks (`rank`, by code) of which there are `size`.
 */
interface KeyPart {
  a: Int32Array;
  b: Int32Array | null;
  width: number;
  rank: Int32Array;
  size: number;
}

/**
 * The key columns' codes as the parts of a number that orders facts as their keys do ({@link factKey}): the
 * area, the period (its start and end), and the measure with its category. Each column's values are ranked in
 * the order of the written key: the first four are each followed by '|' in it, so they are ranked as written
 * with it (no value of theirs may hold one); the last as it is. A pair's rank is its place, in the order of its
 * columns' ranks, among the pairs the table's rows hold, so that the number's range follows the periods and
 * categories there are rather than every start with every end (at the scale benchmark's million rows, 3.7
 * million possible keys become 116,000). Null when the ranks cannot stand for the key: a '|' in a value, or
 * more keys than a number holds exactly.
 */
function keyParts(figures: ColumnTable): KeyPart[] | null {
  const columns = FACT_KEY.map((name) => codesOf(figures, name));
  const ranks = columns.map((c, k) => {
    const last = k === columns.length - 1;
    if (!last && c.dict.some((v) => v.includes('|'))) return null;
    const written = c.dict.map((v) => (last ? v : `${v}|`));
    const order = written.map((_, i) => i).sort((a, b) => compareCodes(written[a]!, written[b]!));
    const rank = new Int32Array(Math.max(1, c.dict.length));
    order.forEach((code, r) => (rank[code] = r));
    return rank;
  });
  if (ranks.includes(null)) return null;
  const pair = (i: number, j: number): KeyPart => {
    const [a, b] = [columns[i]!.codes, columns[j]!.codes];
    const [rankA, rankB] = [ranks[i]!, ranks[j]!];
    const width = rankB.length;
    // The pairs held, by their columns' ranks; then each numbered in that order.
    const held = new Int32Array(rankA.length * width).fill(-1);
    for (let r = 0; r < a.length; r++) held[rankA[a[r]!]! * width + rankB[b[r]!]!] = a[r]! * width + b[r]!;
    const rank = new Int32Array(held.length);
    let size = 0;
    for (let x = 0; x < held.length; x++) if (held[x]! >= 0) rank[held[x]!] = size++;
    return { a, b, width, rank, size: Math.max(1, size) };
  };
  const parts = [
    { a: columns[0]!.codes, b: null, width: 1, rank: ranks[0]!, size: ranks[0]!.length },
    pair(1, 2),
    pair(3, 4),
  ];
  const possible = parts.reduce((product, part) => product * part.size, 1);
  return possible > Number.MAX_SAFE_INTEGER ? null : parts;
}

/**
 * The rows of each fact, facts in key order: fact `g` of `groups` holds the rows at places `start[g]` to
 * `start[g + 1]` of `members`, in table order. Only the rows a filtered table keeps are grouped.
 */
export function rowsByFact(figures: ColumnTable): {
  members: Int32Array;
  start: Int32Array;
  groups: Int32Array;
} {
  // Each kept row's key as a number that orders facts as their written keys do. A table that keeps every row
  // (no filter) needs no list of the rows it keeps.
  const kept = figures.isFiltered() ? new Int32Array(figures.numRows()) : null;
  const keyOf = new Float64Array(figures.numRows());
  let n = 0;
  let possible: number;
  const parts = keyParts(figures);
  if (parts) {
    // A number made of the key parts' ranks, a part at a time (a pass over typed arrays each).
    if (kept) eachRow(figures, (i) => (kept[n++] = i));
    else n = figures.numRows();
    for (const { a, b, width, rank, size } of parts) {
      if (b && kept)
        for (let k = 0; k < n; k++) keyOf[k] = keyOf[k]! * size + rank[a[kept[k]!]! * width + b[kept[k]!]!]!;
      else if (b) for (let k = 0; k < n; k++) keyOf[k] = keyOf[k]! * size + rank[a[k]! * width + b[k]!]!;
      else if (kept) for (let k = 0; k < n; k++) keyOf[k] = keyOf[k]! * size + rank[a[kept[k]!]!]!;
      else for (let k = 0; k < n; k++) keyOf[k] = keyOf[k]! * size + rank[a[k]!]!;
    }
    possible = parts.reduce((product, part) => product * part.size, 1);
  } else {
    // The written key's place among the table's written keys (a '|' in a value, or too many keys for a number).
    const columns = FACT_KEY.map((name) => codesOf(figures, name));
    const written = new Map<string, number>();
    eachRow(figures, (i) => {
      const key = columns.map((c) => c.dict[c.codes[i]!]).join('|');
      let at = written.get(key);
      if (at === undefined) written.set(key, (at = written.size));
      if (kept) kept[n] = i;
      keyOf[n++] = at;
    });
    const place = new Float64Array(written.size);
    [...written.keys()].sort(compareCodes).forEach((key, r) => (place[written.get(key)!] = r));
    for (let k = 0; k < n; k++) keyOf[k] = place[keyOf[k]!]!;
    possible = written.size;
  }
  const { start, groups, groupOf } = groupKeys(keyOf.subarray(0, n), possible);
  // The rows of each fact together, in table order (a counting sort).
  const next = start.slice();
  const members = new Int32Array(n);
  for (let k = 0; k < n; k++) members[next[groupOf[k]!]!++] = kept ? kept[k]! : k;
  return { members, start, groups };
}
