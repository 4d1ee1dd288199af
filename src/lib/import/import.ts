/**
 * "Bring your own FOI data": a CSV file a person loads in the browser becomes figures beside the bundled
 * ones, with a report first. Pure: text (or bytes) in, data out; nothing here touches the DOM, and no text
 * from the file is ever compiled into an Arquero expression or used as an object key.
 *
 * The report accounts for every line: each non-blank record after the header is a row, and every row is
 * either accepted (one figure) or rejected with every reason, so accepted + rejected.length = rows.
 *
 * Decisions a reader of the result should know:
 * - Figures get ids u0001, u0002… in file order of the accepted rows (bundled ids start with "f").
 * - Sources: one per distinct source_url (or, without one, per source_name): ids user-1, user-2…; rows
 *   naming neither share the source "user". A source's `kind` is what `source_kind` says; left out, it is
 *   "news", the lowest rank of the preference rule, so that an undescribed row never outranks a published
 *   figure for the same fact. The UI tells user rows apart by `origin: 'user'` and {@link isUserFigure},
 *   never by kind.
 * - A platform label the dataset does not know is kept as written and listed in `unknownLabels`; give
 *   the dataset {@link labelForUnknown} for each.
 */
import type { Figure, Source } from '../data/schema.ts';
import {
  IMPORT_MAX_BYTES,
  RefusedFile,
  decodeBytes,
  normaliseNewlines,
  screenText,
  sizeError,
  utf8Length,
} from './decode.ts';
import { detectDelimiter, readRecords, type CsvRecord, type Delimiter } from './records.ts';
import { readHeader, shapeProblems } from './header.ts';
import { cellText, columnFor, type ImportColumn } from './cells.ts';
import { RowChecker } from './rows.ts';
import { clip, type CellProblem, type ImportReference } from './outcome.ts';
import { SourceRegistry, seriesWarnings, type RowWarning } from './file-checks.ts';

export { IMPORT_MAX_BYTES } from './decode.ts';
export type { Delimiter } from './records.ts';
export { IMPORT_COLUMNS, type ImportColumn } from './cells.ts';
export { didYouMean } from './areas.ts';
export { USER_SOURCE, labelForUnknown, type CellProblem, type ImportReference } from './outcome.ts';
export type { RowWarning } from './file-checks.ts';
export { TEMPLATE_COLUMNS, templateCSV, figuresToImportCSV, type TemplateColumn } from './template.ts';

export interface ImportOptions {
  /** Shown in messages and in the name of a source the file does not describe. */
  fileName?: string;
  /** The file's size in bytes, when known (File.size); else measured from the text. */
  byteLength?: number;
  /** How the bytes were decoded, when the caller did it. */
  encoding?: string;
  /** Told how far the check has come, every {@link PROGRESS_EVERY} rows. */
  onProgress?: (progress: ImportProgress) => void;
}

/** Reading: the text is being decoded and split into records. Checking: `done` of `total` records checked. */
export type ImportProgress = { phase: 'reading' } | { phase: 'checking'; done: number; total: number };
export const PROGRESS_EVERY = 2000;

export interface RejectedRow {
  /** 1-based over the data rows (blank lines not counted). */
  row: number;
  /** Line of the file where the row starts (header = line 1 when the file opens with it). */
  line: number;
  problems: CellProblem[];
}

export interface ImportReport {
  fileName: string;
  encoding: string;
  delimiter: Delimiter;
  /** Each header cell and the column it was read as (null: not used). */
  columns: { header: string; column: ImportColumn | null }[];
  /** Non-blank records after the header. */
  rows: number;
  accepted: number;
  rejected: RejectedRow[];
  warnings: RowWarning[];
  /** Lines with no text in any cell, skipped and not counted as rows. */
  blankLines: number;
}

export interface ImportedData {
  ok: true;
  origin: 'user';
  figures: Figure[];
  sources: Source[];
  unknownLabels: string[];
  report: ImportReport;
}

export type ImportResult = ImportedData | { ok: false; error: string };

export { isUserFigure } from '../data/schema.ts';

const isBlank = (r: CsvRecord) =>
  !r.issue && !r.overflow && r.cells.every((c) => c == null || c.trim() === '');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Reads a CSV file's text into figures and a report; refuses a file it cannot read as a table at all. */
export function importFigures(text: string, ds: ImportReference, options: ImportOptions = {}): ImportResult {
  try {
    return run(text, ds, options);
  } catch (e) {
    if (e instanceof RefusedFile) return { ok: false, error: e.message };
    // A bug, not the file's fault: still a message, never a crash of the page.
    return { ok: false, error: `Unexpected error while reading this file: ${clip(String(e), 200)}` };
  }
}

/** As {@link importFigures}, from the file's bytes (decoded as UTF-8, UTF-16 with a BOM, or Windows-1252). */
export function importBytes(
  bytes: Uint8Array,
  ds: ImportReference,
  options: ImportOptions = {},
): ImportResult {
  const tooBig = sizeError(bytes.byteLength);
  if (tooBig) return { ok: false, error: tooBig };
  const { text, encoding } = decodeBytes(bytes);
  return importFigures(text, ds, { ...options, byteLength: bytes.byteLength, encoding });
}

/** As {@link importBytes}, from a File the person picked; a file over the limit is never read. */
export async function importFile(
  file: Blob & { name?: string },
  ds: ImportReference,
  options: Pick<ImportOptions, 'onProgress'> = {},
): Promise<ImportResult> {
  const tooBig = sizeError(file.size);
  if (tooBig) return { ok: false, error: tooBig };
  options.onProgress?.({ phase: 'reading' });
  return importBytes(new Uint8Array(await file.arrayBuffer()), ds, { ...options, fileName: file.name });
}

function run(raw: string, ds: ImportReference, options: ImportOptions): ImportResult {
  const tooBig = sizeError(options.byteLength ?? utf8Length(raw, IMPORT_MAX_BYTES));
  if (tooBig) throw new RefusedFile(tooBig);
  const text = normaliseNewlines(screenText(raw));
  const fileName = options.fileName ?? 'your file';
  const delimiter = detectDelimiter(text, (cell) => columnFor(cell) !== null);
  if (!delimiter)
    throw new RefusedFile(
      'This is not a CSV table: its first line has no commas, semicolons or tabs between columns.',
    );
  const records = readRecords(text, delimiter);
  let blankLines = 0;
  let h = 0;
  while (h < records.length && isBlank(records[h]!)) {
    blankLines++;
    h++;
  }
  const header = records[h];
  if (!header) throw new RefusedFile('The file is empty: it has only blank lines.');
  const { columns, index } = readHeader(header);
  // Cells past the last named column must be empty: trailing empty columns are fine, shifted cells are not.
  const width = columns.reduce((w, c, i) => (c.header ? i + 1 : w), 0);
  const name = (i: number) => columns[i]?.column ?? (columns[i]?.header || `column ${i + 1}`);

  const warnings: RowWarning[] = [];
  const headerWarning = (column: string, message: string) =>
    warnings.push({ row: 0, line: header.line, column, message });
  const unused = columns.filter((c) => c.header && !c.column).map((c) => `"${clip(c.header, 40)}"`);
  if (unused.length)
    headerWarning('*', `${plural(unused.length, 'column')} not used by the import: ${unused.join(', ')}`);
  if (!index.has('source_kind'))
    headerWarning(
      'source_kind',
      'no source_kind column: where your rows and a published figure disagree, yours count as news (the ' +
        "least authoritative); write foi_disclosure for a force's own FOI reply",
    );
  if (raw.includes('\uFFFD') || options.encoding === 'Windows-1252')
    headerWarning(
      '*',
      options.encoding === 'Windows-1252'
        ? 'the file is not UTF-8 and was read as Windows-1252 (Excel\'s "CSV"): check accented letters and £ signs'
        : 'some characters could not be read (the file is not UTF-8): save it as "CSV UTF-8" and load it again',
    );

  const checker = new RowChecker(ds, fileName);
  const figures: Figure[] = [];
  const accepted: { row: number; line: number }[] = [];
  const rejected: RejectedRow[] = [];
  const sources = new SourceRegistry(options.fileName);
  const unknownLabels = new Set<string>();
  const unnamed = new Map<number, number>();
  let rows = 0;
  const total = records.length - h - 1;
  for (let r = h + 1; r < records.length; r++) {
    const record = records[r]!;
    const done = r - h - 1;
    if (done % PROGRESS_EVERY === 0) options.onProgress?.({ phase: 'checking', done, total });
    if (isBlank(record)) {
      blankLines++;
      continue;
    }
    const row = ++rows;
    const structural = shapeProblems(record, width, name);
    if (structural.length) {
      rejected.push({ row, line: record.line, problems: structural });
      continue;
    }
    for (let i = 0; i < width; i++)
      if (!columns[i]!.header && cellText(record.cells[i]) && !unnamed.has(i)) unnamed.set(i, record.line);
    const get = (column: ImportColumn) => {
      const i = index.get(column);
      return i === undefined ? '' : cellText(record.cells[i]);
    };
    const outcome = checker.check(get, record.line);
    if (!outcome.ok) {
      rejected.push({ row, line: record.line, problems: outcome.problems });
      continue;
    }
    const source = sources.add(outcome.source, row, (column, message) =>
      outcome.warnings.push({ column, message }),
    );
    figures.push({ id: `u${String(figures.length + 1).padStart(4, '0')}`, ...outcome.figure, source });
    accepted.push({ row, line: record.line });
    if (outcome.unknownLabel !== undefined) unknownLabels.add(outcome.unknownLabel);
    for (const w of outcome.warnings) warnings.push({ row, line: record.line, ...w });
  }
  for (const [i, line] of unnamed)
    headerWarning(
      '*',
      `column ${i + 1} has no name in the header; its cells (the first on line ${line}) are not read`,
    );
  if (rows === 0) throw new RefusedFile('The file has a header but no rows of figures.');
  warnings.push(...seriesWarnings(figures, accepted));
  warnings.sort((a, b) => a.row - b.row);

  return {
    ok: true,
    origin: 'user',
    figures,
    sources: sources.list(),
    unknownLabels: [...unknownLabels],
    report: {
      fileName,
      encoding: options.encoding ?? 'UTF-8',
      delimiter,
      columns,
      rows,
      accepted: figures.length,
      rejected,
      warnings,
      blankLines,
    },
  };
}
