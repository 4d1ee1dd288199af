/**
 * Checks the bundled data files against the rules in src/lib/data/validate.ts and prints every problem
 * as `file:line: column: message`. Exits 1 when anything is wrong. Run by `npm run data:check` and `npm test`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkData } from '../src/lib/data/check-files.ts';
import { checkReleases, readReleases } from '../build/release-archive.ts';
import { checkDataPackages } from '../build/datapackage.ts';

const dir = process.argv[2] ?? 'data';
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const { problems, counts } = checkData(read, dir);
// The releases: the newest changelog entry must name these files' hash, and every frozen copy its own.
const releaseProblems = checkReleases(dir);
problems.push(...releaseProblems);
// The Data Package: data/datapackage.json and each release's as the schema describes them, every file valid.
problems.push(...checkDataPackages(dir));

for (const p of problems) console.log(`${p.file}:${p.line}: ${p.column}: ${p.message}`);
const summary = Object.entries(counts)
  .map(([file, n]) => `${file} ${n} rows`)
  .join(', ');
const release = releaseProblems.length ? '' : `; release ${readReleases(dir).current.id}`;
console.log(
  `data check: ${summary}${release}; ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
);
process.exit(problems.length ? 1 : 0);
