/**
 * Columnar helpers over Arquero tables: a filter that tests rows by index against the table's own column
 * arrays and hands Arquero a BitSet, and a scan over the rows a table keeps. No expression is parsed or
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
