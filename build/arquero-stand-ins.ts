/**
 * A Vite plugin giving Arquero — and only Arquero — the stand-ins of this folder for acorn and
 * @uwdata/flechette. Other packages that use acorn (the Svelte compiler) keep the real one.
 *
 * One behaviour everywhere: the build, the dev server, the build-time render and the unit tests all load
 * Arquero through this plugin. Left to itself, Vite would pre-bundle Arquero for the dev server and leave it
 * to Node in the server renderer, both past any plugin, so an expression string would work there and throw in
 * production. The plugin therefore keeps Arquero out of the dev server's pre-bundling and inlines it in the
 * server renderer (tests/unit/stand-ins.test.ts checks each mode).
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
    // The server renderer would leave Arquero, and its acorn, to Node: past this plugin.
    config: () => ({
      optimizeDeps: { exclude: ['arquero'] },
      ssr: { noExternal: ['arquero', ...Object.keys(STANDS_IN)] },
    }),
    resolveId(source, importer) {
      const stub = STANDS_IN[source];
      return stub && importer && /[\\/]node_modules[\\/]arquero[\\/]/.test(importer) ? stub : null;
    },
  };
}
