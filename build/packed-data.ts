/**
 * A Vite plugin giving each page its dataset as one packed file (src/lib/data/packed.ts), made from the CSV
 * files of data/ with the app's own loader: `virtual:packed-dataset` (the explorer) and
 * `virtual:packed-dataset-lean` (the embed: the figures without their `note` and `evidence`, which the embed
 * never shows; see ./lean-figures.ts) are the packed files' URLs. The build emits them as hashed assets; the
 * dev server makes them on each request, so an edit to data/ shows on reload.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { dataFilesIn, readTables } from '../src/lib/data/load.ts';
import { packTables } from '../src/lib/data/packed.ts';
import { LEAN_DROPS } from './lean-figures.ts';

/** Each packed file: its module id, its file name, the figure columns it leaves out. */
export const PACKED = {
  'virtual:packed-dataset': { file: 'dataset.json', drop: [] as readonly string[] },
  'virtual:packed-dataset-lean': { file: 'dataset-lean.json', drop: LEAN_DROPS as readonly string[] },
} as const;
type PackedId = keyof typeof PACKED;

/** Where the dev server answers with a packed file. */
const DEV_PATH = '/@packed/';

/** The packed dataset of the CSV files in `dataDir`. */
export async function packDataDir(dataDir: string, drop: readonly string[] = []): Promise<string> {
  return packTables(await readTables(dataFilesIn(dataDir), (path) => readFile(path, 'utf8')), drop);
}

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
      const { file, drop } = PACKED[id.slice(1) as PackedId];
      if (config.command === 'serve') return `export default ${JSON.stringify(`${DEV_PATH}${file}`)};`;
      for (const name of await readdir(dataDir()))
        if (name.endsWith('.csv')) this.addWatchFile(join(dataDir(), name));
      const ref = this.emitFile({ type: 'asset', name: file, source: await packDataDir(dataDir(), drop) });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        const packed = Object.values(PACKED).find((p) => path === `${DEV_PATH}${p.file}`);
        if (!packed) return next();
        packDataDir(dataDir(), packed.drop).then(
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
