/**
 * Builds the floor harness (bench/floor/harness.ts) into bench/out/floor with Vite, from the same modules as
 * the app (views, charts, loader, Plot, Arquero with the app's stand-ins), and copies it into the served
 * folder, where bench/interaction.ts adds it to the explorer's page.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build } from 'vite';
import { arqueroStandIns } from '../build/arquero-stand-ins.ts';
import { plotLazyIntl } from '../build/plot-lazy-intl.ts';
import { packedData } from '../build/packed-data.ts';
import { DIST, OUT, ROOT } from './server.ts';

/** Where the harness is served from, under the built app. */
export const FLOOR_DIR = 'bench-floor';
export const FLOOR_MODULE = `${FLOOR_DIR}/floor.js`;

export async function buildFloor(): Promise<void> {
  const outDir = join(OUT, 'floor');
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: false,
      root: ROOT,
      base: './',
      publicDir: false,
      logLevel: 'error',
      plugins: [arqueroStandIns(), plotLazyIntl(), svelte(), packedData()],
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        assetsInlineLimit: 0,
        modulePreload: false,
        rollupOptions: {
          input: join(ROOT, 'bench', 'floor', 'harness.ts'),
          output: { entryFileNames: 'floor.js', format: 'es' },
        },
      },
    });
  } finally {
    process.env.NODE_ENV = previous;
  }
  cpSync(outDir, join(DIST, FLOOR_DIR), { recursive: true });
}
