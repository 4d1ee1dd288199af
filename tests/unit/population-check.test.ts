/** The data check of population.csv: the bundled file passes, and each rule fires with its file and line. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkData } from '../../src/lib/data/check-files.ts';
import { DATA_FILES } from '../../src/lib/data/load.ts';
import { checkPopulation } from '../../src/lib/data/validate.ts';

const dir = join(import.meta.dirname, '..', '..', 'data');
const bundled = (name: string) => readFileSync(join(dir, name), 'utf8');

/** Runs the whole check with population.csv's lines edited by `edit` (line 0 = header). */
function checkWithPopulation(edit: (lines: string[]) => void) {
  const lines = bundled(DATA_FILES.population).split('\n');
  edit(lines);
  return checkData((name) => (name === DATA_FILES.population ? lines.join('\n') : bundled(name))).problems;
}

const row = {
  area: 'hampshire',
  reference_date: '2020-06-30',
  children_under_16: '363247',
  children_under_18: '404000',
  all_ages: '2000000',
  source_name: 'ONS mid-2020 population estimates',
  source_url: 'https://www.ons.gov.uk/',
  licence: 'Open Government Licence v3.0',
  credit: 'Source: Office for National Statistics',
};
const forces = new Set(['hampshire', 'kent']);
const check = (edit: Partial<typeof row>) => checkPopulation({ ...row, ...edit }, forces, 'p.csv', 7);

describe('population data check', () => {
  it('passes the bundled file: 43 rows', () => {
    const { problems, counts } = checkData(bundled);
    expect(problems).toEqual([]);
    expect(counts['population.csv']).toBe(43);
  });

  it('passes a sound row', () => {
    expect(check({})).toEqual([]);
  });

  it.each([
    ['an area outside the 43', { area: 'police-scotland' }, 'area', /not one of the 43 forces/],
    ['an empty area', { area: '' }, 'area', /area is empty/],
    ['a bad date', { reference_date: '2020-06-31' }, 'reference_date', /not a date/],
    ['a decimal', { children_under_16: '12.5' }, 'children_under_16', /not a whole number above 0/],
    ['zero', { children_under_18: '0' }, 'children_under_18', /not a whole number above 0/],
    ['a negative number', { all_ages: '-3' }, 'all_ages', /not a whole number above 0/],
    ['an empty count', { all_ages: '' }, 'all_ages', /all_ages is empty/],
    [
      'under 16 above under 18',
      { children_under_16: '500000' },
      'children_under_16',
      /exceed children under 18/,
    ],
    ['under 18 above all ages', { children_under_18: '3000000' }, 'children_under_18', /exceed all ages/],
    ['no source url', { source_url: 'ons' }, 'source_url', /not a web address/],
    ['no credit', { credit: '' }, 'credit', /no credit/],
  ])('flags %s', (_name, edit, column, message) => {
    const problems = check(edit);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'p.csv', line: 7, column });
    expect(problems[0]!.message).toMatch(message);
  });

  it('flags a force listed twice, at the line of the repeat', () => {
    const problems = checkWithPopulation((lines) => lines.splice(3, 0, lines[2]!));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'data/population.csv', line: 4, column: 'area' });
    expect(problems[0]!.message).toMatch(/"bedfordshire" repeats line 3/);
  });

  it('flags a missing force', () => {
    const problems = checkWithPopulation((lines) => {
      const i = lines.findIndex((l) => l.startsWith('hampshire,'));
      lines.splice(i, 1);
    });
    expect(problems).toEqual([
      {
        file: 'data/population.csv',
        line: 1,
        column: 'area',
        message: 'no row for 1 of the 43 forces: hampshire',
      },
    ]);
  });

  it('flags a missing column', () => {
    const problems = checkWithPopulation((lines) => {
      lines[0] = lines[0]!.replace('children_under_18', 'children_u18');
    });
    expect(problems[0]).toMatchObject({ file: 'data/population.csv', line: 1, column: '*' });
    expect(problems[0]!.message).toMatch(/missing columns: children_under_18/);
  });
});
