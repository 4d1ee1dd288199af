/**
 * A Vite plugin publishing every data release under a stable path: `releases/<id>/<file>.csv` (the seven data
 * files as frozen in data/releases/<id>/, plus the embed's `figures-lean.csv`), the release's `datapackage.json`
 * and a zip of its files, package and changelog entry (build/datapackage.ts), and `releases/index.json` (the
 * releases, newest first, and the current one). A pinned link (`?data=<id>`) loads its release from there
 * (src/lib/release/pin.ts); an unpinned page keeps loading the current release's hashed assets beside the app.
 *
 * The build stops when the archive is not in order (build/release-archive.ts): the data files must be the
 * newest release's, so that the current release a page names is the one it shows. The files are written
 * after the bundle, not emitted into it, so that no page preloads them (build/preload.ts).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { leanFiguresCSV } from './lean-figures.ts';
import { ARCHIVE, INDEX, RELEASE_FILES, indexText, readReleases } from './release-archive.ts';
import { releaseZip, zipName } from './datapackage.ts';
import { DATAPACKAGE_FILE } from '../src/lib/data/datapackage.ts';
import { isReleaseId, parseReleaseId } from '../src/lib/release/id.ts';
import { LEAN_FIGURES } from '../src/lib/release/pin.ts';

/** The files of one published release: the data files, the lean figures and the Data Package. */
export const PUBLISHED_FILES: readonly string[] = [...RELEASE_FILES, LEAN_FIGURES, DATAPACKAGE_FILE];

/** The published bytes of `file` of a release frozen in `dir`. */
async function publishedFile(dir: string, file: string): Promise<string | Buffer> {
  if (file === LEAN_FIGURES) return leanFiguresCSV(await readFile(join(dir, 'figures.csv'), 'utf8'));
  return readFile(join(dir, file));
}

const typeOf = (file: string) =>
  file.endsWith('.json') ? 'application/json' : file.endsWith('.zip') ? 'application/zip' : 'text/csv';

export function releases(): Plugin {
  let config: ResolvedConfig;
  const dataDir = () => join(config.root, 'data');
  return {
    name: 'releases',
    configResolved(c) {
      config = c;
    },
    buildStart() {
      if (config.command !== 'build') return;
      try {
        readReleases(dataDir());
      } catch (e) {
        this.error(e instanceof Error ? e.message : String(e));
      }
    },
    async writeBundle() {
      const index = readReleases(dataDir());
      const out = resolve(config.root, config.build.outDir, ARCHIVE);
      for (const r of index.releases) {
        const from = join(dataDir(), ARCHIVE, r.id);
        await mkdir(join(out, r.id), { recursive: true });
        for (const file of PUBLISHED_FILES)
          await writeFile(join(out, r.id, file), await publishedFile(from, file));
        await writeFile(join(out, r.id, zipName(r.id)), releaseZip(dataDir(), r));
      }
      await writeFile(join(out, INDEX), indexText(index));
    },
    // The development server answers the same paths from the archive (the lean figures are computed too).
    configureServer(server) {
      server.middlewares.use(`/${ARCHIVE}/`, (req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0]!).replace(/^\//, '');
        const [id, file, ...rest] = path.split('/');
        const send = (body: string | Buffer, type: string) => {
          res.setHeader('Content-Type', type);
          res.end(body);
        };
        if (path === INDEX)
          readFile(join(dataDir(), ARCHIVE, INDEX)).then((b) => send(b, 'application/json'), next);
        else if (isReleaseId(id) && file && PUBLISHED_FILES.includes(file) && rest.length === 0)
          publishedFile(join(dataDir(), ARCHIVE, id), file).then((b) => send(b, typeOf(file)), next);
        else if (isReleaseId(id) && file === zipName(id) && rest.length === 0)
          send(Buffer.from(releaseZip(dataDir(), parseReleaseId(id)!)), typeOf(file));
        else next();
      });
    },
  };
}
