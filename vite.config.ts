import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { arqueroStandIns } from './build/arquero-stand-ins.ts';
import { preloadData } from './build/preload.ts';
import { prerender } from './build/prerender.ts';
import { leanFigures } from './build/lean-figures.ts';
import { releases } from './build/releases.ts';

// Relative base: the built app works from any sub-path of a static host.
export default defineConfig({
  base: './',
  plugins: [arqueroStandIns(), svelte(), leanFigures(), preloadData(), prerender(), releases()],
  build: {
    target: 'es2022',
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        embed: resolve(import.meta.dirname, 'embed.html'),
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
