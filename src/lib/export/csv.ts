/**
 * Writes rows as RFC 4180 CSV for downloads. Cells that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or carriage return) are neutralised with a leading apostrophe,
 * unless the cell is a plain number (a negative number is data, not a formula).
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export function csvCell(value: unknown): string {
  if (value == null) return '';
  const text = neutralise(typeof value === 'number' ? String(value) : String(value));
  return /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text with the given columns, in order; missing cells are empty. */
export function toCSV(
  rows: readonly Readonly<Record<string, unknown>>[],
  columns: readonly string[],
): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows)
    lines.push(columns.map((c) => csvCell(Object.hasOwn(row, c) ? row[c] : null)).join(','));
  return lines.join('\n') + '\n';
}
