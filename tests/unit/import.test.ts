/** Bring your own FOI data: one fixture per real-world quirk, the refusals, and the row rules as imported. */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import { bundledDataset } from '../support/dataset.ts';
import type { Dataset } from '../../src/lib/data/load.ts';
import type { Figure } from '../../src/lib/data/schema.ts';
import { checkLabel } from '../../src/lib/data/validate.ts';
import { recordLines } from '../../src/lib/data/file-rules.ts';
import {
  IMPORT_MAX_BYTES,
  TEMPLATE_COLUMNS,
  didYouMean,
  figuresToImportCSV,
  importBytes,
  importFigures,
  importFile,
  isUserFigure,
  labelForUnknown,
  templateCSV,
  type ImportedData,
  type ImportResult,
} from '../../src/lib/import/import.ts';
import { readRecords, scanRecords } from '../../src/lib/import/records.ts';
import { withImported } from '../../src/lib/import/merge.ts';

const dir = join(import.meta.dirname, '..', 'fixtures', 'import');
const bytes = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

let ds: Dataset;
beforeAll(async () => {
  ds = await bundledDataset();
});

/** Imports a fixture and checks the report's invariants before returning it. */
function fixture(name: string): ImportedData {
  const result = importBytes(bytes(name), ds, { fileName: name });
  if (!result.ok) throw new Error(result.error);
  expectSound(result);
  return result;
}

function expectSound(result: ImportedData): void {
  const { report, figures } = result;
  expect(report.accepted + report.rejected.length).toBe(report.rows);
  expect(figures).toHaveLength(report.accepted);
  for (const r of report.rejected) expect(r.problems.length).toBeGreaterThan(0);
}

const csv = (...lines: string[]) => lines.join('\n') + '\n';
const HEADER = 'area,period_start,period_end,measure,category,value,qualifier,unit,share_base,note';
const one = (row: string, header = HEADER): ImportedData => {
  const result = importFigures(csv(header, row), ds);
  if (!result.ok) throw new Error(result.error);
  expectSound(result);
  return result;
};
const accepted = (row: string, header?: string): Figure => {
  const r = one(row, header);
  expect(r.report.rejected).toEqual([]);
  return r.figures[0]!;
};
const rejected = (row: string, header?: string) => {
  const r = one(row, header);
  expect(r.report.accepted).toBe(0);
  return r.report.rejected[0]!.problems;
};

const HAMPSHIRE_62 = {
  area: 'hampshire',
  period_start: '2017-04-03',
  period_end: '2018-01-02',
  measure: 'offences',
  category: '',
  value: 62,
  qualifier: 'exact',
  completeness: '',
  unit: 'count',
  share_base: '',
};

describe('import fixtures: one per quirk', () => {
  const standard = ['bom.csv', 'crlf.csv', 'semicolon.csv', 'blank-lines.csv', 'quoted-newlines.csv'];
  it.each(standard)('%s gives the three Hampshire rows', (name) => {
    const r = fixture(name);
    expect(r.report.rows).toBe(3);
    expect(r.figures.map((f) => [f.id, f.measure, f.value])).toEqual([
      ['u0001', 'offences', 62],
      ['u0002', 'platform', 16],
      ['u0003', 'platform_known', 67],
    ]);
    expect(r.figures[0]).toMatchObject({ ...HAMPSHIRE_62, note: 'first nine months', source: 'user-1' });
    expect(r.sources).toEqual([
      {
        id: 'user-1',
        url: 'https://onthewight.com/facebook-used-in-40-of-the-regions-online-grooming-cases/',
        kind: 'nspcc',
        publisher: 'On the Wight',
        date: '2018-04-17',
      },
    ]);
    expect(r.report.warnings).toEqual([]);
  });

  it('reads the delimiter it finds', () => {
    expect(fixture('semicolon.csv').report.delimiter).toBe(';');
    expect(fixture('crlf.csv').report.delimiter).toBe(',');
  });

  it('keeps commas, doubled quotes and line breaks inside quoted cells, and counts lines as an editor does', () => {
    const r = fixture('quoted-newlines.csv');
    expect(r.figures[1]).toMatchObject({
      category: 'Facebook, Snapchat or Instagram',
      note: 'a note over\ntwo lines, with a comma and "quotes"',
    });
    const text = readFileSync(join(dir, 'quoted-newlines.csv'), 'utf8');
    expect(recordLines(text)).toEqual([2, 3, 5]);
    const blank = readFileSync(join(dir, 'blank-lines.csv'), 'utf8');
    expect(scanRecords(text, ',').map((s) => s.line)).toEqual([1, ...recordLines(text)]);
    expect(scanRecords(blank, ',').map((s) => s.line)).toEqual([1, ...recordLines(blank)]);
  });

  it('skips blank lines, counting them, and numbers rows and lines as the file does', () => {
    const r = fixture('blank-lines.csv');
    // a blank first line, one after the header, two between rows, one of delimiters, one of spaces, one at the end
    expect(r.report.blankLines).toBe(7);
    expect(r.report.rows).toBe(3);
    const crlf = fixture('crlf.csv');
    expect(crlf.report.rejected).toEqual([]);
    const bad = importFigures(csv(HEADER, '', 'hampshire,x,2018-01-02,offences,,62'), ds);
    expect(bad.ok && bad.report.rejected).toEqual([
      expect.objectContaining({
        row: 1,
        line: 3,
        problems: [expect.objectContaining({ column: 'period_start' })],
      }),
    ]);
    const badCrlf = importFigures(
      csv(HEADER, '', 'hampshire,x,2018-01-02,offences,,62').replace(/\n/g, '\r\n'),
      ds,
    );
    expect(badCrlf.ok && badCrlf.report.rejected[0]?.line).toBe(3);
  });

  it('reads thousands separators (comma in quotes, space, thin space) but never a decimal comma', () => {
    const r = fixture('thousands.csv');
    expect(r.figures.map((f) => f.value)).toEqual([1628, 956, 34000, 30000, 1.628]);
    expect(r.report.warnings).toContainEqual(
      expect.objectContaining({ row: 5, column: 'value', message: expect.stringMatching(/has decimals/) }),
    );
    expect(r.report.rejected).toEqual([
      {
        row: 6,
        line: 7,
        problems: [
          {
            column: 'value',
            reason: '"16,28" is not a number: use a point for decimals and commas only between thousands',
            value: '16,28',
          },
        ],
      },
    ]);
  });

  it('reads "*" and "<5" as suppressed (the bound kept in the note) and "n/a" as not available', () => {
    const r = fixture('suppressed.csv');
    expect(r.figures.map((f) => [f.qualifier, f.value, f.note])).toEqual([
      ['suppressed', null, 'star'],
      ['suppressed', null, 'bound kept in the note; published as "<5"'],
      ['suppressed', null, 'star with the qualifier'],
      ['not_available', null, 'not available'],
    ]);
    expect(r.report.rejected).toEqual([
      {
        row: 5,
        line: 6,
        problems: [
          {
            column: 'value',
            reason: '"*" marks a suppressed figure, but the qualifier says "exact"',
            value: '*',
          },
        ],
      },
    ]);
    expect(r.sources[0]).toMatchObject({ kind: 'foi_disclosure', publisher: 'www.northants.police.uk' });
  });

  it('accepts empty trailing columns and rejects a row whose cells a stray comma shifted', () => {
    const r = fixture('trailing-columns.csv');
    expect(r.report.accepted).toBe(3);
    expect(r.report.rejected).toEqual([
      {
        row: 4,
        line: 5,
        problems: [
          {
            column: 'column 15',
            reason: expect.stringMatching(/15 cells but the header names 14 columns/),
            value: 'nspcc',
          },
        ],
      },
    ]);
  });

  it('reads a header in any case and spacing, UK and written dates, aliases and label case', () => {
    const r = fixture('messy-header.csv');
    expect(r.report.columns.map((c) => c.column)).toEqual([
      'area',
      'period_start',
      'period_end',
      'measure',
      'category',
      'value',
      'qualifier',
    ]);
    expect(r.figures.map((f) => [f.area, f.period_start, f.period_end, f.measure, f.category])).toEqual([
      ['hampshire', '2017-04-03', '2018-01-02', 'offences', ''],
      ['hampshire', '2017-04-03', '2018-01-02', 'platform', 'Snapchat'],
      ['metropolitan-police', '2017-04-03', '2018-01-02', 'platform_share', 'Instagram'],
    ]);
    expect(r.figures[2]).toMatchObject({
      value: 10,
      unit: 'percent',
      qualifier: 'at_least',
      share_base: 'unstated',
    });
    expect(r.report.warnings.map((w) => [w.row, w.column])).toEqual([
      [0, 'source_kind'],
      [2, 'category'],
      [3, 'share_base'],
    ]);
  });

  it('reads Windows-1252 and UTF-16 files as Excel writes them, saying so', () => {
    const cp = fixture('windows-1252.csv');
    expect(cp.figures[0]!.note).toBe('‘first nine months’ – £ sign');
    expect(cp.report.encoding).toBe('Windows-1252');
    expect(cp.report.warnings.some((w) => /Windows-1252/.test(w.message))).toBe(true);
    const utf16 = fixture('utf16.tsv');
    expect(utf16.report).toMatchObject({ encoding: 'UTF-16LE', delimiter: '\t', accepted: 1 });
    expect(utf16.figures[0]).toMatchObject(HAMPSHIRE_62);
  });

  it('rejects rows with quoting mistakes, naming the lines a never-closed quote swallowed', () => {
    const r = fixture('stray-quote.csv');
    expect(r.figures.map((f) => f.note)).toEqual(['a 5" tablet: a quote inside an unquoted cell is text']);
    expect(r.report.rejected).toEqual([
      {
        row: 1,
        line: 2,
        problems: [{ column: 'note', reason: expect.stringMatching(/closing quote is followed by " "/) }],
      },
      {
        row: 3,
        line: 4,
        problems: [{ column: 'value', reason: expect.stringMatching(/never closes, so lines 4 to 5/) }],
      },
    ]);
  });

  it('resolves ids, names and aliases, and suggests an area for a near miss', () => {
    const r = fixture('areas.csv');
    expect(r.figures.map((f) => f.area)).toEqual([
      'hampshire',
      'hampshire',
      'metropolitan-police',
      'avon-and-somerset',
    ]);
    expect(r.report.rejected.map((x) => x.problems[0]!.reason)).toEqual([
      'unknown area "Hampshire Constabularly": did you mean "Hampshire"?',
      'unknown area "Kent Constabulary": did you mean "Kent"?',
      'unknown area "Metropolitan": did you mean "Metropolitan Police"?',
      'unknown area "Atlantis"',
    ]);
    expect(r.report.warnings).toContainEqual(
      expect.objectContaining({ row: 2, message: 'exact duplicate of the row at line 2' }),
    );
  });
});

describe('import refusals', () => {
  const refused = (result: ImportResult) => {
    expect(result.ok).toBe(false);
    return result.ok ? '' : result.error;
  };

  it.each([
    ['empty.csv', /empty/],
    ['not-a-csv.bin', /not a CSV text file/],
    ['no-header.csv', /Line 1 is not a header.*area, period_start, period_end, measure, value/],
  ])('refuses %s with a clear message', (name, message) => {
    expect(refused(importBytes(bytes(name), ds))).toMatch(message);
  });

  it('refuses a file of blank lines, a header alone, a missing column, a doubled column, a one-column file', () => {
    expect(refused(importFigures('\n,,,\n  \n', ds))).toMatch(/empty/);
    expect(refused(importFigures(HEADER + '\n', ds))).toMatch(/no rows/);
    expect(refused(importFigures('area,period_start,period_end,measure\nkent,a,b,c\n', ds))).toMatch(
      /no value column/,
    );
    expect(refused(importFigures('area,value,Value,period_start,period_end,measure\n', ds))).toMatch(
      /value twice \(columns 2 and 3\)/,
    );
    expect(refused(importFigures('area\nkent\n', ds))).toMatch(/no commas, semicolons or tabs/);
  });

  it('reads at most 500 cells a row: a wider row is rejected, a wider header refused', () => {
    const wide = one('hampshire,2017-04-03,2018-01-02,offences,,62' + ','.repeat(600) + 'x');
    expect(wide.report.rejected[0]!.problems).toEqual([
      { column: 'column 501', reason: 'the row has 606 cells, more than the 500 the import reads' },
    ]);
    expect(one('hampshire,2017-04-03,2018-01-02,offences,,62' + ','.repeat(600)).report.accepted).toBe(1);
    // Text only past the cells read is still text: the row is not blank.
    expect(one(','.repeat(600) + 'x').report.rejected[0]!.problems[0]!.reason).toMatch(/more than the 500/);
    expect(refused(importFigures(HEADER + ',x'.repeat(600) + '\nkent\n', ds))).toMatch(
      /610 columns; the import reads at most 500/,
    );
  });

  it('reads old Mac line endings (CR alone)', () => {
    const r = importFigures(
      csv(HEADER, 'hampshire,2017-04-03,2018-01-02,offences,,62', 'kent,x').replace(/\n/g, '\r'),
      ds,
    );
    expect(r.ok && r.report).toMatchObject({
      rows: 2,
      accepted: 1,
      rejected: [expect.objectContaining({ line: 3 })],
    });
  });

  it('refuses a file over the size limit without reading it', async () => {
    expect(IMPORT_MAX_BYTES).toBe(5 * 1024 * 1024);
    const big = {
      size: IMPORT_MAX_BYTES + 1,
      name: 'big.csv',
      arrayBuffer: () => Promise.reject(new Error('read')),
    };
    expect(refused(await importFile(big as unknown as Blob, ds))).toMatch(/5\.0 MB; the limit is 5\.0 MB/);
    expect(refused(importFigures(HEADER, ds, { byteLength: IMPORT_MAX_BYTES + 1 }))).toMatch(/limit/);
    expect(refused(importFigures('é'.repeat(IMPORT_MAX_BYTES / 2 + 1), ds))).toMatch(/limit/);
  });

  it('reads a File the person picked', async () => {
    const file = new File([readFileSync(join(dir, 'bom.csv'))], 'bom.csv');
    const r = await importFile(file, ds);
    expect(r.ok && r.report).toMatchObject({ fileName: 'bom.csv', accepted: 3 });
  });
});

describe('import row rules (shared with the data check)', () => {
  it('accepts a row in the bundled format and gives it a user id and source', () => {
    const f = accepted('hampshire,2017-04-03,2018-01-02,offences,,62,exact,count,,first nine months');
    expect(f).toEqual({
      id: 'u0001',
      ...HAMPSHIRE_62,
      note: 'first nine months',
      evidence: '',
      source: 'user',
    });
    expect(isUserFigure(f)).toBe(true);
    expect(isUserFigure({ id: 'f0128' })).toBe(false);
  });

  it.each([
    [
      'an unknown measure',
      'hampshire,2017-04-03,2018-01-02,arrests,,62',
      'measure',
      /unknown measure "arrests" \(one of offences/,
    ],
    ['a bad date', 'hampshire,2017-02-30,2018-01-02,offences,,62', 'period_start', /not a date/],
    [
      'a start after its end',
      'hampshire,2019-04-03,2018-01-02,offences,,62',
      'period_start',
      /after it ends/,
    ],
    [
      'an unknown qualifier',
      'hampshire,2017-04-03,2018-01-02,offences,,62,roughly',
      'qualifier',
      /unknown qualifier/,
    ],
    ['a word for a number', 'hampshire,2017-04-03,2018-01-02,offences,,sixty-two', 'value', /not a number/],
    ['an empty value', 'hampshire,2017-04-03,2018-01-02,offences,,', 'value', /value is empty/],
    [
      'a suppressed row with a number',
      'hampshire,2017-04-03,2018-01-02,offences,,62,suppressed',
      'value',
      /leaves the value empty/,
    ],
    ['a negative count', 'hampshire,2017-04-03,2018-01-02,offences,,-62', 'value', /negative/],
    ['a huge number', 'hampshire,2017-04-03,2018-01-02,offences,,' + '9'.repeat(400), 'value', /too large/],
    [
      'too many decimals',
      'hampshire,2017-04-03,2018-01-02,platform_share,Facebook,0.0000001',
      'value',
      /more than 6 decimals/,
    ],
    ['a share over 100%', 'hampshire,2017-04-03,2018-01-02,platform_share,Facebook,140', 'value', /over 100/],
    [
      'a platform row without a label',
      'hampshire,2017-04-03,2018-01-02,platform,,16',
      'category',
      /needs a platform label/,
    ],
    [
      'an offences row with a category',
      'hampshire,2017-04-03,2018-01-02,offences,Snapchat,16',
      'category',
      /has no category/,
    ],
    [
      'a share as a count',
      'hampshire,2017-04-03,2018-01-02,platform_share,Facebook,26.8,,count',
      'unit',
      /is a percent/,
    ],
    ['a percentage for offences', 'hampshire,2017-04-03,2018-01-02,offences,,12%', 'unit', /is a count/],
    [
      'a percentage with unit count',
      'hampshire,2017-04-03,2018-01-02,victim_age,12-15,12%,,count',
      'value',
      /is a percentage, but the unit/,
    ],
    [
      'an unknown share base',
      'hampshire,2017-04-03,2018-01-02,platform_share,Facebook,26.8,,,victims',
      'share_base',
      /unknown share base "victims"/,
    ],
    [
      'a share base on a count',
      'hampshire,2017-04-03,2018-01-02,offences,,62,,,offences',
      'share_base',
      /only platform_share/,
    ],
    ['an empty area', ',2017-04-03,2018-01-02,offences,,62', 'area', /area is empty/],
  ])('rejects %s', (_what, row, column, reason) => {
    expect(rejected(row)).toContainEqual(
      expect.objectContaining({ column, reason: expect.stringMatching(reason) }),
    );
  });

  it('lists every problem of a row, once per column', () => {
    const problems = rejected('atlantis,2017-13-01,2018-01-02,arrests,,lots,roughly');
    expect(problems.map((p) => p.column)).toEqual(['value', 'area', 'period_start', 'measure', 'qualifier']);
  });

  it.each([
    ['at least', '200', 'at_least', 200, ''],
    ['at_least', '200', 'at_least', 200, ''],
    ['Approx', '1000', 'approximate', 1000, ''],
    ['n/a', '', 'not_available', null, ''],
    ['Not available', '', 'not_available', null, ''],
    ['', '>200', 'at_least', 200, 'published as ">200"'],
    ['', '"more than 5,000"', 'at_least', 5000, 'published as "more than 5,000"'],
    ['', '200+', 'at_least', 200, 'published as "200+"'],
    ['', '~1000', 'approximate', 1000, 'published as "~1000"'],
    ['', '< 5', 'suppressed', null, 'published as "< 5"'],
    ['', 'N/A', 'not_available', null, ''],
    ['', '..', 'not_available', null, ''],
  ])('reads qualifier %j with value %j as %s', (qualifier, value, want, number, note) => {
    const f = accepted(`hampshire,2017-04-03,2018-03-31,offences,,${value},${qualifier}`);
    expect([f.qualifier, f.value, f.note]).toEqual([want, number, note]);
  });

  it('reads dates as YYYY-MM-DD, day-first DD/MM/YYYY, DD.MM.YYYY, with a midnight time, or in words', () => {
    for (const [start, end] of [
      ['2017-4-3', '2018-01-02'],
      ['03/04/2017', '2/1/2018'],
      ['03.04.2017', '02-01-2018'],
      ['2017-04-03 00:00:00', '2018-01-02T00:00:00'],
      ['3rd April 2017', '2 Jan 2018'],
      ['2017/04/03', '2018/01/02'],
    ])
      expect(accepted(`Hampshire,${start},${end},offences,,62`)).toMatchObject(HAMPSHIRE_62);
    expect(rejected('Hampshire,04/03/2017/,2018-01-02,offences,,62')[0]).toMatchObject({
      column: 'period_start',
    });
    expect(rejected('Hampshire,31/02/2018,2018-03-31,offences,,62')[0]!.reason).toMatch(/not a date/);
  });

  it('accepts an unknown platform label as its own platform, with a warning and a label to add', () => {
    const r = one('hampshire,2017-04-03,2018-01-02,platform,TikTok,3');
    expect(r.figures[0]).toMatchObject({ category: 'TikTok', value: 3 });
    expect(r.unknownLabels).toEqual(['TikTok']);
    expect(r.report.warnings).toContainEqual(
      expect.objectContaining({
        row: 1,
        column: 'category',
        message: expect.stringMatching(/not a known platform label/),
      }),
    );
    const label = labelForUnknown('TikTok');
    expect(
      checkLabel({ label: 'TikTok', platforms: '', owners: '', scope: label.scope }, new Map(), 'x', 1),
    ).toEqual([]);
    expect(accepted('hampshire,2017-04-03,2018-01-02,platform,what’s app,3').category).toBe("What's App");
  });

  it('defaults the unit, and the share base of a share to "unstated" with a warning', () => {
    const r = one('hampshire,2017-04-03,2018-01-02,platform_share,Facebook,26.8%');
    expect(r.figures[0]).toMatchObject({ unit: 'percent', share_base: 'unstated', value: 26.8 });
    expect(r.report.warnings.map((w) => w.column)).toEqual(['source_kind', 'share_base']);
    expect(accepted('psni,2017-04-03,2018-03-31,victim_gender,female,78%')).toMatchObject({
      unit: 'percent',
    });
  });

  it('reads sources: one per URL, checked as the bundled sources are, first details kept', () => {
    const header =
      'area,period_start,period_end,measure,value,source_url,source_name,source_date,source_kind';
    const r = importFigures(
      csv(
        header,
        'kent,2017-04-03,2018-03-31,offences,64,https://example.org/a,Kent Police,2019-03,FOI',
        'kent,2018-04-01,2019-03-31,offences,70,https://example.org/a,Kent Police,2019-03,foi_disclosure',
        'kent,2019-04-01,2020-03-31,offences,71,https://example.org/a,,01/2020,news',
        'kent,2020-04-01,2021-03-31,offences,72,,Kent FOI 123,,',
        'kent,2021-04-01,2022-03-31,offences,73,,,,',
        'kent,2022-04-01,2023-03-31,offences,74,ftp://example.org,,,',
        'kent,2023-04-01,2024-03-31,offences,75,,,2024-13,press release',
      ),
      ds,
      { fileName: 'kent.csv' },
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.figures.map((f) => f.source)).toEqual(['user-1', 'user-1', 'user-1', 'user-2', 'user']);
    expect(r.sources).toEqual([
      {
        id: 'user-1',
        url: 'https://example.org/a',
        kind: 'foi_disclosure',
        publisher: 'Kent Police',
        date: '2019-03',
      },
      { id: 'user-2', url: '', kind: 'news', publisher: 'Kent FOI 123', date: '' },
      { id: 'user', url: '', kind: 'news', publisher: 'Your file kent.csv', date: '' },
    ]);
    expect(r.report.warnings).toContainEqual(
      expect.objectContaining({
        row: 3,
        column: 'source_url',
        message: expect.stringMatching(/described differently at row 1/),
      }),
    );
    expect(r.report.rejected.map((x) => x.problems.map((p) => p.column))).toEqual([
      ['source_url'],
      ['source_kind', 'source_date'],
    ]);
  });

  it('warns about overlapping periods and one fact given two values, never merging them', () => {
    const r = one(
      [
        'hampshire,2017-04-03,2018-03-31,offences,,120',
        'hampshire,2017-04-03,2018-01-02,offences,,62',
        'hampshire,2017-04-03,2018-01-02,offences,,63',
        'hampshire,2018-04-01,2019-03-31,offences,,150',
        'kent,2017-04-03,2018-01-02,offences,,62',
      ].join('\n'),
    );
    expect(r.report.accepted).toBe(5);
    expect(r.report.warnings.filter((w) => w.row > 0).map((w) => [w.row, w.column, w.message])).toEqual([
      [
        1,
        'period_start',
        expect.stringMatching(/2017-04-03 to 2018-03-31 overlaps 2017-04-03 to 2018-01-02 \(row 2\)/),
      ],
      [3, 'value', expect.stringMatching(/same fact as row 2 with another value \(63, not 62\)/)],
    ]);
  });

  it('says which columns it does not use, and ignores them', () => {
    const r = one(
      'hampshire,2017-04-03,2018-01-02,offences,62,x,y',
      'area,period_start,period_end,measure,value,id,Remarks',
    );
    expect(r.report.warnings[0]).toMatchObject({
      row: 0,
      column: '*',
      message: '2 columns not used by the import: "id", "Remarks"',
    });
    expect(r.figures[0]!.id).toBe('u0001');
  });
});

describe('hostile files', () => {
  it('imports HTML and formulas as plain text, and ignores __proto__ and constructor columns', () => {
    const r = fixture('hostile.csv');
    expect(r.figures.map((f) => [f.category, f.note])).toEqual([
      ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'],
      ['female', '=1+1'],
      ['', '-@x'],
    ]);
    expect(r.sources.map((s) => s.publisher)).toEqual([
      '=HYPERLINK("http://evil.example","click")',
      '@SUM(A1)',
      'example.org',
    ]);
    expect(r.report.rejected.map((x) => [x.row, x.problems[0]!.column])).toEqual([
      [3, 'area'],
      [4, 'value'],
      [5, 'source_url'],
    ]);
    for (const f of r.figures)
      expect(Object.keys(f).sort()).toEqual(
        Object.keys(HAMPSHIRE_62).concat('id', 'note', 'evidence', 'source').sort(),
      );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.figures[0])).toBe(Object.prototype);
  });

  it('neutralises formulas on export, and reads its own export back to the same text', () => {
    const r = fixture('hostile.csv');
    const exported = figuresToImportCSV(r.figures, ds, r.sources);
    const cells = aq.fromCSV(exported, { autoType: false }).objects() as Record<string, string | null>[];
    expect(cells.map((c) => c.note)).toEqual(['<img src=x onerror=alert(1)>', "'=1+1", "'-@x"]);
    expect(cells.map((c) => c.source_name)).toEqual([
      '\'=HYPERLINK("http://evil.example","click")',
      "'@SUM(A1)",
      'example.org',
    ]);
    for (const c of cells) for (const v of Object.values(c)) expect(v ?? '').not.toMatch(/^[=+\-@]/);
    const again = importFigures(exported, ds, { fileName: 'hostile.csv' });
    expect(again.ok && again.figures).toEqual(r.figures);
    expect(again.ok && again.sources).toEqual(r.sources);
  });

  it('never names an Arquero column after a header cell', () => {
    const records = readRecords('__proto__,constructor,toString\n1,2,3\n', ',');
    expect(records.map((r) => r.cells)).toEqual([
      ['__proto__', 'constructor', 'toString'],
      ['1', '2', '3'],
    ]);
  });
});

describe('didYouMean', () => {
  it.each([
    ['Hampshire Constabularly', 'Hampshire'],
    ['Hamshire', 'Hampshire'],
    ['Kent Constabulary', 'Kent'],
    ['Metropolitan', 'Metropolitan Police'],
    ['Metropolitan Police Servce', 'Metropolitan Police'],
    ['Devon and Cornwal Police', 'Devon and Cornwall'],
    ['Police Scotand', 'Police Scotland'],
    ['Yorkshire', null],
    ['Atlantis', null],
    ['', null],
    ['Hampshire Constabulary', null],
    ['Met Police', null],
  ])('%j → %j', (name, want) => {
    expect(didYouMean(name, ds)).toBe(want);
  });
});

describe('the template', () => {
  it('is public/template.csv, names every column and imports cleanly', () => {
    const file = readFileSync(join(import.meta.dirname, '..', '..', 'public', 'template.csv'), 'utf8');
    expect(file).toBe(templateCSV());
    expect(file.split('\n')[0]).toBe(TEMPLATE_COLUMNS.map((c) => c.name).join(','));
    expect(TEMPLATE_COLUMNS.filter((c) => c.required).map((c) => c.name)).toEqual([
      'area',
      'period_start',
      'period_end',
      'measure',
      'value',
    ]);
    const r = importFigures(file, ds, { fileName: 'template.csv' });
    if (!r.ok) throw new Error(r.error);
    expect(r.report).toMatchObject({ rows: 2, accepted: 2, warnings: [] });
    expect(r.figures[0]).toMatchObject(HAMPSHIRE_62);
  });

  it('exports bundled figures in the import format, and they import back to the same facts', () => {
    const bundled = (ds.figures.objects() as unknown as Figure[]).slice(120, 180);
    const r = importFigures(figuresToImportCSV(bundled, ds), ds);
    if (!r.ok) throw new Error(r.error);
    expect(r.report.rejected).toEqual([]);
    const fact = (f: Figure) => ({ ...f, id: '', source: '' });
    expect(r.figures.map(fact)).toEqual(bundled.map(fact));
    expect(r.figures.map((f) => r.sources.find((s) => s.id === f.source)!.url)).toEqual(
      bundled.map((f) => ds.sources.get(f.source)!.url),
    );
  });
});

describe('withImported', () => {
  const mine = () =>
    one(
      [
        'hampshire,2017-04-01,2018-03-31,offences,,120',
        'hampshire,2023-04-01,2024-03-31,platform,TikTok,3',
        'hampshire,2017-04-03,2018-01-02,offences,,62',
        'kent,2017-04-03,2023-03-31,offences,,900',
      ].join('\n'),
    );

  it('puts user figures beside the bundled ones, with their sources, periods and labels', () => {
    const data = mine();
    const merged = withImported(ds, data);
    expect(merged.figures.numRows()).toBe(ds.figures.numRows() + 4);
    expect(merged.figures.columnNames()).toEqual(ds.figures.columnNames());
    const rows = merged.figures.objects() as unknown as Figure[];
    expect(rows.slice(-4)).toEqual(data.figures);
    expect(merged.sources.get('user')).toEqual(data.sources[0]);
    expect(merged.labels.get('TikTok')).toEqual({ label: 'TikTok', platforms: [], owners: [], scope: 'any' });
    // 2017-04-01..2018-03-31 would take the id "2017-18" of the bundled 2017/18 (from 3 April): it does not.
    expect(merged.periodByKey.get('2017-04-01..2018-03-31')).toMatchObject({
      kind: 'partial',
      label: '1 Apr 2017–31 Mar 2018',
    });
    expect(merged.periodByKey.get('2017-04-03..2023-03-31')).toMatchObject({ kind: 'multi_year' });
    expect(merged.periodById.size).toBe(merged.periods.length);
    expect(merged.periods.map((p) => p.key)).toEqual([...merged.periods.map((p) => p.key)].sort());
    expect(ds.figures.numRows()).toBe(910);
    expect(ds.labels.has('TikTok')).toBe(false);
  });

  it('shows user figures alone when asked to', () => {
    const merged = withImported(ds, mine(), 'instead');
    expect(merged.figures.numRows()).toBe(4);
    expect(merged.areas).toBe(ds.areas);
  });
});
