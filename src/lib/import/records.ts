/**
 * From text to CSV records: the delimiter, and the records themselves. Arquero parses the cells; a scan that
 * follows Arquero's own tokenizer rule for rule gives each record's line and width, and the quoting mistakes
 * Arquero passes over without a word (text after a closing quote, a quote that never closes), so that no
 * record is ever misread in silence. Untrusted header text never becomes an Arquero column name: the table is
 * read header-less.
 */
import * as aq from 'arquero';
import { RefusedFile } from './decode.ts';

export type Delimiter = ',' | ';' | '\t';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/** The cells of the first line with a letter or digit, quotes honoured (only used to pick the delimiter). */
function headerCells(text: string, delimiter: string): string[] {
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  const filled = () => [...cells, cell].some((c) => /[\p{L}\p{N}]/u.test(c));
  for (let i = 0; i < text.length && i < 100_000; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === '\n') {
      if (filled()) break;
      cells = [];
      cell = '';
    } else if (!inQuotes && ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/**
 * The delimiter that makes the most of the header's cells known column names; ties go to the one giving
 * more cells, then to comma, semicolon, tab. Null when no candidate splits the first line at all.
 */
export function detectDelimiter(text: string, known: (name: string) => boolean): Delimiter | null {
  let best: { d: Delimiter; score: number; cells: number } | null = null;
  for (const d of DELIMITERS) {
    const cells = headerCells(text, d);
    if (cells.length < 2) continue;
    const score = cells.filter(known).length;
    if (!best || score > best.score || (score === best.score && cells.length > best.cells))
      best = { d, score, cells: cells.length };
  }
  return best?.d ?? null;
}

/** What went wrong with the quoting of a record; Arquero reads on regardless. */
export type QuoteIssue =
  | { kind: 'text-after-quote'; cell: number; char: string }
  | { kind: 'unclosed-quote'; cell: number; lastLine: number };

export interface RecordShape {
  /** 1-based line on which the record starts. */
  line: number;
  /** Number of cells. */
  width: number;
  issue?: QuoteIssue;
  /** Some cell past the first {@link MAX_COLUMNS} holds text. */
  overflow?: true;
}

const QUOTE = 34;
const NEWLINE = 10;

/**
 * Record shapes exactly as Arquero's delimited-text tokenizer (arquero 8, one chunk) splits LF-only text:
 * a cell is quoted only when it starts with a quote; the character after a closing quote is consumed
 * whatever it is; a quote that never closes runs to the end of the file; a blank line is a record of one
 * empty cell; a final newline ends the last record.
 */
export function scanRecords(text: string, delimiter: Delimiter): RecordShape[] {
  const N = text.length;
  const D = delimiter.charCodeAt(0);
  const records: RecordShape[] = [];
  let line = 1;
  let start = 1;
  let width = 0;
  let issue: QuoteIssue | undefined;
  let overflow = false;
  const end = () => {
    const shape: RecordShape = { line: start, width };
    if (issue) shape.issue = issue;
    if (overflow) shape.overflow = true;
    records.push(shape);
    width = 0;
    issue = undefined;
    overflow = false;
    start = line;
  };
  // Cells past MAX_COLUMNS are not kept; whether they hold text is.
  const cell = (from: number, to: number) => {
    width++;
    if (width > MAX_COLUMNS && /[^\s"]/.test(text.slice(from, to))) overflow = true;
  };
  let i = 0;
  for (;;) {
    if (i >= N) {
      if (width > 0) {
        width++;
        end();
      }
      return records;
    }
    const from = i;
    if (text.charCodeAt(i) === QUOTE) {
      let qc = 1;
      let closed = false;
      while (++i < N) {
        const c = text.charCodeAt(i);
        if (c === NEWLINE) line++;
        else if (c === QUOTE) {
          if (++qc === 3) qc = 1;
          else if (i + 1 < N && text.charCodeAt(i + 1) !== QUOTE) {
            closed = true;
            i++;
            break;
          }
        }
      }
      cell(from, i);
      if (!closed) {
        const lastLine = text.endsWith('\n') ? line - 1 : line;
        if (qc !== 2) issue ??= { kind: 'unclosed-quote', cell: width - 1, lastLine };
        end();
        return records;
      }
      const c = text.charCodeAt(i++);
      if (c === NEWLINE) {
        line++;
        end();
      } else if (c !== D) issue ??= { kind: 'text-after-quote', cell: width - 1, char: text[i - 1]! };
      continue;
    }
    let c = 0;
    while (i < N && (c = text.charCodeAt(i)) !== NEWLINE && c !== D) i++;
    cell(from, i);
    if (i >= N) {
      end();
      return records;
    }
    i++;
    if (c === NEWLINE) {
      line++;
      end();
    }
  }
}

export interface CsvRecord extends RecordShape {
  /** Cell texts, null for an empty cell; no more than {@link MAX_COLUMNS}, even where `width` is more. */
  cells: (string | null)[];
}

/** Cells read per record: far more than the 15 import columns, few enough to keep a table of them small. */
export const MAX_COLUMNS = 500;

/**
 * Parses LF-only text with Arquero into records. A first line of empty cells as wide as the widest record
 * is put before the text, because Arquero keeps only as many columns as its first row has.
 */
export function readRecords(text: string, delimiter: Delimiter): CsvRecord[] {
  const shapes = scanRecords(text, delimiter);
  const widest = Math.min(
    shapes.reduce((m, s) => Math.max(m, s.width), 1),
    MAX_COLUMNS,
  );
  const table = aq.fromCSV(delimiter.repeat(widest - 1) + '\n' + text, {
    delimiter,
    header: false,
    autoType: false,
  });
  if (table.numRows() !== shapes.length + 1)
    throw new RefusedFile('This file could not be read consistently; please save it again as CSV UTF-8.');
  const columns = Array.from({ length: widest }, (_, c) => table.array(`col${c + 1}`) as (string | null)[]);
  return shapes.map((shape, r) => {
    const cells: (string | null)[] = [];
    for (let c = 0; c < Math.min(shape.width, widest); c++) {
      const value = columns[c]![r + 1];
      if (value === undefined)
        throw new RefusedFile(`This file could not be read consistently at line ${shape.line}.`);
      cells.push(value);
    }
    // Arquero leaves cells past a record's end undefined: a mismatch means the scan misread the record.
    if (shape.width < widest && columns[shape.width]![r + 1] !== undefined)
      throw new RefusedFile(`This file could not be read consistently at line ${shape.line}.`);
    return { ...shape, cells };
  });
}
