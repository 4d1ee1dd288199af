/**
 * The release archive in data/: the changelog (data/CHANGELOG.md), one frozen copy of the seven data files per
 * release (data/releases/<id>/), and the list of releases (data/releases/index.json), all written by
 * `npm run release` (scripts/release.ts) and checked by `npm run data:check` and by the build.
 *
 * A release id is the date of its changelog entry and the first six hex digits of the SHA-256 of the seven
 * data files, in the fixed order of DATA_FILES, each preceded by its name and its length in bytes (so that
 * moving bytes from one file to the next changes the hash too).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_FILES } from '../src/lib/data/load.ts';
import type { Problem } from '../src/lib/data/validate.ts';
import { parseChangelog, withHash, type ChangelogEntry } from '../src/lib/release/changelog.ts';
import { HASH_LENGTH, isReleaseId, releaseId, type ReleaseInfo } from '../src/lib/release/id.ts';

/** The data files of a release, in the order they are hashed. */
export const RELEASE_FILES: readonly string[] = Object.values(DATA_FILES);
export const CHANGELOG = 'CHANGELOG.md';
/** The archive folder inside data/. */
export const ARCHIVE = 'releases';
export const INDEX = 'index.json';

/** The list of releases, newest first: data/releases/index.json, and dist/releases/index.json as published. */
export interface ReleaseIndex {
  current: ReleaseInfo;
  releases: ReleaseInfo[];
}

/** The content hash of a release's files (`read` gives each file's bytes by name), six hex digits. */
export function contentHash(read: (name: string) => Uint8Array | string): string {
  const hash = createHash('sha256');
  for (const name of RELEASE_FILES) {
    const raw = read(name);
    const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    hash.update(`${name}\0${bytes.byteLength}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex').slice(0, HASH_LENGTH);
}

/** The content hash of the files in a folder. */
export const folderHash = (dir: string): string => contentHash((name) => readFileSync(join(dir, name)));

const missingFiles = (dir: string) => RELEASE_FILES.filter((name) => !existsSync(join(dir, name)));

/** The releases the changelog names (cut ones only), newest first. */
export function releasesOf(entries: readonly ChangelogEntry[]): ReleaseInfo[] {
  return entries
    .filter((e): e is ChangelogEntry & { hash: string } => e.hash !== null)
    .map((e) => ({ id: releaseId(e.date, e.hash), date: e.date, hash: e.hash }));
}

export const indexText = (index: ReleaseIndex): string => `${JSON.stringify(index, null, 2)}\n`;

/** What to do when the data files no longer match the newest release. */
export function changedDataMessage(newest: ReleaseInfo, now: string): string {
  return (
    `the data files changed since release ${newest.id} (they now hash to ${now}): add an entry ` +
    `"## YYYY-MM-DD" at the top of data/${CHANGELOG} saying what was added, corrected or removed, by figure id, ` +
    'then run `npm run release`'
  );
}

/**
 * Every problem of the archive in `dataDir`: the changelog's headings, the newest release against the data
 * files, each release's frozen copy against its id, folders no release names, and the index.
 */
export function checkReleases(dataDir: string): Problem[] {
  const problems: Problem[] = [];
  const changelogFile = `${dataDir}/${CHANGELOG}`;
  const problem = (file: string, line: number, message: string) =>
    problems.push({ file, line, column: 'release', message });
  if (!existsSync(join(dataDir, CHANGELOG))) {
    problem(
      changelogFile,
      1,
      'no changelog: add data/CHANGELOG.md with a "## YYYY-MM-DD" entry, then run `npm run release`',
    );
    return problems;
  }
  const { entries, problems: headings } = parseChangelog(readFileSync(join(dataDir, CHANGELOG), 'utf8'));
  for (const h of headings) problem(changelogFile, h.line, h.message);
  const newest = entries[0];
  if (!newest) {
    problem(
      changelogFile,
      1,
      'no release entry: add "## YYYY-MM-DD" with what the data holds, then run `npm run release`',
    );
    return problems;
  }
  const now = contentHash((name) => readFileSync(join(dataDir, name)));
  if (newest.hash === null)
    problem(changelogFile, newest.line, `release ${newest.date} is not cut yet: run \`npm run release\``);
  else if (newest.hash !== now)
    problem(changelogFile, newest.line, changedDataMessage(releasesOf([newest])[0]!, now));

  const releases = releasesOf(entries);
  const seen = new Set<string>();
  for (const [i, r] of releases.entries()) {
    const line = entries.find((e) => e.date === r.date && e.hash === r.hash)!.line;
    if (seen.has(r.id)) problem(changelogFile, line, `release ${r.id} is listed twice`);
    seen.add(r.id);
    const dir = join(dataDir, ARCHIVE, r.id);
    const where = `${dataDir}/${ARCHIVE}/${r.id}/`;
    const missing = missingFiles(dir);
    if (missing.length)
      problem(
        where,
        1,
        `release ${r.id} has no frozen copy of ${missing.join(', ')}` +
          (i === 0 ? ': run `npm run release`' : ': restore it from the commit that cut the release'),
      );
    else if (folderHash(dir) !== r.hash)
      problem(
        where,
        1,
        `the frozen copy of release ${r.id} was altered: its files hash to ${folderHash(dir)}`,
      );
  }
  const archive = join(dataDir, ARCHIVE);
  if (existsSync(archive))
    for (const name of readdirSync(archive))
      if (statSync(join(archive, name)).isDirectory() && !seen.has(name))
        problem(
          `${dataDir}/${ARCHIVE}/${name}/`,
          1,
          isReleaseId(name) ? `release ${name} is not in data/${CHANGELOG}` : `"${name}" is not a release id`,
        );
  const expected = releases[0] ? indexText({ current: releases[0], releases }) : '';
  const indexFile = join(archive, INDEX);
  if (expected && (!existsSync(indexFile) || readFileSync(indexFile, 'utf8') !== expected))
    problem(
      `${dataDir}/${ARCHIVE}/${INDEX}`,
      1,
      'the list of releases is out of date: run `npm run release`',
    );
  return problems;
}

/** The releases of a checked archive, newest (the current one) first. */
export function readReleases(dataDir: string): ReleaseIndex {
  const problems = checkReleases(dataDir);
  if (problems.length)
    throw new Error(
      `the data releases are not in order:\n${problems.map((p) => `  ${p.file}:${p.line}: ${p.message}`).join('\n')}`,
    );
  return JSON.parse(readFileSync(join(dataDir, ARCHIVE, INDEX), 'utf8')) as ReleaseIndex;
}

/**
 * Cuts the release the newest changelog entry describes: writes the files' hash into its heading (if it has
 * none yet), freezes a copy of the seven files in data/releases/<id>/ and rewrites the index. Idempotent.
 * Throws, saying what to do, when the newest entry was cut for other files.
 */
export function cutRelease(dataDir: string): { release: ReleaseInfo; wrote: string[] } {
  const wrote: string[] = [];
  const changelogPath = join(dataDir, CHANGELOG);
  if (!existsSync(changelogPath))
    throw new Error(`no data/${CHANGELOG}: add one with a "## YYYY-MM-DD" entry describing the data`);
  let text = readFileSync(changelogPath, 'utf8');
  const parsed = parseChangelog(text);
  if (parsed.problems.length)
    throw new Error(parsed.problems.map((p) => `data/${CHANGELOG}:${p.line}: ${p.message}`).join('\n'));
  const newest = parsed.entries[0];
  if (!newest) throw new Error(`data/${CHANGELOG} has no "## YYYY-MM-DD" entry for the release`);
  const now = contentHash((name) => readFileSync(join(dataDir, name)));
  if (newest.hash !== null && newest.hash !== now)
    throw new Error(changedDataMessage(releasesOf([newest])[0]!, now));
  if (newest.hash === null) {
    text = withHash(text, newest.line, now);
    writeFileSync(changelogPath, text);
    wrote.push(`data/${CHANGELOG}`);
  }
  const releases = releasesOf(parseChangelog(text).entries);
  const release = releases[0]!;
  const dir = join(dataDir, ARCHIVE, release.id);
  if (missingFiles(dir).length || folderHash(dir) !== release.hash) {
    mkdirSync(dir, { recursive: true });
    for (const name of RELEASE_FILES) writeFileSync(join(dir, name), readFileSync(join(dataDir, name)));
    wrote.push(`data/${ARCHIVE}/${release.id}/`);
  }
  const indexFile = join(dataDir, ARCHIVE, INDEX);
  const index = indexText({ current: release, releases });
  if (!existsSync(indexFile) || readFileSync(indexFile, 'utf8') !== index) {
    writeFileSync(indexFile, index);
    wrote.push(`data/${ARCHIVE}/${INDEX}`);
  }
  return { release, wrote };
}
