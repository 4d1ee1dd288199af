/**
 * A Vite plugin giving the pages their dataset packed (src/lib/data/packed.ts), made from the CSV files of
 * data/ with the app's own loader. `virtual:packed-dataset` is the URL of the pack both pages load for their
 * first chart: every table, the figures without their note and evidence, which no chart shows.
 * `virtual:packed-notes` is the URL of those two columns, which the explorer reads just after its first chart
 * (its figure details, table and downloads show them; the embed never does). The build emits them as hashed
 * assets; the dev server makes them on each request, so an edit to data/ shows on reload.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { dataFilesIn, readTables } from '../src/lib/data/load.ts';
import { NOTE_COLUMNS, packNotes, packTables } from '../src/lib/data/packed.ts';

/** The packed dataset of the CSV files in `dataDir`; `drop` names figure columns left out. */
export async function packDataDir(dataDir: string, drop: readonly string[] = []): Promise<string> {
  return packTables(await readTables(dataFilesIn(dataDir), (path) => readFile(path, 'utf8')), drop);
}

/** The notes pack of the figures in `dataDir`. */
export async function packNotesOf(dataDir: string): Promise<string> {
  const { figures } = await readTables(dataFilesIn(dataDir), (path) => readFile(path, 'utf8'));
  return packNotes(figures);
}

/** Each packed file: its module id, its file name, and how it is made from data/. */
export const PACKED = {
  'virtual:packed-dataset': { file: 'dataset.json', make: (dir: string) => packDataDir(dir, NOTE_COLUMNS) },
  'virtual:packed-notes': { file: 'notes.json', make: packNotesOf },
} as const;
type PackedId = keyof typeof PACKED;

/** The packed files a page reads only after its first chart: never preloaded (./preload.ts). */
export const READ_LATER: readonly string[] = [PACKED['virtual:packed-notes'].file];

/** Where the dev server answers with a packed file. */
const DEV_PATH = '/@packed/';

export function packedData(): Plugin {
  let config: ResolvedConfig;
  const dataDir = () => join(config.root, 'data');
  const isPacked = (id: string): id is PackedId => Object.prototype.hasOwnProperty.call(PACKED, id);
  return {
    name: 'packed-data',
    configResolved(c) {
      config = c;
    },
    resolveId(id) {
      return isPacked(id) ? `\0${id}` : null;
    },
    async load(id) {
      if (!id.startsWith('\0') || !isPacked(id.slice(1))) return null;
      const { file, make } = PACKED[id.slice(1) as PackedId];
      if (config.command === 'serve') return `export default ${JSON.stringify(`${DEV_PATH}${file}`)};`;
      for (const name of await readdir(dataDir()))
        if (name.endsWith('.csv')) this.addWatchFile(join(dataDir(), name));
      const ref = this.emitFile({ type: 'asset', name: file, source: await make(dataDir()) });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        const packed = Object.values(PACKED).find((p) => path === `${DEV_PATH}${p.file}`);
        if (!packed) return next();
        packed.make(dataDir()).then(
          (text) => {
            res.setHeader('Content-Type', 'application/json');
            res.end(text);
          },
          (error: unknown) => next(error),
        );
      });
    },
  };
}
