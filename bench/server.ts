/**
 * Builds the production bundle into bench/out/dist (not dist/, which the end-to-end tests build and serve
 * concurrently) and serves it with nginx and deploy/nginx.conf on 127.0.0.1 (precompressed files, the
 * shipped headers), the way tests/support/e2e-setup.ts does: the bench measures a static host.
 */
import { join } from 'node:path';
import { build } from 'vite';
import { startNginx } from '../build/nginx.ts';

export const ROOT = join(import.meta.dirname, '..');
export const OUT = join(ROOT, 'bench', 'out');
export const DIST = join(OUT, 'dist');

export async function buildApp(): Promise<void> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, logLevel: 'error', build: { outDir: DIST, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = previous;
  }
}

export interface Served {
  server: { close(): Promise<void> };
  base: string;
}

export async function serve(): Promise<Served> {
  const nginx = await startNginx(DIST);
  return { server: { close: () => nginx.stop() }, base: nginx.url };
}
