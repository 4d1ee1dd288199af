/**
 * Plot's number format is made when Plot first formats a number, not when Plot is imported
 * (build/plot-lazy-intl.ts), and formats as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { LAZY_NUMBER_FORMAT, plotLazyIntl } from '../../build/plot-lazy-intl.ts';
import { patch } from '../../build/arquero-csp.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let server: ViteDevServer;
interface Format {
  formatNumber(locale?: string): (n: unknown) => string | undefined;
  formatDefault(v: unknown): string | undefined;
}
/** Plot's own module, as the package ships it (not exported by its package.json). */
const FORMAT_JS = '/node_modules/@observablehq/plot/src/format.js';
let patched: Format;
let original: Format;

beforeAll(async () => {
  const serve = (plugins: ReturnType<typeof plotLazyIntl>[]) =>
    createServer({
      configFile: false,
      root: ROOT,
      logLevel: 'error',
      plugins,
      ssr: { noExternal: ['@observablehq/plot'] },
      server: { middlewareMode: true, hmr: false, ws: false },
      appType: 'custom',
      optimizeDeps: { noDiscovery: true, include: [] },
    });
  server = await serve([plotLazyIntl()]);
  patched = (await server.ssrLoadModule(FORMAT_JS)) as Format;
  original = (await import(/* @vite-ignore */ join(ROOT, FORMAT_JS))) as Format;
}, 30_000);
afterAll(async () => {
  await server?.close();
});

describe("Plot's number format, made on first use", () => {
  it('is not made when a formatter is asked for: a bad locale throws only when a number is formatted', () => {
    expect(() => original.formatNumber('not a locale!')).toThrow(RangeError);
    const format = patched.formatNumber('not a locale!');
    expect(() => format(1)).toThrow(RangeError);
  });

  it('formats as Plot does', () => {
    for (const n of [0, 1234.5, 1e21, -0.25, NaN, null]) {
      expect(patched.formatNumber()(n)).toBe(original.formatNumber()(n));
      expect(patched.formatDefault(n)).toBe(original.formatDefault(n));
    }
    expect(patched.formatNumber('de-DE')(1234.5)).toBe('1.234,5');
  });

  it('refuses a Plot whose format.js is not the one patched', () => {
    expect(() => patch('export function formatNumber() {}', LAZY_NUMBER_FORMAT)).toThrow(/a new version/);
  });
});
