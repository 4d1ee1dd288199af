/**
 * A Vite plugin that lets the browser fetch the data files while it is still downloading the scripts:
 * each page's HTML gets <link rel="preload" as="fetch"> for the data assets its own scripts name (the explorer
 * and the embed load different packed datasets, build/packed-data.ts). Without it the data are fetched only after the scripts have
 * run: a waterfall before the first chart.
 */
import type { IndexHtmlTransformContext, Plugin } from 'vite';

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
        return Object.keys(ctx.bundle)
          .filter((file) => /\.(csv|json)$/.test(file))
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
