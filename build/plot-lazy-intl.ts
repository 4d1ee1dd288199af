/**
 * A Vite plugin that makes Observable Plot create its number format when it first formats a number, not when
 * it is imported. Plot's `format.js` builds `formatDefault` at import time, and with it an
 * `Intl.NumberFormat`: the page's first one loads the browser's locale data, 30 to 50 ms of the task that
 * evaluates the app on this project's machine (`npm run bench`), before any chart, at every address that
 * waits for the app. The explorer formats its own numbers (src/lib/words/numbers.ts); Plot's format is used
 * only where a mark is handed a raw number, and then made once, as before.
 *
 * The same change runs in the dev server, the build, the build-time render and the tests. Matched exactly:
 * a new Plot that changes the function fails the build rather than ship it unchanged.
 */
import type { Plugin } from 'vite';
import { patch, type Patch } from './arquero-csp.ts';

export const LAZY_NUMBER_FORMAT: Patch = {
  module: /[\\/]node_modules[\\/]@observablehq[\\/]plot[\\/]src[\\/]format\.js$/,
  from: `export function formatNumber(locale = "en-US") {
  const format = numberFormat(locale);
  return (i) => (i != null && !isNaN(i) ? format.format(i) : undefined);
}`,
  to: `export function formatNumber(locale = "en-US") {
  return (i) => (i != null && !isNaN(i) ? numberFormat(locale).format(i) : undefined);
}`,
};

/** The transform alone: Vite's dependency optimizer (the dev server, the browser tests) runs it too. */
const lazyNumberFormat = {
  name: 'plot-lazy-intl',
  transform(code: string, id: string) {
    if (LAZY_NUMBER_FORMAT.module.test(id)) return { code: patch(code, LAZY_NUMBER_FORMAT), map: null };
    return null;
  },
};

export function plotLazyIntl(): Plugin {
  return {
    ...lazyNumberFormat,
    enforce: 'pre',
    config: () => ({ optimizeDeps: { rolldownOptions: { plugins: [lazyNumberFormat] } } }),
  };
}
