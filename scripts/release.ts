/**
 * `npm run release`: cuts the data release that the newest entry of data/CHANGELOG.md describes. Writes the
 * data files' hash into that heading, freezes a copy of the seven files in data/releases/<id>/ and rewrites
 * data/releases/index.json (see build/release-archive.ts), then the release's datapackage.json (build/datapackage.ts).
 * Run it after editing data/ and adding the entry; commit what it wrote with the data.
 */
import { cutRelease } from '../build/release-archive.ts';
import { writeDataPackages } from '../build/datapackage.ts';

const dir = process.argv[2] ?? 'data';
try {
  const { release, wrote } = cutRelease(dir);
  // The release's own Data Package, frozen beside its files, and CITATION.cff naming it.
  wrote.push(...writeDataPackages(dir, 'CITATION.cff'));
  console.log(
    wrote.length
      ? `release ${release.id}: wrote ${wrote.join(', ')}`
      : `release ${release.id}: already cut, nothing to write`,
  );
} catch (e) {
  console.error(`release: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
