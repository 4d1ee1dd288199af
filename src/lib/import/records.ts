/**
 * From text to CSV records: the delimiter, and the records themselves with each one's line, width and
 * quoting mistakes, read in one pass by the rules Arquero reads the published data by.
 */

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

export interface CsvRecord extends RecordShape {
  /** Cell texts, null for an empty cell; no more than {@link MAX_COLUMNS}, even where `width` is more. */
  cells: (string | null)[];
}

/** Cells read per record: far more than the 15 import columns, few enough to keep a record small. */
export const MAX_COLUMNS = 500;

/**
 * Splits LF-only text into records, in one pass, by the rules of Arquero's delimited-text tokenizer (arquero 8,
 * one chunk), which reads the published data: a cell is quoted only when it starts with a quote, and a doubled
 * quote inside it is one quote; the character after a closing quote is consumed whatever it is; a quote that
 * never closes runs to the end of the file; a blank line is a record of one empty cell; a final newline ends
 * the last record. Where Arquero reads on past a quoting mistake without a word, the record says so (`issue`),
 * so that no record is ever misread in silence. Untrusted header text never becomes a key of anything: cells
 * are arrays.
 */
export function readRecords(text: string, delimiter: Delimiter): CsvRecord[] {
  const N = text.length;
  const D = delimiter.charCodeAt(0);
  const records: CsvRecord[] = [];
  let line = 1;
  let start = 1;
  let cells: (string | null)[] = [];
  let width = 0;
  let issue: QuoteIssue | undefined;
  let overflow = false;
  const end = () => {
    const record: CsvRecord = { line: start, width, cells };
    if (issue) record.issue = issue;
    if (overflow) record.overflow = true;
    records.push(record);
    cells = [];
    width = 0;
    issue = undefined;
    overflow = false;
    start = line;
  };
  // Cells past MAX_COLUMNS are not kept; whether they hold text is.
  const cell = (value: string) => {
    width++;
    if (width <= MAX_COLUMNS) cells.push(value === '' ? null : value);
    else if (/[^\s"]/.test(value)) overflow = true;
  };
  let i = 0;
  for (;;) {
    if (i >= N) {
      if (width > 0) {
        cell('');
        end();
      }
      return records;
    }
    const from = i;
    if (text.charCodeAt(i) === QUOTE) {
      let qc = 1;
      let closed = false;
      let doubled = false;
      while (++i < N) {
        const c = text.charCodeAt(i);
        if (c === NEWLINE) line++;
        else if (c === QUOTE) {
          if (++qc === 3) {
            qc = 1;
            doubled = true;
          } else if (i + 1 < N && text.charCodeAt(i + 1) !== QUOTE) {
            closed = true;
            i++;
            break;
          }
        }
      }
      // A closing quote that is the file's last character closes the cell, as one followed by a newline does.
      const inside = text.slice(from + 1, closed || qc === 2 ? i - 1 : N);
      cell(doubled ? inside.replaceAll('""', '"') : inside);
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
    cell(text.slice(from, i));
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

/** The records' shapes alone: where each starts, how wide it is, what went wrong with its quoting. */
export const scanRecords = (text: string, delimiter: Delimiter): RecordShape[] =>
  readRecords(text, delimiter);
