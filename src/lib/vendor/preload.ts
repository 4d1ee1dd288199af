/**
 * A Vite plugin that lets the browser fetch the data files while it is still downloading the scripts:
 * each page's HTML gets <link rel="preload" as="fetch"> for the CSV assets of the build. Without it the
 * data are fetched only after the scripts have run: a waterfall before the first chart.
 */
import type { Plugin } from 'vite';

export function preloadData(): Plugin {
  return {
    name: 'preload-data',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle) return [];
        return Object.keys(ctx.bundle)
          .filter((file) => file.endsWith('.csv'))
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
