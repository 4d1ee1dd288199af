/**
 * Release ids and the archive: the id is computed from the files (stable for the same bytes, new for any change),
 * the data check says what to do when the files change without a new changelog entry, and `npm run release`
 * cuts a release into data/releases/ on fixture folders (never the live data/).
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  RELEASE_FILES,
  checkReleases,
  contentHash,
  cutRelease,
  folderHash,
  readReleases,
} from '../../build/release-archive.ts';
import { parseChangelog } from '../../src/lib/release/changelog.ts';
import { isReleaseId, parseReleaseId, releaseId } from '../../src/lib/release/id.ts';

const root = join(import.meta.dirname, '..', '..');
const liveData = join(root, 'data');

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
/** A fixture data folder: the seven files (small ones unless `copyLive`) and a changelog. */
function fixture(changelog: string, files: Record<string, string> = {}, copyLive = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'releases-'));
  temps.push(dir);
  for (const name of RELEASE_FILES)
    writeFileSync(
      join(dir, name),
      files[name] ?? (copyLive ? readFileSync(join(liveData, name)) : `${name}\n`),
    );
  writeFileSync(join(dir, 'CHANGELOG.md'), changelog);
  return dir;
}

const fileContents = fc.record(
  Object.fromEntries(RELEASE_FILES.map((name) => [name, fc.string({ maxLength: 40 })])) as Record<
    string,
    fc.Arbitrary<string>
  >,
);

describe('the release id', () => {
  it('is six hex digits, the same for the same bytes', () => {
    fc.assert(
      fc.property(fileContents, (files) => {
        const hash = contentHash((name) => files[name]!);
        expect(hash).toMatch(/^[0-9a-f]{6}$/);
        expect(contentHash((name) => Buffer.from(files[name]!, 'utf8'))).toBe(hash);
        expect(isReleaseId(releaseId('2026-12-01', hash))).toBe(true);
      }),
    );
  });

  it('changes when any one data file changes', () => {
    fc.assert(
      fc.property(
        fileContents,
        fc.constantFrom(...RELEASE_FILES),
        fc.string({ minLength: 1, maxLength: 5 }),
        (files, name, extra) => {
          const before = contentHash((n) => files[n]!);
          const after = contentHash((n) => (n === name ? files[n]! + extra : files[n]!));
          expect(after).not.toBe(before);
        },
      ),
    );
  });

  it('changes when bytes move from one file to the next', () => {
    const a = contentHash((n) => (n === 'figures.csv' ? 'ab' : n === 'sources.csv' ? 'c' : ''));
    const b = contentHash((n) => (n === 'figures.csv' ? 'a' : n === 'sources.csv' ? 'bc' : ''));
    expect(a).not.toBe(b);
  });

  it('of the live data is the one data/CHANGELOG.md and data/releases/index.json name', () => {
    const index = readReleases(liveData);
    const hash = contentHash((name) => readFileSync(join(liveData, name)));
    expect(index.current.hash).toBe(hash);
    expect(index.current.id).toBe(
      `${parseChangelog(readFileSync(join(liveData, 'CHANGELOG.md'), 'utf8')).entries[0]!.date}-${hash}`,
    );
    expect(folderHash(join(liveData, 'releases', index.current.id))).toBe(hash);
    expect(checkReleases(liveData)).toEqual([]);
  });

  it('is only a real date and six lowercase hex digits', () => {
    expect(parseReleaseId('2026-12-01-a1b2c3')).toEqual({
      id: '2026-12-01-a1b2c3',
      date: '2026-12-01',
      hash: 'a1b2c3',
    });
    for (const bad of [
      '2026-02-30-a1b2c3',
      '2026-12-01-A1B2C3',
      '2026-12-01-a1b2c',
      '2026-12-01-a1b2c3 ',
      '../2026-12-01',
      '2026-12-01-a1b2c3/..',
    ])
      expect(isReleaseId(bad), bad).toBe(false);
  });
});

describe('the changelog', () => {
  it('lists release headings newest first, and says what is wrong with the others', () => {
    const { entries, problems } = parseChangelog(
      '# Data releases\n\n## 2027-03-01\n\n### Added\n\n## 2026-12-01 (a1b2c3)\n\n## Notes\n\n## 2026-12-05 (b1b2c3)\n',
    );
    expect(entries.map((e) => [e.date, e.hash, e.line])).toEqual([
      ['2027-03-01', null, 3],
      ['2026-12-01', 'a1b2c3', 7],
      ['2026-12-05', 'b1b2c3', 11],
    ]);
    expect(problems.map((p) => p.line)).toEqual([9, 11]);
  });
});

describe('the data check and npm run release', () => {
  it('cuts a first release, then fails when the data change until a new entry is cut', () => {
    const dir = fixture('# Data releases\n\n## 2026-11-28\n\nFirst.\n');
    expect(checkReleases(dir).map((p) => p.message)).toEqual([
      'release 2026-11-28 is not cut yet: run `npm run release`',
    ]);

    const first = cutRelease(dir).release;
    expect(first.id).toBe(`2026-11-28-${contentHash((n) => readFileSync(join(dir, n)))}`);
    expect(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')).toContain(`## 2026-11-28 (${first.hash})\n`);
    expect(checkReleases(dir)).toEqual([]);
    expect(cutRelease(dir).wrote).toEqual([]); // idempotent

    writeFileSync(join(dir, 'figures.csv'), 'figures.csv\nchanged\n');
    const [changed] = checkReleases(dir);
    expect(changed).toMatchObject({ file: `${dir}/CHANGELOG.md`, line: 3 });
    expect(changed!.message).toMatch(
      /^the data files changed since release 2026-11-28-[0-9a-f]{6} \(they now hash to [0-9a-f]{6}\): add an entry "## YYYY-MM-DD" at the top of data\/CHANGELOG.md .* then run `npm run release`$/,
    );
    expect(() => cutRelease(dir)).toThrow(/add an entry/);

    const log = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8');
    writeFileSync(
      join(dir, 'CHANGELOG.md'),
      log.replace('## 2026-11-28', '## 2027-03-01\n\nCorrected f0001.\n\n## 2026-11-28'),
    );
    const second = cutRelease(dir).release;
    expect(second.id).not.toBe(first.id);
    expect(checkReleases(dir)).toEqual([]);
    const index = readReleases(dir);
    expect(index.current).toEqual(second);
    expect(index.releases.map((r) => r.id)).toEqual([second.id, first.id]);
    // Both releases stay as they were cut.
    expect(readFileSync(join(dir, 'releases', first.id, 'figures.csv'), 'utf8')).toBe('figures.csv\n');
    expect(readFileSync(join(dir, 'releases', second.id, 'figures.csv'), 'utf8')).toBe(
      'figures.csv\nchanged\n',
    );
  });

  it('finds an altered frozen copy, a stray folder and a stale index', () => {
    const dir = fixture('## 2026-11-28\n');
    const { release } = cutRelease(dir);
    writeFileSync(join(dir, 'releases', release.id, 'areas.csv'), 'edited\n');
    cpSync(join(dir, 'releases', release.id), join(dir, 'releases', '2026-01-01-000000'), {
      recursive: true,
    });
    writeFileSync(join(dir, 'releases', 'index.json'), '{}\n');
    expect(checkReleases(dir).map((p) => p.message)).toEqual([
      expect.stringMatching(/^the frozen copy of release 2026-11-28-[0-9a-f]{6} was altered/),
      'release 2026-01-01-000000 is not in data/CHANGELOG.md',
      'the list of releases is out of date: run `npm run release`',
    ]);
  });

  it('runs as npm run data:check on a folder, printing what to do', () => {
    const dir = fixture('## 2026-11-28\n', {}, true);
    cutRelease(dir);
    writeFileSync(join(dir, 'population.csv'), `${readFileSync(join(dir, 'population.csv'), 'utf8')}\n`);
    const run = spawnSync('npx', ['tsx', 'scripts/data-check.ts', dir], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `${dir}/CHANGELOG.md:1: release: the data files changed since release 2026-11-28-`,
    );
  }, 30_000);
});
