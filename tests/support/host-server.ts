/**
 * A host page server on its own port (so a different origin from the app) for embed tests: it serves the
 * pages a test registers, and the real pym.js from the npm package.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const PYM = readFileSync(
  join(import.meta.dirname, '..', '..', 'node_modules', 'pym.js', 'dist', 'p.v1.m.js'),
  'utf8',
);

export interface HostServer {
  url: string;
  /** Registers a page at `path` (e.g. "/host.html"). */
  page(path: string, html: string): string;
  close(): Promise<void>;
}

export async function startHostServer(): Promise<HostServer> {
  const pages = new Map<string, string>([['/pym.js', PYM]]);
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = pages.get(path);
    if (body === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': path.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8',
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    page(path, html) {
      pages.set(path, html);
      return url + path;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
