/**
 * A Vite plugin that lets the browser fetch the data files while it is still downloading the scripts:
 * each page's HTML gets <link rel="preload" as="fetch"> for the data assets its own scripts name (the packed
 * dataset, build/packed-data.ts). Without it the data are fetched only after the scripts have run: a waterfall
 * before the first chart. The figures' notes are not preloaded: the explorer reads them after its first chart,
 * and a preload would fetch them before it.
 */
import type { IndexHtmlTransformContext, Plugin } from 'vite';
import { READ_LATER } from './packed-data.ts';

type OutputBundle = NonNullable<IndexHtmlTransformContext['bundle']>;
type OutputChunk = NonNullable<IndexHtmlTransformContext['chunk']>;

/** The chunks a page's entry loads before it runs: the entry and its static imports, transitively. */
function staticGraph(entry: OutputChunk, bundle: OutputBundle): OutputChunk[] {
  const seen = new Map<string, OutputChunk>();
  const visit = (chunk: OutputChunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.set(chunk.fileName, chunk);
    for (const name of chunk.imports) {
      const next = bundle[name];
      if (next?.type === 'chunk') visit(next);
    }
  };
  visit(entry);
  return [...seen.values()];
}

export function preloadData(): Plugin {
  return {
    name: 'preload-data',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle || !ctx.chunk) return [];
        const code = staticGraph(ctx.chunk, ctx.bundle).map((c) => c.code);
        const later = (file: string) => {
          const asset = ctx.bundle![file];
          return asset?.type === 'asset' && asset.names.some((name) => READ_LATER.includes(name));
        };
        return Object.keys(ctx.bundle)
          .filter((file) => /\.(csv|json)$/.test(file) && !later(file))
          .filter((file) => code.some((c) => c.includes(file.slice(file.lastIndexOf('/') + 1))))
          .sort()
          .map((file) => ({
            tag: 'link',
            // fetch() from the same origin sends credentials "same-origin": the preload must say crossorigin.
            attrs: { rel: 'preload', as: 'fetch', href: `./${file}`, crossorigin: '' },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}
