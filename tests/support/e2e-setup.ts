import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { startNginx, type Nginx } from '../../build/nginx.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

/**
 * The build and its server, shared by every project that names this set-up (e2e in Chromium, engines in
 * Firefox and WebKit): Vitest loads a project's global set-up in a module of that project's own, so the one
 * build is kept on globalThis, and nginx stops when the last project tears down.
 */
interface Shared {
  server: Promise<Nginx>;
  users: number;
}
const shared = globalThis as { __foiE2EServer?: Shared };

/**
 * Builds the production bundle and serves dist/ with nginx and the shipped deploy/nginx.conf on 127.0.0.1
 * (build/nginx.ts) for the end-to-end tests, as a static host would.
 */
export async function setup(project: TestProject): Promise<void> {
  shared.__foiE2EServer ??= { server: buildAndServe(), users: 0 };
  shared.__foiE2EServer.users++;
  project.provide('baseURL', (await shared.__foiE2EServer.server).url);
}

async function buildAndServe(): Promise<Nginx> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production'; // vitest sets 'test', which would give a dev-mode bundle
  try {
    await build({ logLevel: 'warn', build: { outDir: 'dist' } });
  } finally {
    process.env.NODE_ENV = previous;
  }
  return startNginx('dist');
}

export async function teardown(): Promise<void> {
  const current = shared.__foiE2EServer;
  if (!current || --current.users > 0) return;
  shared.__foiE2EServer = undefined;
  await (await current.server).stop();
}
