/**
 * A table's rows as plain objects, read column by column. Arquero's own `objects()` builds its row reader
 * with `Function()`, which the site's Content-Security-Policy (no 'unsafe-eval', build/csp.ts) refuses in the
 * browser; reading the columns needs no generated code.
 */
import type { ColumnTable } from 'arquero';

export function rowsOf<T = Record<string, unknown>>(table: ColumnTable): T[] {
  const names = table.columnNames();
  const columns = names.map((name) => table.column(name)!);
  const rows: T[] = [];
  table.scan((r) => {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) row[names[c]!] = columns[c]!.at(r as number);
    rows.push(row as T);
  }, true);
  return rows;
}
