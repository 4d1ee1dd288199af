import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { startNginx, type Nginx } from '../../build/nginx.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

let server: Nginx | undefined;

/**
 * Builds the production bundle and serves dist/ with nginx and the shipped deploy/nginx.conf on 127.0.0.1
 * (build/nginx.ts) for the end-to-end tests, as a static host would.
 */
export async function setup(project: TestProject): Promise<void> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production'; // vitest sets 'test', which would give a dev-mode bundle
  try {
    await build({ logLevel: 'warn', build: { outDir: 'dist' } });
  } finally {
    process.env.NODE_ENV = previous;
  }
  server = await startNginx('dist');
  project.provide('baseURL', server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
