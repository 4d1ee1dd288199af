/**
 * The Data Package (data/datapackage.json): made from the schema, never drifting from it, every data file of
 * data/ and of each release valid against it, and a broken file failing with its file, line and field named.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDataPackages, releaseZip, writeDataPackages } from '../../build/datapackage.ts';
import { checkTables } from '../../build/table-check.ts';
import { readReleases } from '../../build/release-archive.ts';
import { DATAPACKAGE_FILE, dataPackageText, type DataPackage } from '../../src/lib/data/datapackage.ts';
import { MEASURES, QUALIFIERS, SHARE_BASES } from '../../src/lib/data/schema.ts';
import { FIXTURE_DIR } from '../support/dataset.ts';
import { unzipSync, strFromU8 } from 'fflate';

const DATA = join(import.meta.dirname, '..', '..', 'data');
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'datapackage');
const committed = JSON.parse(readFileSync(join(DATA, DATAPACKAGE_FILE), 'utf8')) as DataPackage;
const readData = (path: string) => readFileSync(join(DATA, path), 'utf8');

/** A copy of data/ to break, removed after `use`. */
function withCopy(use: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'datapackage-'));
  try {
    cpSync(DATA, dir, { recursive: true });
    use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('data/datapackage.json', () => {
  it('is what the schema describes for the current release, and the data check finds nothing wrong', () => {
    const { current } = readReleases(DATA);
    expect(readData(DATAPACKAGE_FILE)).toBe(dataPackageText(current));
    expect(committed.version).toBe(current.id);
    expect(checkDataPackages(DATA)).toEqual([]);
  });

  it('takes its vocabularies from the schema', () => {
    const figures = committed.resources.find((r) => r.name === 'figures')!;
    const field = (name: string) => figures.schema.fields.find((f) => f.name === name)!;
    expect(field('measure').constraints?.enum).toEqual([...MEASURES]);
    expect(field('qualifier').constraints?.enum).toEqual([...QUALIFIERS]);
    expect(field('share_base').constraints?.enum).toEqual([...SHARE_BASES]);
    expect(figures.schema.missingValues).toEqual(['']);
    expect(figures.schema.foreignKeys?.map((k) => k.reference.resource)).toEqual([
      'areas',
      'sources',
      'periods',
    ]);
  });

  it.each(committed.resources.map((r) => [r.path]))('validates %s', (path) => {
    const only = { ...committed, resources: committed.resources.filter((r) => r.path === path) };
    expect(checkTables(only, readData, 'data')).toEqual([]);
  });

  it('validates the frozen fixture dataset too', () => {
    expect(checkTables(committed, (p) => readFileSync(join(FIXTURE_DIR, p), 'utf8'), 'fixture')).toEqual([]);
  });

  it('names the file, line and field of a wrong type, an unknown qualifier, a bad date, a missing key', () => {
    const read = (p: string) =>
      readFileSync(p === 'figures.csv' ? join(FIXTURES, 'figures-wrong.csv') : join(FIXTURE_DIR, p), 'utf8');
    const problems = checkTables(committed, read, 'fixture');
    const at = (line: number) =>
      problems.filter((p) => p.line === line).map((p) => `${p.column}: ${p.message}`);
    expect(problems.every((p) => p.file === 'fixture/figures.csv')).toBe(true);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(['value: "nineteen" is not of type number']);
    expect(at(4)).toEqual([
      'qualifier: "roughly" is not one of exact, at_least, approximate, suppressed, not_available',
    ]);
    expect(at(5)).toEqual([
      'period_end: "2018-02-30" is not a date (YYYY-MM-DD)',
      'period_start,period_end: no row of periods.csv has start,end ["2017-04-03","2018-02-30"]',
    ]);
    expect(at(6)).toEqual(['area: no row of areas.csv has id "atlantis"']);
    expect(at(7)).toEqual([
      'qualifier: string is required and the cell is empty',
      'id: primary key "f0052" already used at line 6',
    ]);
  });

  it('fails the data check when the committed package drifts from the schema, naming the command', () => {
    withCopy((dir) => {
      const file = join(dir, DATAPACKAGE_FILE);
      writeFileSync(file, readFileSync(file, 'utf8').replace('"not_available"', '"unknown"'));
      const problems = checkDataPackages(dir);
      expect(problems.map((p) => [p.file, p.message])).toContainEqual([
        `${dir}/${DATAPACKAGE_FILE}`,
        expect.stringContaining('run `npm run datapackage`'),
      ]);
      writeDataPackages(dir);
      expect(checkDataPackages(dir)).toEqual([]);
    });
  });

  it('fails when a release has no package, and a written one validates its own files', () => {
    withCopy((dir) => {
      const { current } = readReleases(dir);
      const file = join(dir, 'releases', current.id, DATAPACKAGE_FILE);
      rmSync(file);
      expect(checkDataPackages(dir).map((p) => p.message)).toEqual([expect.stringContaining('missing')]);
      expect(writeDataPackages(dir)).toEqual([`${dir}/releases/${current.id}/${DATAPACKAGE_FILE}`]);
      expect(existsSync(file)).toBe(true);
      expect(checkDataPackages(dir)).toEqual([]);
    });
  });

  it("checks an earlier release's frozen files against that release's own package", () => {
    withCopy((dir) => {
      const { current } = readReleases(dir);
      const figures = join(dir, 'releases', current.id, 'figures.csv');
      // Frozen files are hashed: an edit is caught by the release check first, and by the package check too.
      writeFileSync(figures, readFileSync(figures, 'utf8').replace(',exact,,count,', ',exactly,,count,'));
      const problems = checkTables(
        JSON.parse(readFileSync(join(dir, 'releases', current.id, DATAPACKAGE_FILE), 'utf8')) as DataPackage,
        (p) => readFileSync(join(dir, 'releases', current.id, p), 'utf8'),
        'release',
      );
      expect(problems).toEqual([
        expect.objectContaining({ file: 'release/figures.csv', line: 3, column: 'qualifier' }),
      ]);
    });
  });
});

describe('the release zip', () => {
  it('holds the seven files, the package and the changelog entry, in a folder named by the release', () => {
    const { current } = readReleases(DATA);
    const files = unzipSync(releaseZip(DATA, current));
    expect(Object.keys(files).sort()).toEqual(
      [
        'CHANGELOG.md',
        DATAPACKAGE_FILE,
        'areas.csv',
        'figures.csv',
        'periods.csv',
        'platform-labels.csv',
        'platforms.csv',
        'population.csv',
        'sources.csv',
      ]
        .map((n) => `${current.id}/${n}`)
        .sort(),
    );
    expect(strFromU8(files[`${current.id}/figures.csv`]!)).toBe(readData('figures.csv'));
    const entry = strFromU8(files[`${current.id}/CHANGELOG.md`]!);
    expect(entry).toContain(`## ${current.date} (${current.hash})`);
    expect(entry).not.toMatch(/\n## (?!.*\()/); // one entry, not the whole changelog
  });
});
