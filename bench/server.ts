/**
 * Builds the production bundle into bench/out/dist (not dist/, which the end-to-end tests build and serve
 * concurrently) and serves it with `vite preview` on 127.0.0.1, the way tests/support/e2e-setup.ts does.
 */
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';

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
  server: PreviewServer;
  base: string;
}

export async function serve(): Promise<Served> {
  const server = await preview({
    root: ROOT,
    logLevel: 'error',
    build: { outDir: DIST },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return { server, base: `http://127.0.0.1:${address.port}/` };
}
