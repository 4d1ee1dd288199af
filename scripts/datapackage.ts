/**
 * `npm run datapackage`: writes data/datapackage.json from src/lib/data/schema.ts for the current release, the
 * current release's copy in data/releases/<id>/ and a copy for any release that has none, and sets CITATION.cff's
 * version and date to the current release (build/datapackage.ts). Run it after changing the schema or cutting a
 * release (`npm run release` runs it); commit what it wrote. `npm run data:check` fails until then.
 */
import { writeDataPackages } from '../build/datapackage.ts';

const dir = process.argv[2] ?? 'data';
try {
  const wrote = writeDataPackages(dir, 'CITATION.cff');
  console.log(
    wrote.length ? `datapackage: wrote ${wrote.join(', ')}` : 'datapackage: up to date, nothing to write',
  );
} catch (e) {
  console.error(`datapackage: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
