/**
 * Checks across the rows of a data file: repeated rows and keys, one share base for one wording, and the line
 * each record starts on. The row rules themselves (one row at a time, shared with the import) are in
 * ./validate.ts.
 */
import type { Problem, RawRow } from './validate.ts';

const text = (row: RawRow, column: string): string => (row[column] ?? '').trim();

/** Flags rows that repeat an earlier row in every column but `ignore` (e.g. the id). */
export function findDuplicates(
  rows: readonly RawRow[],
  columns: readonly string[],
  lines: readonly number[],
  file: string,
  ignore: readonly string[] = ['id'],
): Problem[] {
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  const keyColumns = columns.filter((c) => !ignore.includes(c));
  rows.forEach((row, i) => {
    const key = JSON.stringify(keyColumns.map((c) => text(row, c)));
    const first = seen.get(key);
    if (first === undefined) seen.set(key, lines[i] ?? i + 2);
    else
      problems.push({
        file,
        line: lines[i] ?? i + 2,
        column: '*',
        message: `exact duplicate of the row at line ${first}`,
      });
  });
  return problems;
}

/** Evidence as compared between rows: case and runs of spaces do not make two wordings differ. */
const sameWording = (evidence: string): string => evidence.toLowerCase().replace(/\s+/g, ' ');

/**
 * One wording, one base: `platform_share` rows of one area and period whose evidence reads the same must carry
 * the same `share_base`, whatever their category ("WhatsApp, Facebook and Instagram each associated with 9% of
 * offences" is one wording for three rows). Flags each later row whose base differs from the first such row.
 */
export function findShareBaseConflicts(
  rows: readonly RawRow[],
  lines: readonly number[],
  file: string,
): Problem[] {
  const first = new Map<string, { base: string; line: number; id: string }>();
  const problems: Problem[] = [];
  rows.forEach((row, i) => {
    const evidence = sameWording(text(row, 'evidence'));
    if (text(row, 'measure') !== 'platform_share' || !evidence) return;
    const key = JSON.stringify([
      text(row, 'area'),
      text(row, 'period_start'),
      text(row, 'period_end'),
      evidence,
    ]);
    const base = text(row, 'share_base');
    const line = lines[i] ?? i + 2;
    const seen = first.get(key);
    if (!seen) first.set(key, { base, line, id: text(row, 'id') });
    else if (seen.base !== base)
      problems.push({
        file,
        line,
        column: 'share_base',
        message:
          `share base "${base}" differs from "${seen.base}" of ${seen.id} (line ${seen.line}), ` +
          'which has the same area, period and evidence: one wording has one base',
      });
  });
  return problems;
}

/** Flags repeated values in a key column. */
export function findRepeatedKeys(
  rows: readonly RawRow[],
  column: string,
  lines: readonly number[],
  file: string,
): Problem[] {
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  rows.forEach((row, i) => {
    const key = text(row, column);
    const first = seen.get(key);
    if (first !== undefined)
      problems.push({ file, line: lines[i] ?? i + 2, column, message: `"${key}" repeats line ${first}` });
    else seen.set(key, lines[i] ?? i + 2);
  });
  return problems;
}

/**
 * The line on which each CSV record starts (1-based, header = line 1), counting newlines inside quotes,
 * so that a problem points at the line a person sees in an editor. A blank line is a record, as the parser
 * reads it; a final newline is not.
 */
export function recordLines(csvText: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let inQuotes = false;
  for (let i = 0; i < csvText.length; i++) {
    const ch = csvText[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === '\n' && !inQuotes) {
      line++;
      if (i + 1 < csvText.length) lines.push(line);
    } else if (ch === '\n') line++;
  }
  return lines;
}
