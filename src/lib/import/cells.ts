/**
 * Friendly spellings of an imported cell turned into the dataset's own: header names, numbers with
 * thousands separators, markers such as "*" or "<5", UK dates, qualifier and unit words. Each function
 * only rewrites what it recognises; anything else passes through unchanged to the shared row rules
 * (`checkFigure`), which name the problem.
 */
import {
  FIGURE_COLUMNS,
  MEASURES,
  QUALIFIERS,
  SHARE_BASES,
  SOURCE_KINDS,
  type Qualifier,
} from '../data/schema.ts';

/** The import's columns, in template order. */
export const IMPORT_COLUMNS = [
  // A figure's own columns (data/figures.csv) but its id, given on import, and its source, named in full below.
  ...(FIGURE_COLUMNS.filter((c) => c !== 'id' && c !== 'source') as Exclude<
    (typeof FIGURE_COLUMNS)[number],
    'id' | 'source'
  >[]),
  'source_url',
  'source_name',
  'source_date',
  'source_kind',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly ImportColumn[] = [
  'area',
  'period_start',
  'period_end',
  'measure',
  'value',
];

/** A header or vocabulary word folded for matching: "Period Start", "period-start", " PERIOD_START " agree. */
export const foldWord = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[\uFEFF\u200B-\u200D]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-./]+/g, '_')
    .replace(/[^a-z0-9_]/g, '')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');

const COLUMN_SYNONYMS = new Map<string, ImportColumn>([
  ['force', 'area'],
  ['police_force', 'area'],
  ['start', 'period_start'],
  ['start_date', 'period_start'],
  ['end', 'period_end'],
  ['end_date', 'period_end'],
  ['url', 'source_url'],
]);
const COLUMN_SET: ReadonlySet<string> = new Set(IMPORT_COLUMNS);

/** The import column a header cell names, or null. */
export function columnFor(header: string): ImportColumn | null {
  const word = foldWord(header);
  if (COLUMN_SET.has(word)) return word as ImportColumn;
  return COLUMN_SYNONYMS.get(word) ?? null;
}

/** A cell as the rules see it: trimmed, and without the apostrophe an export puts before =, +, - or @. */
export const cellText = (cell: string | null | undefined): string => {
  const text = (cell ?? '').trim();
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
};

/**
 * `read` remembering its answer for each text: a file repeats a few texts (areas, measures, dates, the
 * source of a reply) over thousands of rows, and each is folded or parsed once, not once per row. At most
 * `limit` texts are kept, so that a file of all-different cells does not pile them up.
 */
export function remembered<T>(read: (text: string) => T, limit = 4096): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (seen.has(text)) return seen.get(text)!;
    const value = read(text);
    if (seen.size >= limit) seen.clear();
    seen.set(text, value);
    return value;
  };
}

const vocabulary = <T extends string>(words: readonly T[], synonyms: Record<string, T>) => {
  const map = new Map<string, T>(words.map((w) => [w, w]));
  for (const [k, v] of Object.entries(synonyms)) map.set(k, v);
  return remembered((text: string): T | string => (text ? (map.get(foldWord(text)) ?? text) : ''));
};

export const normaliseMeasure = vocabulary(MEASURES, {});
export const normaliseQualifier = vocabulary(QUALIFIERS, {
  at_least: 'at_least',
  atleast: 'at_least',
  approx: 'approximate',
  approximately: 'approximate',
  n_a: 'not_available',
  na: 'not_available',
  not_available: 'not_available',
});
export const normaliseUnit = vocabulary(['count', 'percent'] as const, {
  per_cent: 'percent',
  percentage: 'percent',
  number: 'count',
});
export const normaliseShareBase = vocabulary(SHARE_BASES, {});
export const normaliseSourceKind = vocabulary(SOURCE_KINDS, {
  foi: 'foi_disclosure',
  foi_reply: 'foi_disclosure',
  foi_response: 'foi_disclosure',
  newspaper: 'news',
});
// "%" folds to "", so it is matched before folding.
export const unitWord = (text: string) => (text.trim() === '%' ? 'percent' : normaliseUnit(text));

const DIGITS = String.raw`\d+(?:\.\d+)?`;
const GROUPED = /^(-?)(\d{1,3}(?:([, \u00A0\u2009\u202F])\d{3})(?:\3\d{3})*)(\.\d+)?$/;
const PLAIN = /^-?\d+(\.\d+)?$/;

export type NumberCell =
  | { kind: 'number'; text: string; percent: boolean }
  | { kind: 'marker'; qualifier: Qualifier; text: string; bound?: string }
  | { kind: 'empty' }
  | { kind: 'other'; hint?: string };

/** Reads a number with optional thousands separators (comma, space, thin space) and "%". */
function plainNumber(text: string): { text: string; percent: boolean } | null {
  const percent = /\s*(%|per ?cent)$/i.test(text);
  const bare = text.replace(/\s*(%|per ?cent)$/i, '');
  if (PLAIN.test(bare)) return { text: bare, percent };
  const m = GROUPED.exec(bare);
  return m ? { text: m[1]! + m[2]!.replace(/[^\d]/g, '') + (m[4] ?? ''), percent } : null;
}

const MARKERS: [RegExp, Qualifier][] = [
  [/^\*+$/, 'suppressed'],
  [/^suppressed$/i, 'suppressed'],
  [new RegExp(`^(?:<=|<|≤|less than|fewer than)\\s*(${DIGITS})$`, 'i'), 'suppressed'],
  [/^(?:n\/?a|not available|\.\.)$/i, 'not_available'],
  [new RegExp(`^(?:>=|>|≥|more than|over|at least)\\s*(.+)$`, 'i'), 'at_least'],
  [/^(.+?)\s*\+$/, 'at_least'],
  [new RegExp(`^(?:~|≈|c\\.|ca\\.|approx\\.?|about|around)\\s*(.+)$`, 'i'), 'approximate'],
];

/** Reads a value cell: a number, a marker that implies a qualifier ("*", "<5", ">200", "~1,000"), or other. */
export function readValue(text: string): NumberCell {
  if (!text) return { kind: 'empty' };
  const n = plainNumber(text);
  if (n) return { kind: 'number', ...n };
  for (const [re, qualifier] of MARKERS) {
    const m = re.exec(text);
    if (!m) continue;
    if (qualifier === 'suppressed') return { kind: 'marker', qualifier, text: '', bound: m[1] };
    if (qualifier === 'not_available') return { kind: 'marker', qualifier, text: '' };
    const inner = plainNumber(m[1]!.trim());
    if (inner && !inner.percent) return { kind: 'marker', qualifier, text: inner.text };
  }
  if (/^-?\d+,\d{1,2}$|^-?\d+,\d{4,}$/.test(text))
    return { kind: 'other', hint: 'use a point for decimals and commas only between thousands' };
  return { kind: 'other' };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: string) => n.padStart(2, '0');
const iso = (y: string, m: string, d: string) => `${y}-${pad(m)}-${pad(d)}`;

/**
 * A date cell as YYYY-MM-DD when it is written YYYY-MM-DD (a midnight time allowed), YYYY/MM/DD,
 * DD/MM/YYYY or DD.MM.YYYY (day first, as in the UK) or "3 April 2017"; otherwise the text unchanged.
 */
export function readDate(text: string): string {
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(text);
  if (m) return iso(m[1]!, m[2]!, m[3]!);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: 00:00(?::00)?)?$/.exec(text);
  if (m) return iso(m[3]!, m[2]!, m[1]!);
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
    if (month > 0) return iso(m[3]!, String(month), m[1]!);
  }
  return text;
}

/** A source date: a full date as {@link readDate}, or a month as YYYY-MM or MM/YYYY. */
export function readMonthOrDate(text: string): string {
  const m = /^(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) return `${m[2]}-${pad(m[1]!)}`;
  const ym = /^(\d{4})-(\d{1,2})$/.exec(text);
  return ym ? `${ym[1]}-${pad(ym[2]!)}` : readDate(text);
}

/** Platform labels folded for matching ("snapchat", "Instagram / WhatsApp", curly apostrophes). */
export const foldLabel = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
