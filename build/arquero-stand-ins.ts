/**
 * A Vite plugin giving Arquero — and only Arquero — the stand-ins of this folder for acorn and
 * @uwdata/flechette. Other packages that use acorn (the Svelte compiler) keep the real one.
 * Used by the build and by the unit tests, so tests run what ships.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const STANDS_IN: Readonly<Record<string, string>> = {
  acorn: here('./stand-ins/acorn.ts'),
  '@uwdata/flechette': here('./stand-ins/flechette.ts'),
};

export function arqueroStandIns(): Plugin {
  return {
    name: 'arquero-stand-ins',
    enforce: 'pre',
    resolveId(source, importer) {
      const stub = STANDS_IN[source];
      return stub && importer && /[\\/]node_modules[\\/]arquero[\\/]/.test(importer) ? stub : null;
    },
  };
}
