/**
 * The data check: the bundled files and the frozen fixture pass, and every rule fires on a broken file with its
 * file and line.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkData } from '../../src/lib/data/check-files.ts';
import { DATA_FILES, figureObjects, loadDataset } from '../../src/lib/data/load.ts';
import { periodKeyOf } from '../../src/lib/query/period.ts';
import { FIXTURE_DIR, fixtureFiles } from '../support/dataset.ts';

const dir = join(import.meta.dirname, '..', '..', 'data');
const bundled = (name: string) => readFileSync(join(dir, name), 'utf8');

/** Runs the check with the figures file's data row `row` (1-based) edited by `edit`. */
function checkWithFigureRow(row: number, edit: (cells: string[], header: string[]) => void) {
  const text = bundled(DATA_FILES.figures);
  const lines = text.split('\n');
  const header = lines[0]!.split(',');
  // Rows chosen for these tests hold no quoted commas before the edited columns.
  const cells = lines[row]!.split(',');
  edit(cells, header);
  lines[row] = cells.join(',');
  return checkData((name) => (name === DATA_FILES.figures ? lines.join('\n') : bundled(name)), 'data')
    .problems;
}

const col = (header: string[], name: string) => header.indexOf(name);

describe('data check', () => {
  it('passes the bundled data', () => {
    const { problems, counts } = checkData(bundled);
    expect(problems).toEqual([]);
    expect(counts['figures.csv']).toBe(890);
  });

  it('passes the frozen fixture dataset, whose files hold what its README says', () => {
    const { problems, counts } = checkData(
      (name) => readFileSync(join(FIXTURE_DIR, name), 'utf8'),
      'tests/fixtures/dataset',
    );
    expect(problems).toEqual([]);
    expect(counts).toEqual({
      'figures.csv': 69,
      'sources.csv': 21,
      'areas.csv': 48,
      'periods.csv': 13,
      'platforms.csv': 5,
      'platform-labels.csv': 7,
      'population.csv': 43,
    });
  });

  it('keeps in the fixture only the sources, periods and labels its figures use', async () => {
    const ds = await loadDataset(fixtureFiles);
    const figures = figureObjects(ds.figures);
    expect([...ds.sources.keys()].sort()).toEqual([...new Set(figures.map((f) => f.source))].sort());
    expect(ds.periods.map((p) => p.key).sort()).toEqual([...new Set(figures.map(periodKeyOf))].sort());
    expect([...ds.labels.keys()].sort()).toEqual(
      [
        ...new Set(
          figures.filter((f) => f.measure.startsWith('platform') && f.category).map((f) => f.category),
        ),
      ].sort(),
    );
  });

  // Hampshire, first nine months, 62 offences: data line 128 + header.
  const ROW = 128;
  it.each([
    [
      'an unknown area',
      (c: string[], h: string[]) => (c[col(h, 'area')] = 'atlantis'),
      'area',
      /unknown area "atlantis"/,
    ],
    [
      'a bad date',
      (c: string[], h: string[]) => (c[col(h, 'period_start')] = '2017-02-30'),
      'period_start',
      /not a date/,
    ],
    [
      'a start after its end',
      (c: string[], h: string[]) => (c[col(h, 'period_start')] = '2019-01-01'),
      'period_start',
      /after it ends/,
    ],
    [
      'an unknown measure',
      (c: string[], h: string[]) => (c[col(h, 'measure')] = 'arrests'),
      'measure',
      /unknown measure/,
    ],
    [
      'an unknown qualifier',
      (c: string[], h: string[]) => (c[col(h, 'qualifier')] = 'roughly'),
      'qualifier',
      /unknown qualifier/,
    ],
    [
      'a value that is not a number',
      (c: string[], h: string[]) => (c[col(h, 'value')] = 'sixty-two'),
      'value',
      /not a number/,
    ],
    [
      'a row without a source',
      (c: string[], h: string[]) => (c[col(h, 'source')] = ''),
      'source',
      /no source/,
    ],
    [
      'a suppressed row with a number',
      (c: string[], h: string[]) => (c[col(h, 'qualifier')] = 'suppressed'),
      'value',
      /must leave the value empty/,
    ],
  ])('fails on %s, naming file, line and column', (_what, edit, column, message) => {
    const text = bundled(DATA_FILES.figures).split('\n')[ROW]!;
    expect(text).toMatch(/^f0128,hampshire,2017-04-03,2018-01-02,offences,,62,/);
    const problems = checkWithFigureRow(ROW, edit);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'data/figures.csv',
        line: ROW + 1,
        column,
        message: expect.stringMatching(message),
      }),
    );
  });

  it('fails on a platform label that is not mapped', () => {
    // f0136: Hampshire Snapchat 16 (a platform row)
    expect(bundled(DATA_FILES.figures).split('\n')[136]).toMatch(/^f0136,hampshire,.*,platform,Snapchat,16,/);
    const problems = checkWithFigureRow(136, (c, h) => (c[col(h, 'category')] = 'MySpace'));
    expect(problems).toContainEqual(
      expect.objectContaining({
        line: 137,
        column: 'category',
        message: 'platform label "MySpace" is not mapped',
      }),
    );
  });

  it('fails on an exact duplicate row, pointing at the first', () => {
    const lines = bundled(DATA_FILES.figures).split('\n');
    lines.splice(200, 0, lines[128]!.replace(/^f0128/, 'f9999'));
    const { problems } = checkData((name) =>
      name === DATA_FILES.figures ? lines.join('\n') : bundled(name),
    );
    expect(problems).toEqual([
      { file: 'data/figures.csv', line: 201, column: '*', message: 'exact duplicate of the row at line 129' },
    ]);
  });

  it('counts lines inside quoted fields, so line numbers match an editor', () => {
    const lines = bundled(DATA_FILES.figures).split('\n');
    lines[1] = lines[1]!.replace(/,"%/, ',"%\nsecond line of a note');
    lines[300] = lines[300]!.replace(/,hampshire,|,[a-z-]+,/, ',nowhere,');
    const { problems } = checkData((name) =>
      name === DATA_FILES.figures ? lines.join('\n') : bundled(name),
    );
    expect(problems).toEqual([expect.objectContaining({ line: 302, column: 'area' })]);
  });
});
