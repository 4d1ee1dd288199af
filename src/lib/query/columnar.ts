/**
 * Columnar helpers over Arquero tables: a filter that tests rows by index against the table's own column
 * arrays and hands Arquero a BitSet, a scan over the rows a table keeps, columns as integer codes, and keys
 * numbered into groups (the resolve's grouping). No expression is parsed or
 * compiled: nothing a person types or a link carries can become code, and the browser build needs no
 * expression parser (see vite.config.ts).
 */
import { BitSet, type ColumnTable } from 'arquero';

/** A column's values by row index (plain and typed arrays, or Arquero columns, all index the same way). */
export type ColumnValues<T> = { readonly [row: number]: T; readonly length: number };

/** The raw column of a table, indexed by row (of the unfiltered data). */
export function columnOf<T>(table: ColumnTable, name: string): ColumnValues<T> {
  const column = table.column(name) as unknown as { at(row: number): T; length: number } | undefined;
  if (!column) throw new Error(`No column "${name}"`);
  if (Array.isArray(column) || ArrayBuffer.isView(column)) return column as unknown as ColumnValues<T>;
  // A column object without index access: read it once into an array.
  return Array.from({ length: table.totalRows() }, (_, i) => column.at(i));
}

/** Calls `visit` with the index of every row the table keeps, in order. */
export function eachRow(table: ColumnTable, visit: (row: number) => void): void {
  const mask = table.mask();
  if (mask) for (let i = mask.next(0); i >= 0; i = mask.next(i + 1)) visit(i);
  else for (let i = 0, n = table.totalRows(); i < n; i++) visit(i);
}

/** The rows of `table` for which `keep(row)` is true, as an Arquero table sharing the same columns. */
export function filterRows(table: ColumnTable, keep: (row: number) => boolean): ColumnTable {
  const bits = new BitSet(table.totalRows());
  eachRow(table, (i) => {
    if (keep(i)) bits.set(i);
  });
  return table.create({ filter: bits }) as ColumnTable;
}

/** A text column as integer codes into its distinct values: made once per column, then reused. */
export interface Codes {
  codes: Int32Array;
  /** The distinct values; null cells are ''. */
  dict: string[];
  index: ReadonlyMap<string, number>;
}

/**
 * A column's values as integer codes, equal codes for equal values as a Map's keys are equal, and the distinct
 * values in the order met: made once per column and kind (`cache`), then reused.
 */
interface Encoded<V> {
  codes: Int32Array;
  dict: V[];
  index: ReadonlyMap<V, number>;
}

function encode<V>(
  table: ColumnTable,
  name: string,
  cache: WeakMap<object, Encoded<V>>,
  normalise: (v: unknown) => V,
): Encoded<V> {
  const column = table.column(name) as unknown as object | undefined;
  if (!column) throw new Error(`No column "${name}"`);
  const cached = cache.get(column);
  if (cached) return cached;
  const values = columnOf<unknown>(table, name);
  const index = new Map<V, number>();
  const dict: V[] = [];
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = normalise(values[i]);
    let c = index.get(v);
    if (c === undefined) {
      c = dict.push(v) - 1;
      index.set(v, c);
    }
    codes[i] = c;
  }
  const made = { codes, dict, index };
  cache.set(column, made);
  return made;
}

const codeCache = new WeakMap<object, Codes>();

/**
 * The column's codes. Tables made from one another by filtering share their columns, so the dataset's
 * columns are encoded once, however many queries run over them.
 */
export const codesOf = (table: ColumnTable, name: string): Codes =>
  encode(table, name, codeCache, (v) => (v as string | null | undefined) ?? '');

const valueCodeCache = new WeakMap<object, Encoded<number | null>>();

/**
 * A number column as integer codes (0 and -0 alike, null apart from every number), with the number of distinct
 * values: made once per column, as {@link codesOf}.
 */
export function valueCodesOf(table: ColumnTable, name: string): { codes: Int32Array; size: number } {
  const { codes, dict } = encode(
    table,
    name,
    valueCodeCache,
    (v) => (v as number | null | undefined) ?? null,
  );
  return { codes, size: dict.length };
}

/** 1 for the codes of the wanted values, 0 for the rest. */
export function maskOf(codes: Codes, wanted: Iterable<string>): Uint8Array {
  const mask = new Uint8Array(codes.dict.length);
  for (const w of wanted) {
    const c = codes.index.get(w);
    if (c !== undefined) mask[c] = 1;
  }
  return mask;
}

/** 1 for the (start, end) code pairs of the wanted "start..end" period keys, indexed start * ends + end. */
export function periodMaskOf(start: Codes, end: Codes, keys: Iterable<string>): Uint8Array {
  const mask = new Uint8Array(start.dict.length * end.dict.length);
  for (const key of keys) {
    const [s, e] = key.split('..') as [string, string];
    const sc = start.index.get(s);
    const ec = end.index.get(e);
    if (sc !== undefined && ec !== undefined) mask[sc * end.dict.length + ec] = 1;
  }
  return mask;
}

/**
 * Numbers the distinct keys: each key's group, the groups in key order, and where each group's rows start in
 * a list of the rows by group (`start[g]` to `start[g + 1]`). Where there are few possible keys for the rows
 * (`possible`), a key is its own group number, in an array with a place for every possible key; otherwise the
 * groups are numbered as first met, in a Map. (`dense` is a parameter for the tests.)
 */
export function groupKeys(
  keyOf: Float64Array,
  possible: number,
  dense = possible <= Math.max(4 * keyOf.length, 1 << 16),
): { start: Int32Array; groups: Int32Array; groupOf: Int32Array } {
  const n = keyOf.length;
  let groupOf: Int32Array;
  let count: number;
  let groups: Int32Array;
  if (dense) {
    groupOf = Int32Array.from(keyOf);
    count = possible;
  } else {
    const numbered = new Map<number, number>();
    const keys: number[] = [];
    groupOf = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      let group = numbered.get(keyOf[k]!);
      if (group === undefined) numbered.set(keyOf[k]!, (group = keys.push(keyOf[k]!) - 1));
      groupOf[k] = group;
    }
    count = keys.length;
    groups = Int32Array.from(Float64Array.from(keys).sort(), (key) => numbered.get(key)!);
  }
  const start = new Int32Array(count + 1);
  for (let k = 0; k < n; k++) start[groupOf[k]! + 1]!++;
  if (dense) {
    const used: number[] = [];
    for (let g = 0; g < count; g++) if (start[g + 1]! > 0) used.push(g);
    groups = Int32Array.from(used);
  }
  for (let g = 0; g < count; g++) start[g + 1]! += start[g]!;
  return { start, groups: groups!, groupOf };
}
