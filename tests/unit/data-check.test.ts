/**
 * The data check: the bundled files and the frozen fixture pass, and every rule fires on a broken file with its
 * file and line.
 */
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkData } from '../../src/lib/data/check-files.ts';
import { DATA_FILES, figureObjects, loadDataset } from '../../src/lib/data/load.ts';
import { periodKeyOf } from '../../src/lib/query/period.ts';
import { FIXTURE_DIR, fixtureFiles, readText } from '../support/dataset.ts';

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
    expect(counts['figures.csv']).toBe(910);
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
    const ds = await loadDataset(fixtureFiles, readText);
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

  it('fails on a figure id with more than lower-case letters, digits and hyphens (ids are ordered by code units)', () => {
    const problems = checkWithFigureRow(136, (c, h) => (c[col(h, 'id')] = 'F0136_b'));
    expect(problems).toContainEqual({
      file: 'data/figures.csv',
      line: 137,
      column: 'id',
      message: 'id "F0136_b" has more than lower-case letters, digits and hyphens',
    });
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

  describe('possibly incomplete figures', () => {
    /** The fixture's figures with its Hampshire 2017/18 row (line 23, f0143, no note) given `completeness` and `note`. */
    const fixtureWith = (completeness: string, note: string) => {
      const text = readFileSync(join(FIXTURE_DIR, DATA_FILES.figures), 'utf8');
      const lines = text.split('\n');
      const cells = lines[22]!.split(',');
      expect(cells.slice(0, 12)).toEqual([
        'f0143',
        'hampshire',
        '2017-04-03',
        '2018-03-31',
        'offences',
        '',
        '152',
        'exact',
        '',
        'count',
        '',
        '',
      ]);
      cells[8] = completeness;
      cells[11] = note;
      lines[22] = cells.join(',');
      return checkData(
        (name) =>
          name === DATA_FILES.figures ? lines.join('\n') : readFileSync(join(FIXTURE_DIR, name), 'utf8'),
        'tests/fixtures/dataset',
      ).problems;
    };

    it('fails on a figure marked possibly_incomplete whose note gives no reason', () => {
      const problem = {
        file: 'tests/fixtures/dataset/figures.csv',
        line: 23,
        column: 'note',
        message:
          'a figure marked possibly_incomplete needs its reason in the note ("possibly partial", "did not provide", "39 of 43 forces" …)',
      };
      expect(fixtureWith('possibly_incomplete', '')).toEqual([problem]);
      expect(fixtureWith('possibly_incomplete', 'first year of the offence')).toEqual([problem]);
    });

    it('passes it with its reason, and fails on a value that is no flag', () => {
      expect(fixtureWith('possibly_incomplete', 'possibly partial data')).toEqual([]);
      expect(fixtureWith('possibly_incomplete', 'Isle of Wight did not provide figures')).toEqual([]);
      expect(fixtureWith('', '')).toEqual([]);
      expect(fixtureWith('partial', 'possibly partial')).toEqual([
        {
          file: 'tests/fixtures/dataset/figures.csv',
          line: 23,
          column: 'completeness',
          message: 'unknown completeness "partial" (empty or possibly_incomplete)',
        },
      ]);
    });

    it('flags in the bundled data only rows whose notes give a reason', () => {
      const rows = aq.fromCSV(bundled(DATA_FILES.figures), { autoType: false }).objects() as Record<
        string,
        string | null
      >[];
      const flagged = rows.filter((r) => r.completeness === 'possibly_incomplete');
      expect(flagged.map((r) => r.id)).toEqual(expect.arrayContaining(['f0152', 'f0156']));
      expect(flagged).toHaveLength(38);
    });
  });

  describe('years before s.15A and age bands', () => {
    it('refuses a force of England and Wales in a period before 3 April 2017, and an unknown age band', () => {
      const problems = checkWithFigureRow(891, (cells, header) => {
        expect(cells.slice(0, 4)).toEqual(['f0891', 'police-scotland', '2014-04-01', '2015-03-31']);
        cells[col(header, 'area')] = 'hampshire';
      });
      expect(problems.map((p) => [p.line, p.column])).toEqual([[892, 'period_end']]);
      const bands = checkWithFigureRow(904, (cells, header) => {
        expect(cells[col(header, 'category')]).toBe('under 13');
        cells[col(header, 'category')] = 'under 12';
      });
      expect(bands.map((p) => [p.line, p.column, p.message])).toEqual([
        [905, 'category', expect.stringContaining('unknown age band "under 12"')],
      ]);
    });
  });

  describe('one wording, one share base', () => {
    // UK 2024/25, "WhatsApp, Facebook and Instagram each associated with 9% of offences": f0802 and f0807
    // (Hits Radio South Yorkshire), f0803 and f0808 (Greatest Hits Radio South Coast), all `offences`.
    const lines = bundled(DATA_FILES.figures).split('\n');
    const EVIDENCE = '"WhatsApp, Facebook and Instagram each associated with 9% of offences"';
    const withLines = (edited: string[]) =>
      checkData((name) => (name === DATA_FILES.figures ? edited.join('\n') : bundled(name))).problems;
    const conflict = (line: number, base: string, first: string, firstLine: number) => ({
      file: 'data/figures.csv',
      line,
      column: 'share_base',
      message:
        `share base "${base}" differs from "offences" of ${first} (line ${firstLine}), ` +
        'which has the same area, period and evidence: one wording has one base',
    });

    it('starts from rows that share their wording and base', () => {
      for (const [row, id, category] of [
        [802, 'f0802', 'Facebook'],
        [803, 'f0803', 'Facebook'],
        [807, 'f0807', 'Instagram'],
        [808, 'f0808', 'Instagram'],
      ] as const) {
        expect(lines[row]).toMatch(
          new RegExp(
            `^${id},united-kingdom,2024-04-01,2025-03-31,platform_share,${category},9,exact,,percent,offences,`,
          ),
        );
        expect(lines[row]!.endsWith(EVIDENCE)).toBe(true);
      }
    });

    it('fails on two bases for one wording, naming the row and the first row with that wording', () => {
      const problems = checkWithFigureRow(803, (c, h) => (c[col(h, 'share_base')] = 'unstated'));
      expect(problems).toEqual([conflict(804, 'unstated', 'f0802', 803)]);
    });

    it('holds every category of one wording to one base', () => {
      // f0808 is Instagram's row; its wording is f0802's (Facebook).
      const problems = checkWithFigureRow(808, (c, h) => (c[col(h, 'share_base')] = 'platform_known'));
      expect(problems).toEqual([conflict(809, 'platform_known', 'f0802', 803)]);
    });

    it('reads evidence that differs only in case and spacing as the same wording', () => {
      const edited = [...lines];
      edited[803] = edited[803]!
        .replace(',offences,"', ',unstated,"')
        .replace(EVIDENCE, '"WHATSAPP,  Facebook and Instagram each associated with 9% of   offences"');
      expect(withLines(edited)).toEqual([conflict(804, 'unstated', 'f0802', 803)]);
    });

    it.each([
      ['another area', (c: string[], h: string[]) => (c[col(h, 'area')] = 'england-and-wales')],
      ['another period', (c: string[], h: string[]) => (c[col(h, 'period_start')] = '2017-04-03')],
    ])('leaves the same wording for %s alone', (_what, edit) => {
      const problems = checkWithFigureRow(803, (c, h) => {
        c[col(h, 'share_base')] = 'unstated';
        edit(c, h);
      });
      expect(problems.filter((p) => p.column === 'share_base')).toEqual([]);
    });

    it('prints file:line: column: message and exits 1 from the data-check script', () => {
      const dir = mkdtempSync(join(tmpdir(), 'data-check-'));
      try {
        for (const name of Object.values(DATA_FILES)) writeFileSync(join(dir, name), bundled(name));
        const edited = [...lines];
        edited[803] = edited[803]!.replace(',offences,"', ',unstated,"');
        writeFileSync(join(dir, DATA_FILES.figures), edited.join('\n'));
        const root = join(import.meta.dirname, '..', '..');
        const run = spawnSync('npx', ['tsx', 'scripts/data-check.ts', dir], { cwd: root, encoding: 'utf8' });
        expect(run.status).toBe(1);
        expect(run.stdout).toContain(
          `${dir}/figures.csv:804: share_base: share base "unstated" differs from "offences" of f0802 (line 803)`,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 20_000); // starts the CLI through tsx: seconds on a busy machine
  });
});
