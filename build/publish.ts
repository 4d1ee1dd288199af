/**
 * The last step of the build: makes dist/ ready to publish on any static host.
 * 1. Every page gets its Content-Security-Policy `<meta>`, hashing the inline scripts of its final HTML
 *    (so it runs after the prerender plugin, which writes the head script); a page with an inline script the
 *    policy does not hash fails the build.
 * 2. `_headers` (Netlify, Cloudflare Pages) and the nginx map of each page's policy (for deploy/nginx.conf)
 *    are written from the same policy and hashes (build/csp.ts).
 * 3. Every compressible file gets its .br and .gz (build/precompress.ts).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import {
  ASSETS_DIR,
  addMetaPolicy,
  HEADERS_FILE,
  headersFile,
  isHashedName,
  NGINX_MAP_FILE,
  type BuiltPage,
} from './csp.ts';
import { nginxCspMap } from './nginx-conf.ts';
import { filesIn, precompress, type Compressed } from './precompress.ts';

export interface Published {
  pages: BuiltPage[];
  compressed: Compressed[];
}

export async function publishDir(dir: string): Promise<Published> {
  const files = await filesIn(dir);
  const unhashed = files.filter((f) => f.startsWith(`${ASSETS_DIR}/`) && !isHashedName(f));
  if (unhashed.length)
    throw new Error(`publish: ${unhashed.join(', ')} in ${ASSETS_DIR}/ would be cached for a year, unhashed`);
  const pages: BuiltPage[] = [];
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const { html, hashes } = addMetaPolicy(await readFile(join(dir, file), 'utf8'));
    await writeFile(join(dir, file), html);
    pages.push({ file, hashes });
  }
  await writeFile(join(dir, HEADERS_FILE), headersFile(pages, files));
  await writeFile(join(dir, NGINX_MAP_FILE), nginxCspMap(pages));
  return { pages, compressed: await precompress(dir) };
}

/** Runs {@link publishDir} on the build's output, after every other plugin's closeBundle (the prerender's). */
export function publish(): Plugin {
  let outDir = '';
  return {
    name: 'publish',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler(error) {
        if (error) return;
        const { pages, compressed } = await publishDir(outDir);
        const total = (key: 'size' | 'br' | 'gz') => compressed.reduce((n, c) => n + (c[key] ?? c.size), 0);
        this.info(
          `${pages.length} pages with their policy; ${compressed.length} files precompressed: ` +
            `${(total('size') / 1000).toFixed(1)} kB, br ${(total('br') / 1000).toFixed(1)} kB, gzip ${(total('gz') / 1000).toFixed(1)} kB`,
        );
      },
    },
  };
}
