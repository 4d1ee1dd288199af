/**
 * The header line of an imported file, and the shape of each record against it: which column each header
 * cell names (friendly spellings allowed, see ./cells.ts), and the quoting or width mistakes that keep a
 * record from being read as the header says.
 */
import { RefusedFile } from './decode.ts';
import type { CsvRecord } from './records.ts';
import { REQUIRED_COLUMNS, cellText, columnFor, type ImportColumn } from './cells.ts';
import { clip, type CellProblem } from './outcome.ts';

/** The columns the header names, in order, and where each import column is; refuses a header it cannot use. */
export function readHeader(header: CsvRecord) {
  if (header.issue)
    throw new RefusedFile(
      `The header (line ${header.line}) has a stray quote; fix it and load the file again.`,
    );
  if (header.overflow)
    throw new RefusedFile(
      `The header has ${header.width} columns; the import reads at most ${header.cells.length}.`,
    );
  const columns = header.cells.map((cell) => {
    const text = cellText(cell);
    return { header: text, column: text ? columnFor(text) : null };
  });
  const index = new Map<ImportColumn, number>();
  columns.forEach(({ column }, i) => {
    if (!column) return;
    if (index.has(column))
      throw new RefusedFile(
        `The header names the column ${column} twice (columns ${index.get(column)! + 1} and ${i + 1}).`,
      );
    index.set(column, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (index.size === 0)
    throw new RefusedFile(
      `Line ${header.line} is not a header: the first line must name the columns, at least ` +
        `${REQUIRED_COLUMNS.join(', ')} (the template has them all). It reads "${clip(columns.map((c) => c.header).join(', '), 80)}".`,
    );
  if (missing.length)
    throw new RefusedFile(
      `The header (line ${header.line}) has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}. ` +
        `It names: ${clip(
          columns
            .map((c) => c.header)
            .filter(Boolean)
            .join(', '),
          200,
        )}.`,
    );
  return { columns, index };
}

/** Problems with a record's shape: quoting mistakes, or text past the header's last column. */
export function shapeProblems(record: CsvRecord, width: number, name: (i: number) => string): CellProblem[] {
  const { issue } = record;
  if (issue?.kind === 'unclosed-quote')
    return [
      {
        column: name(issue.cell),
        reason:
          `a quote opens here and never closes, so lines ${record.line} to ${issue.lastLine} ` +
          '(the rest of the file) were read as one cell; close the quote, or double a quote inside a cell ("")',
      },
    ];
  if (issue?.kind === 'text-after-quote')
    return [
      {
        column: name(issue.cell),
        reason:
          `a closing quote is followed by ${JSON.stringify(issue.char)}, not by a delimiter: a quote inside a ` +
          'cell must be doubled (""), and the cell quoted',
      },
    ];
  if (record.overflow)
    return [
      {
        column: `column ${record.cells.length + 1}`,
        reason: `the row has ${record.width} cells, more than the ${record.cells.length} the import reads`,
      },
    ];
  const extra = record.cells.slice(width).map(cellText);
  const first = extra.findIndex(Boolean);
  if (first < 0) return [];
  return [
    {
      column: `column ${width + first + 1}`,
      reason:
        `the row has ${record.cells.length} cells but the header names ${width} columns: is a delimiter ` +
        'inside a cell not in quotes?',
      value: clip(extra[first]!),
    },
  ];
}
