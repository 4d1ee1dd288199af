/**
 * The source an imported row names: its web address, publisher, date and kind, read in friendly spellings
 * (./cells.ts) and checked by the bundled data's source rule (`checkSource` in validate.ts), plus the one rule
 * only imported rows need: an address must be a web address a browser would open.
 */
import { SOURCE_KINDS, type SourceKind } from '../data/schema.ts';
import { checkSource } from '../data/validate.ts';
import { normaliseSourceKind, readMonthOrDate, remembered, type ImportColumn } from './cells.ts';
import { DEFAULT_SOURCE_KIND, clip, type CellProblem, type RowSource } from './outcome.ts';

const isWebAddress = remembered((url: string): boolean => {
  try {
    return /^https?:$/.test(new URL(url).protocol);
  } catch {
    return false;
  }
});

const COLUMNS: Record<string, ImportColumn> = {
  url: 'source_url',
  kind: 'source_kind',
  date: 'source_date',
};

/** The row's source; its problems, if any, are added to `problems`. */
export function readSource(
  get: (column: ImportColumn) => string,
  file: string,
  line: number,
  problems: CellProblem[],
): RowSource {
  const url = get('source_url');
  const name = get('source_name');
  const dateCell = get('source_date');
  const date = dateCell ? readMonthOrDate(dateCell) : '';
  const kindCell = get('source_kind');
  const kind = (kindCell ? normaliseSourceKind(kindCell) : DEFAULT_SOURCE_KIND) as SourceKind;
  const found = checkSource({ id: 'user', url, kind, publisher: name, date }, file, line).filter(
    (p) => p.column !== 'url' || url,
  );
  if (url && !found.some((p) => p.column === 'url') && !isWebAddress(url))
    found.push({ file, line, column: 'url', message: `"${url}" is not a web address` });
  for (const p of found) {
    const column = COLUMNS[p.column] ?? 'source_url';
    problems.push({
      column,
      reason: clip(p.message + (p.column === 'kind' ? ` (one of ${SOURCE_KINDS.join(', ')})` : ''), 300),
      value: clip(get(column)),
    });
  }
  return { url, name, date, kind, kindGiven: !!kindCell };
}
