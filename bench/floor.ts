/**
 * Builds the floor harness (bench/floor/harness.ts) into bench/out/floor with Vite, from the same modules as the
 * app and through the same module plugins (those of vite.config.ts, less the ones that work on the pages), and
 * copies it into the served folder, where bench/interaction.ts adds it to the explorer's page. Taking the
 * plugins from the app's config keeps the floor on the code the app runs when that list changes.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { build, loadConfigFromFile, type Plugin, type PluginOption } from 'vite';
import { DIST, OUT, ROOT } from './server.ts';

/** Where the harness is served from, under the built app. */
export const FLOOR_DIR = 'bench-floor';
export const FLOOR_MODULE = `${FLOOR_DIR}/floor.js`;

/** Plugins of vite.config.ts that work on the pages and the published folder, not on modules. */
const PAGE_PLUGINS = new Set(['preload-data', 'prerender', 'releases', 'compile-hints', 'publish']);

async function modulePlugins(): Promise<Plugin[]> {
  const loaded = await loadConfigFromFile(
    { command: 'build', mode: 'production' },
    join(ROOT, 'vite.config.ts'),
    ROOT,
    'error',
  );
  const flat = async (options: PluginOption[]): Promise<Plugin[]> => {
    const out: Plugin[] = [];
    for (const o of await Promise.all(options))
      if (Array.isArray(o)) out.push(...(await flat(o)));
      else if (o && typeof o === 'object' && 'name' in o) out.push(o);
    return out;
  };
  return (await flat(loaded?.config.plugins ?? [])).filter((p) => !PAGE_PLUGINS.has(p.name));
}

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
      plugins: await modulePlugins(),
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
