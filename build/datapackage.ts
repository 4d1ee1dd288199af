/**
 * The Data Package files of data/: `data/datapackage.json` (the current release's, made from
 * src/lib/data/schema.ts by src/lib/data/datapackage.ts) and one beside each frozen release's files
 * (`data/releases/<id>/datapackage.json`, describing that release's own columns). Written by
 * `npm run datapackage` (and by `npm run release`), checked by `npm run data:check`, published by the build
 * with each release, and zipped there with the release's files and changelog entry ({@link releaseZip}).
 *
 * A release's package is written once, when the release is cut, and then frozen like its files: only the
 * current release's copy follows the schema's descriptions. The release hash covers the seven data files only
 * (build/release-archive.ts), so a package beside them never changes a release's id.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import {
  DATAPACKAGE_FILE,
  dataPackageText,
  type DataPackage,
  type PackageRelease,
} from '../src/lib/data/datapackage.ts';
import type { Problem } from '../src/lib/data/validate.ts';
import { parseChangelog } from '../src/lib/release/changelog.ts';
import { releaseZipPath } from '../src/lib/release/pin.ts';
import { ARCHIVE, CHANGELOG, RELEASE_FILES, readReleases } from './release-archive.ts';
import { checkTables } from './table-check.ts';

const REGENERATE = 'run `npm run datapackage`';

/** Every problem of the packages in `dataDir`: drift from the schema, and files that do not validate. */
export function checkDataPackages(dataDir: string): Problem[] {
  const problems: Problem[] = [];
  let index;
  try {
    index = readReleases(dataDir);
  } catch {
    return problems; // the release check says what is wrong; the packages are named by release
  }
  const expected = dataPackageText(index.current);
  const own = join(dataDir, DATAPACKAGE_FILE);
  const ownName = `${dataDir}/${DATAPACKAGE_FILE}`;
  if (!existsSync(own))
    problems.push({ file: ownName, line: 1, column: 'datapackage', message: `missing: ${REGENERATE}` });
  else if (readFileSync(own, 'utf8') !== expected)
    problems.push({
      file: ownName,
      line: 1,
      column: 'datapackage',
      message: `differs from what src/lib/data/schema.ts describes for release ${index.current.id}: ${REGENERATE}`,
    });
  problems.push(
    ...checkTables(
      JSON.parse(expected) as DataPackage,
      (p) => readFileSync(join(dataDir, p), 'utf8'),
      dataDir,
    ),
  );

  for (const r of index.releases) {
    const dir = join(dataDir, ARCHIVE, r.id);
    const where = `${dataDir}/${ARCHIVE}/${r.id}`;
    const file = join(dir, DATAPACKAGE_FILE);
    const name = `${where}/${DATAPACKAGE_FILE}`;
    if (!existsSync(file)) {
      problems.push({ file: name, line: 1, column: 'datapackage', message: `missing: ${REGENERATE}` });
      continue;
    }
    const text = readFileSync(file, 'utf8');
    if (r.id === index.current.id && text !== expected) {
      problems.push({
        file: name,
        line: 1,
        column: 'datapackage',
        message: `the current release's package differs from data/${DATAPACKAGE_FILE}: ${REGENERATE}`,
      });
      continue;
    }
    const pkg = JSON.parse(text) as DataPackage;
    if (pkg.version !== r.id)
      problems.push({
        file: name,
        line: 1,
        column: 'version',
        message: `names release ${pkg.version}, not ${r.id}`,
      });
    problems.push(...checkTables(pkg, (p) => readFileSync(join(dir, p), 'utf8'), where));
  }
  return problems;
}

/** CITATION.cff with its version and release date set to the release's (quoted as prettier quotes YAML). */
export function citationFileFor(text: string, release: PackageRelease): string {
  return text
    .replace(/^version: .*$/m, `version: '${release.id}'`)
    .replace(/^date-released: .*$/m, `date-released: '${release.date}'`);
}

/**
 * Writes data/datapackage.json, the current release's copy, and a copy for any release that has none (made
 * from the current schema: the data check then validates that release's files against it); keeps CITATION.cff
 * naming the current release. Returns the files written.
 */
export function writeDataPackages(dataDir: string, citationFile?: string): string[] {
  const wrote: string[] = [];
  const index = readReleases(dataDir);
  const write = (path: string, text: string, name: string) => {
    if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
    writeFileSync(path, text);
    wrote.push(name);
  };
  write(join(dataDir, DATAPACKAGE_FILE), dataPackageText(index.current), `${dataDir}/${DATAPACKAGE_FILE}`);
  for (const r of index.releases) {
    const file = join(dataDir, ARCHIVE, r.id, DATAPACKAGE_FILE);
    if (r.id === index.current.id || !existsSync(file))
      write(file, dataPackageText(r), `${dataDir}/${ARCHIVE}/${r.id}/${DATAPACKAGE_FILE}`);
  }
  if (citationFile && existsSync(citationFile))
    write(citationFile, citationFileFor(readFileSync(citationFile, 'utf8'), index.current), citationFile);
  return wrote;
}

/** The changelog entry of the release of `date`: its heading and text, up to the next entry. */
export function changelogEntry(changelog: string, date: string): string {
  const lines = changelog.split('\n');
  const entries = parseChangelog(changelog).entries;
  const i = entries.findIndex((e) => e.date === date);
  if (i < 0) throw new Error(`data/${CHANGELOG} has no entry for ${date}`);
  const end = entries[i + 1] ? entries[i + 1]!.line - 1 : lines.length;
  return `${lines
    .slice(entries[i]!.line - 1, end)
    .join('\n')
    .trim()}\n`;
}

/** The file name of a release's zip, in its folder (the pages link to it: src/lib/release/pin.ts). */
export const zipName = (id: string): string => releaseZipPath(id).split('/').pop()!;

/**
 * The zip of a release frozen in data/releases/<id>/: its seven data files, its datapackage.json and its
 * changelog entry (CHANGELOG.md), in a folder named by the release, each file dated as the release.
 */
export function releaseZip(dataDir: string, release: PackageRelease): Uint8Array {
  const dir = join(dataDir, ARCHIVE, release.id);
  const mtime = new Date(`${release.date}T00:00:00Z`);
  const entry = changelogEntry(readFileSync(join(dataDir, CHANGELOG), 'utf8'), release.date);
  const files: Record<string, Uint8Array> = {};
  for (const name of [...RELEASE_FILES, DATAPACKAGE_FILE])
    files[`${release.id}/${name}`] = readFileSync(join(dir, name));
  files[`${release.id}/${CHANGELOG}`] = strToU8(`# Data release ${release.id}\n\n${entry}`);
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { mtime }]])), {
    level: 9,
  });
}
