/**
 * Properties of the import over thousands of generated files: valid rows written in every friendly
 * spelling, mixed with rows whose cells, quotes and delimiters were mangled. Whatever the file, the import
 * never throws, accounts for every row, accepts only rows the shared rules accept, never loses a valid row
 * that its neighbours left intact, and reads its own export back to the same figures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixtureDataset } from '../support/dataset.ts';
import type { Dataset } from '../../src/lib/data/load.ts';
import {
  SHARE_BASES,
  VALUELESS_QUALIFIERS,
  type Figure,
  type Measure,
  type Qualifier,
} from '../../src/lib/data/schema.ts';
import { checkFigure } from '../../src/lib/data/validate.ts';
import { figuresToImportCSV, importFigures, type ImportResult } from '../../src/lib/import/import.ts';
import { readRecords, type Delimiter } from '../../src/lib/import/records.ts';

let ds: Dataset;
beforeAll(async () => {
  ds = await fixtureDataset();
});

type Expected = Omit<Figure, 'id' | 'source'>;
interface Row {
  expected: Expected;
  /** Cells in COLUMNS order, as a person might write them. */
  cells: string[];
}

const COLUMNS = [
  'area',
  'period_start',
  'period_end',
  'measure',
  'category',
  'value',
  'qualifier',
  'unit',
  'share_base',
  'note',
  'source_url',
  'source_name',
  'source_kind',
];
const HEADERS = [
  COLUMNS,
  COLUMNS.map((c) => c.toUpperCase().replace(/_/g, ' ')),
  COLUMNS.map((c) => ` ${c.replace(/_/g, '-')} `),
];

const DAY = 86_400_000;
const BASE = Date.UTC(2016, 0, 1);
const iso = (day: number) => new Date(BASE + day * DAY).toISOString().slice(0, 10);
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A date in one of the spellings the import reads. */
const spellDate = (date: string, style: number) => {
  const [y, m, d] = date.split('-');
  return [
    date,
    `${d}/${m}/${y}`,
    `${Number(d)}/${Number(m)}/${y}`,
    `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`,
    `${y}/${m}/${d}`,
    `${date} 00:00:00`,
  ][style % 6]!;
};

/** A number with thousands separators (comma, space or thin space) where it has thousands. */
const spellNumber = (n: number, style: number) => {
  const [int, dec] = String(n).split('.');
  const sep = [',', ' ', '\u2009'][style % 3]!;
  const grouped = style % 2 ? int!.replace(/\B(?=(\d{3})+$)/g, sep) : int!;
  return grouped + (dec ? `.${dec}` : '');
};

const recase = (text: string, style: number) =>
  [text, text.toUpperCase(), text.toLowerCase(), `  ${text} `][style % 4]!;

const NOTE_CHARS = [
  'a',
  'b',
  'Z',
  ' ',
  ',',
  ';',
  '\t',
  '"',
  "'",
  '\n',
  '=',
  '+',
  '-',
  '@',
  '<',
  '>',
  '*',
  '%',
  'é',
  '£',
  '1',
  '2',
];
const note = fc.string({ unit: fc.constantFrom(...NOTE_CHARS), maxLength: 20 });
/** The note as the import stores it: trimmed, and without an apostrophe an export put before a formula. */
const readNote = (text: string) => {
  const t = text.trim();
  return /^'[=+\-@]/.test(t) ? t.slice(1) : t;
};

const URLS = [
  '',
  'https://example.org/foi/1',
  'https://example.org/foi/2?a=1&b="x"',
  'http://news.example/a,b',
];

function validRow(ds: Dataset): fc.Arbitrary<Row> {
  const areas = [...ds.areas.values()];
  const labels = [...ds.labels.keys()];
  const spell = fc.nat(11);
  return fc
    .record({
      area: fc.constantFrom(...areas),
      areaName: fc.nat(20),
      start: fc.nat(3500),
      length: fc.nat(2200),
      measure: fc.constantFrom<Measure>(
        'offences',
        'platform',
        'platform_share',
        'platform_known',
        'victim_age',
        'victim_gender',
        'youngest_victim_age',
      ),
      label: fc.constantFrom(...labels),
      band: fc.constantFrom('11 and under', '12-15', '16 and over', 'unknown'),
      gender: fc.constantFrom('female', 'male', 'unknown', ''),
      shareOfVictims: fc.boolean(),
      qualifier: fc.constantFrom<Qualifier>(
        'exact',
        'exact',
        'exact',
        'at_least',
        'approximate',
        'suppressed',
        'not_available',
      ),
      count: fc.nat(250_000),
      tenths: fc.nat(1000),
      shareBase: fc.constantFrom(...SHARE_BASES),
      note,
      url: fc.constantFrom(...URLS),
      sourceName: fc.constantFrom('', 'Kent Police', '=cmd', 'NSPCC, press office'),
      sourceKind: fc.constantFrom('', 'foi_disclosure', 'news', 'NSPCC', 'Official'),
      s: fc.array(spell, { minLength: 10, maxLength: 10 }),
    })
    .map((g): Row => {
      const { area, measure } = g;
      const s = g.s as [number, number, number, number, number, number, number, number, number, number];
      const names = [area.id, area.name, ...area.aliases];
      const percent =
        measure === 'platform_share' ||
        ((measure === 'victim_age' || measure === 'victim_gender') && g.shareOfVictims);
      const category =
        measure === 'platform' || measure === 'platform_share'
          ? g.label
          : measure === 'victim_age'
            ? g.band
            : measure === 'victim_gender'
              ? g.gender || 'female'
              : measure === 'youngest_victim_age'
                ? g.gender
                : '';
      const valueless = VALUELESS_QUALIFIERS.has(g.qualifier);
      const value = valueless
        ? null
        : percent
          ? g.tenths / 10
          : measure === 'youngest_victim_age'
            ? g.count % 18
            : g.count;
      const unit = percent ? 'percent' : 'count';
      const expected: Expected = {
        area: area.id,
        period_start: iso(g.start),
        period_end: iso(g.start + g.length),
        measure,
        category,
        value,
        qualifier: g.qualifier,
        completeness: '',
        unit,
        share_base: measure === 'platform_share' ? g.shareBase : '',
        note: readNote(g.note.replace(/\r\n?/g, '\n')),
        evidence: '',
      };
      const qualifierSpellings: Record<Qualifier, string[]> = {
        exact: ['', 'exact', 'Exact'],
        at_least: ['at_least', 'at least', 'At-least'],
        approximate: ['approximate', 'approx', 'Approx.'],
        suppressed: ['suppressed', 'Suppressed', '*'],
        not_available: ['not_available', 'n/a', 'Not available', 'n/a'],
      };
      const spelled = qualifierSpellings[g.qualifier][s[7] % qualifierSpellings[g.qualifier].length]!;
      let valueCell = '';
      let qualifierCell = spelled;
      if (value != null) valueCell = spellNumber(value, s[5]) + (percent && s[6] % 2 ? '%' : '');
      // "*" and "n/a" in the value cell say the qualifier themselves; the qualifier cell may then be empty.
      else if (g.qualifier === 'suppressed' && s[5] % 2)
        [valueCell, qualifierCell] = ['*', s[6] % 2 ? '' : spelled];
      else if (g.qualifier === 'not_available' && s[5] % 2)
        [valueCell, qualifierCell] = ['n/a', s[6] % 2 ? '' : spelled];
      if (qualifierCell === '*') qualifierCell = 'suppressed';
      const unitCell =
        percent && !(measure === 'platform_share' || valueCell.endsWith('%'))
          ? 'percent'
          : s[8] % 2
            ? unit
            : '';
      return {
        expected,
        cells: [
          recase(names[g.areaName % names.length]!, s[0]),
          spellDate(expected.period_start, s[1]),
          spellDate(expected.period_end, s[2]),
          s[3] % 2 ? measure.toUpperCase() : s[3] % 3 ? measure.replace(/_/g, ' ') : measure,
          category,
          valueCell,
          qualifierCell,
          unitCell,
          expected.share_base,
          g.note,
          g.url,
          g.sourceName,
          g.sourceKind,
        ],
      };
    });
}

/** A cell written so that the CSV reads it back as it is. */
const quote = (cell: string, d: Delimiter) =>
  cell.includes(d) || /["\n\r]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;

interface Layout {
  delimiter: Delimiter;
  eol: string;
  bom: boolean;
  header: number;
  finalEol: boolean;
  blanks: number[];
}
const layout = fc.record({
  delimiter: fc.constantFrom<Delimiter>(',', ';', '\t'),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  header: fc.nat(HEADERS.length - 1),
  finalEol: fc.boolean(),
  blanks: fc.array(fc.nat(30), { maxLength: 3 }),
});

/** Lines of records into a file: header, optional BOM, blank lines at the given record positions. */
function file(lines: string[], l: Layout): { text: string; blankLines: number; starts: number[] } {
  const out = [HEADERS[l.header]!.map((h) => quote(h, l.delimiter)).join(l.delimiter)];
  let blankLines = 0;
  // The line each record starts on, as an editor numbers lines (CRLF, CR and LF each end one).
  const starts: number[] = [];
  let next = 2;
  lines.forEach((line, i) => {
    for (const b of l.blanks)
      if (b === i) {
        out.push(b % 2 ? '' : l.delimiter.repeat(3));
        blankLines++;
        next++;
      }
    out.push(line);
    starts.push(next);
    next += 1 + (line.match(/\r\n|\r|\n/g)?.length ?? 0);
  });
  return { text: (l.bom ? '\uFEFF' : '') + out.join(l.eol) + (l.finalEol ? l.eol : ''), blankLines, starts };
}

const writeRow = (row: Row, d: Delimiter) => row.cells.map((c) => quote(c, d)).join(d);

/** What must hold of any result, whatever the file. */
function expectSound(result: ImportResult, ds: Dataset): void {
  if (!result.ok) {
    expect(result.error).not.toMatch(/Unexpected|consistently/);
    return;
  }
  const { report, figures, sources, unknownLabels } = result;
  expect(report.accepted + report.rejected.length).toBe(report.rows);
  expect(figures).toHaveLength(report.accepted);
  const rows = report.rejected.map((r) => r.row);
  expect(new Set(rows).size).toBe(rows.length);
  for (const r of report.rejected) {
    expect(r.row).toBeGreaterThanOrEqual(1);
    expect(r.row).toBeLessThanOrEqual(report.rows);
    expect(r.problems.length).toBeGreaterThan(0);
  }
  const refs = {
    areas: new Set(ds.areas.keys()),
    sources: new Set(sources.map((s) => s.id)),
    labels: new Set([...ds.labels.keys(), ...unknownLabels]),
  };
  figures.forEach((f, i) => {
    expect(f.id).toBe(`u${String(i + 1).padStart(4, '0')}`);
    const raw = { ...f, value: f.value == null ? '' : String(f.value) };
    expect(checkFigure(raw, refs, 'import', 1)).toEqual([]);
    expect(f.value === null).toBe(VALUELESS_QUALIFIERS.has(f.qualifier));
  });
}

const JUNK = [
  'x',
  '1',
  ',',
  ';',
  '\t',
  '"',
  '""',
  '\n',
  '\r\n',
  ' ',
  '*',
  '<5',
  '%',
  '=',
  'n/a',
  '2017-04-03',
  'é',
];
/** Junk that may also hold bytes no text file has. */
const BINARY = [...JUNK, '\u0000', '\u0001', '\uFFFD'];
const junk = fc.string({ unit: fc.constantFrom(...JUNK), maxLength: 8 });

/** A valid row with some cells replaced by junk, written raw (so junk may break the record) or quoted. */
function mangled(ds: Dataset, raw: boolean) {
  return fc
    .tuple(validRow(ds), fc.array(fc.tuple(fc.nat(COLUMNS.length - 1), junk), { minLength: 1, maxLength: 3 }))
    .map(([row, edits]) => (d: Delimiter) => {
      const cells = row.cells.map((c) => quote(c, d));
      for (const [i, text] of edits) cells[i] = raw ? text : quote(text, d);
      return cells.join(d);
    });
}

/**
 * An independent strict reader: quotes only open a cell, a closing quote must be followed by a delimiter or
 * a line end. Returns the records up to the first quoting mistake, and that record's index.
 */
function strictRecords(t: string): {
  records: { line: number; cells: (string | null)[] }[];
  issueAt: number | null;
} {
  const records: { line: number; cells: (string | null)[] }[] = [];
  let i = 0;
  let line = 1;
  while (i < t.length) {
    const start = line;
    const cells: (string | null)[] = [];
    for (;;) {
      let cell = '';
      if (t[i] === '"') {
        for (i++; ;) {
          if (i >= t.length) return { records, issueAt: records.length };
          if (t[i] === '"' && t[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else if (t[i] === '"') break;
          else {
            if (t[i] === '\n') line++;
            cell += t[i++];
          }
        }
        i++;
        if (i < t.length && t[i] !== ',' && t[i] !== '\n') return { records, issueAt: records.length };
      } else while (i < t.length && t[i] !== ',' && t[i] !== '\n') cell += t[i++];
      cells.push(cell === '' ? null : cell);
      if (i >= t.length || t[i] === '\n') break;
      i++;
    }
    records.push({ line: start, cells });
    if (t[i] === '\n') {
      i++;
      line++;
    }
  }
  return { records, issueAt: null };
}

describe('import properties', () => {
  it('never throws and accounts for every row of any file, however mangled', () => {
    const line = fc.oneof(
      { weight: 3, arbitrary: validRow(ds).map((r) => (d: Delimiter) => writeRow(r, d)) },
      { weight: 3, arbitrary: mangled(ds, true) },
      {
        weight: 1,
        arbitrary: fc.string({ unit: fc.constantFrom(...BINARY), maxLength: 8 }).map((j) => () => j),
      },
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), layout, (lines, l) => {
        const { text } = file(
          lines.map((write) => write(l.delimiter)),
          l,
        );
        expectSound(importFigures(text, ds), ds);
      }),
      { numRuns: 1500 },
    );
  }, 30_000); // 1,500 generated files: seconds on a busy 2-core machine

  it('never throws on arbitrary text', () => {
    const text = fc.string({
      unit: fc.constantFrom(...BINARY, 'area', 'value', 'measure', 'period_start'),
      maxLength: 60,
    });
    fc.assert(
      fc.property(text, (t) => expectSound(importFigures(t, ds), ds)),
      { numRuns: 1000 },
    );
  });

  it('reads records as a strict RFC 4180 reader does, and flags each quoting mistake at its record', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', ' '), maxLength: 40 });
    fc.assert(
      fc.property(text, (t) => {
        const strict = strictRecords(t);
        const records = readRecords(t, ',');
        const clean = strict.issueAt ?? strict.records.length;
        expect(
          records.slice(0, clean).map((r) => ({ line: r.line, cells: r.cells, issue: r.issue })),
        ).toEqual(strict.records.map((r) => ({ ...r, issue: undefined })));
        if (strict.issueAt === null) expect(records).toHaveLength(clean);
        else expect(records[clean]?.issue).toBeDefined();
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts every valid row in every spelling, as the figure it states', () => {
    fc.assert(
      fc.property(fc.array(validRow(ds), { minLength: 1, maxLength: 8 }), layout, (rows, l) => {
        const { text, blankLines } = file(
          rows.map((r) => writeRow(r, l.delimiter)),
          l,
        );
        const result = importFigures(text, ds);
        expectSound(result, ds);
        if (!result.ok) throw new Error(result.error);
        expect(result.report.rejected).toEqual([]);
        expect(result.report.blankLines).toBe(blankLines);
        expect(result.figures.map(({ id: _id, source: _source, ...f }) => f)).toEqual(
          rows.map((r) => r.expected),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every valid row among rows whose cells were replaced by junk', () => {
    const line = fc.oneof(
      validRow(ds).map((r) => ({ valid: r as Row | null, write: (d: Delimiter) => writeRow(r, d) })),
      mangled(ds, false).map((write) => ({ valid: null as Row | null, write })),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), layout, (lines, l) => {
        const { text, starts } = file(
          lines.map((x) => x.write(l.delimiter)),
          l,
        );
        const result = importFigures(text, ds);
        expectSound(result, ds);
        if (!result.ok) throw new Error(result.error);
        expect(result.report.rows).toBe(lines.length);
        const rejected = new Map(result.report.rejected.map((r) => [r.row, r.line]));
        for (const [row, line] of rejected) expect(line).toBe(starts[row - 1]);
        const figures = [...result.figures];
        lines.forEach((x, i) => {
          if (rejected.has(i + 1)) return expect(x.valid).toBeNull();
          const { id: _id, source: _source, ...figure } = figures.shift()!;
          if (x.valid) expect(figure).toEqual(x.valid.expected);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips: import, export, import gives the same figures and sources', () => {
    fc.assert(
      fc.property(fc.array(validRow(ds), { minLength: 1, maxLength: 8 }), layout, (rows, l) => {
        const first = importFigures(
          file(
            rows.map((r) => writeRow(r, l.delimiter)),
            l,
          ).text,
          ds,
          { fileName: 'mine.csv' },
        );
        if (!first.ok) throw new Error(first.error);
        const again = importFigures(figuresToImportCSV(first.figures, ds, first.sources), ds, {
          fileName: 'mine.csv',
        });
        if (!again.ok) throw new Error(again.error);
        expect(again.figures).toEqual(first.figures);
        expect(again.sources).toEqual(first.sources);
        expect(again.unknownLabels).toEqual(first.unknownLabels);
      }),
      { numRuns: 500 },
    );
  });
});
