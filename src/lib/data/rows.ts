/**
 * A table's rows as plain objects, read column by column. Arquero's own `objects()` builds its row reader
 * with `Function()`, which the site's Content-Security-Policy (no 'unsafe-eval', build/csp.ts) refuses in the
 * browser; reading the columns needs no generated code.
 */
import type { ColumnTable } from 'arquero';

export function rowsOf<T = Record<string, unknown>>(table: ColumnTable): T[] {
  const names = table.columnNames();
  const columns = names.map((name) => table.array(name) as ArrayLike<unknown>);
  return Array.from({ length: table.numRows() }, (_, r) => {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) row[names[c]!] = columns[c]![r];
    return row as T;
  });
}
