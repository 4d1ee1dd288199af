import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { arqueroStandIns } from './build/arquero-stand-ins.ts';
import { preloadData } from './build/preload.ts';
import { prerender } from './build/prerender.ts';
import { packedData } from './build/packed-data.ts';
import { releases } from './build/releases.ts';
import { publish } from './build/publish.ts';
import { compileHints } from './build/compile-hints.ts';
import { citationStandIns } from './build/citation-stand-ins.ts';

// Relative base: the built app works from any sub-path of a static host. publish() runs after prerender():
// it hashes the pages' final inline scripts into their policy, writes the host headers, precompresses.
export default defineConfig({
  base: './',
  plugins: [
    arqueroStandIns(),
    citationStandIns(), // the citation dialog's Citation.js without the fetch libraries it never uses
    svelte(),
    packedData(),
    preloadData(),
    prerender(),
    releases(),
    compileHints(), // the code a page runs at start is compiled while it downloads
    publish(),
  ],
  build: {
    target: 'es2022',
    // Every data file is a file of its own, never a data: URL inside a script: the loader fetches it, and the
    // security policy lets pages fetch only from the site (build/csp.ts).
    assetsInlineLimit: (file) => (file.endsWith('.csv') ? false : undefined),
    // The pages' HTML names what their first chart needs (build/prerender.ts moves it to the head script);
    // a chunk fetched later needs nothing but what is loaded already. Vite's helper added a <link> to <head>
    // for each of a lazy chunk's files when it was imported: some 15 ms of a task at 1x, for files already
    // there. Every browser the app supports has modulepreload, so no polyfill either.
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
    },
    rolldownOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        embed: resolve(import.meta.dirname, 'embed.html'),
      },
      output: {
        // What both pages need for their first chart is two files, not eight: every module that two chunks or
        // more share, except the import's and the downloads' code (with the row rules the import shares with the
        // data check), which stays in chunks fetched on first use.
        // Eight requests queued on a connection's six slots before the app could start; the page's own entry
        // and the views fetched later stay apart. Plot and d3 are one file, Svelte, Arquero and the app's own
        // modules the other: compiled on two threads as they download (build/compile-hints.ts) and evaluated
        // in two tasks (build/prerender.ts lists each as a script before the entry), where one file was one
        // task of 50-80 ms at 1x. The bundler's few helpers come as a third file of 0.2 kB.
        codeSplitting: {
          groups: [
            {
              name: 'plot',
              minShareCount: 2,
              test: /[\\/]node_modules[\\/](@observablehq[\\/]plot|d3-[\w-]+|internmap|interval-tree-1d|isoformat|binary-search-bounds)[\\/]/,
            },
            {
              name: 'app',
              minShareCount: 2,
              test: (id) =>
                !/[\\/]src[\\/]lib[\\/](import[\\/]|export[\\/]|data[\\/](validate|file-rules)\.ts)/.test(id),
            },
          ],
        },
      },
    },
  },
  // The import's worker (src/lib/import/worker.ts) is bundled apart: it gets Arquero as the pages do.
  worker: { format: 'es', plugins: () => [arqueroStandIns()] },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
