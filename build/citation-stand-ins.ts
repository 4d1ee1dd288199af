/**
 * A Vite plugin giving Citation.js (@citation-js/core) — and only it — a stand-in for the two fetch libraries it
 * imports to read citations from the web, which the citation dialog never does (./stand-ins/citation-fetch.ts).
 * Their CommonJS code would ship in the dialog's chunk, and with it the CommonJS interop helpers, which Rolldown
 * puts in the runtime chunk that every page loads before its first chart.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const STUB = fileURLToPath(new URL('./stand-ins/citation-fetch.ts', import.meta.url));

export function citationStandIns(): Plugin {
  return {
    name: 'citation-stand-ins',
    enforce: 'pre',
    resolveId(source, importer) {
      return (source === 'sync-fetch' || source === 'node-fetch') &&
        importer &&
        /[\\/]node_modules[\\/]@citation-js[\\/]core[\\/]/.test(importer)
        ? STUB
        : null;
    },
  };
}
