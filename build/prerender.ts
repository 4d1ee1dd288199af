/**
 * A Vite plugin that writes each built page's default view into its HTML: after the client build, it renders
 * build/render.ts with Vite's server renderer (the same components, the bundled figures) and puts the markup
 * inside the page's mount point, with the head script that hides it where the address asks for another view
 * (src/lib/prerender/guard.ts); that script also has the app's script and data requested once the markup is
 * parsed rather than from the <head> (src/lib/prerender/loader.ts). The browser then paints the first chart
 * from the HTML alone.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createServer, type InlineConfig, type Plugin, type ResolvedConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { arqueroStandIns } from './arquero-stand-ins.ts';
import { packedData } from './packed-data.ts';
import { PRERENDERED_ATTR } from '../src/lib/prerender/context.ts';
import type { Deferred } from '../src/lib/prerender/loader.ts';

interface PrerenderModule {
  prerenderPages(dataDir: string): Promise<{ explorer: string; embed: string }>;
  headGuard(page: 'explorer' | 'embed', deferred: Deferred): string;
}

const PAGES = [
  { file: 'index.html', mount: 'app', page: 'explorer' },
  { file: 'embed.html', mount: 'embed', page: 'embed' },
] as const;

/** Puts the guard first in <head> (before the stylesheets, so it never waits for them) and the markup inside the page's empty mount point. */
export function injectPrerendered(html: string, mount: string, markup: string, guard: string): string {
  const empty = `<div id="${mount}"></div>`;
  if (!html.includes(empty)) throw new Error(`prerender: no empty <div id="${mount}"> in the page`);
  const charset = /<meta charset="[^"]*"\s*\/?>/i;
  if (!charset.test(html)) throw new Error('prerender: no <meta charset> in the page');
  return html
    .replace(charset, (m) => `${m}\n    ${guard}`)
    .replace(empty, () => `<div id="${mount}"><div ${PRERENDERED_ATTR}>${markup}</div></div>`);
}

/** Vite's tags in <head> that load the app and its data, as written by the build and the preload plugin. */
const LOADING_TAGS =
  /[ \t]*<(?:script type="module" crossorigin src="([^"]+)"><\/script>|link rel="(modulepreload|preload)"[^>]*?href="([^"]+)"[^>]*>)\n?/g;

/**
 * Takes the tags that load the app and its data out of <head> and returns the page without them, with what
 * they load (see src/lib/prerender/loader.ts): the chunks the entry imports, each as a module script of its own
 * before the entry, so that each is evaluated in a task of its own rather than all in the entry's; then the
 * entry; then the data.
 */
export function takeLoadingTags(html: string): { html: string; deferred: Deferred } {
  const head = html.slice(0, html.indexOf('</head>'));
  const chunks: Deferred[number][] = [];
  const entry: Deferred[number][] = [];
  const data: Deferred[number][] = [];
  const rest = head.replace(LOADING_TAGS, (_tag, script?: string, rel?: string, href?: string) => {
    if (script) entry.push(['script', script]);
    else if (rel === 'modulepreload') chunks.push(['script', href!]);
    else data.push(['preload', href!]);
    return '';
  });
  if (entry.length === 0) throw new Error('prerender: no module script in <head>');
  return { html: rest + html.slice(head.length), deferred: [...chunks, ...entry, ...data] };
}

/** The server renderer's Vite set-up: the app's own plugins, Arquero's stand-ins among them. */
export const renderServerConfig = (root: string): InlineConfig => ({
  configFile: false,
  root,
  logLevel: 'error',
  plugins: [arqueroStandIns(), svelte(), packedData()],
  server: { middlewareMode: true, hmr: false, ws: false },
  appType: 'custom',
  optimizeDeps: { noDiscovery: true, include: [] },
});

export function prerender(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'prerender',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      const server = await createServer(renderServerConfig(config.root));
      try {
        const mod = (await server.ssrLoadModule('/build/render.ts')) as unknown as PrerenderModule;
        const pages = await mod.prerenderPages(join(config.root, 'data'));
        const outDir = resolve(config.root, config.build.outDir);
        for (const { file, mount, page } of PAGES) {
          const path = join(outDir, file);
          const html = await readFile(path, 'utf8');
          const { html: lean, deferred } = takeLoadingTags(html);
          await writeFile(path, injectPrerendered(lean, mount, pages[page], mod.headGuard(page, deferred)));
        }
      } finally {
        await server.close();
      }
    },
  };
}
