/**
 * Weight: one load of an address, in a fresh context with the cache off. Every file Chromium fetches is weighed
 * (gzip level 9, each file on its own); the files whose response ended by the time the app was live with its
 * chart on screen are what the first chart needed, and the budget is on them. What is fetched later, when first
 * used, is reported apart. The files the built HTML names are listed as a cross-check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { HTML_FILE, urlOf, type Address } from './addresses.ts';
import { freshPage } from './browser.ts';
import { timedLoad } from './load.ts';
import { failed, info, kB, ms, type Row } from './stats.ts';

/** gzip bytes to the first chart, for each page (explorer and embed alike). */
export const WEIGHT_BUDGET = 200_000;
/** Settling after the app is live, so that what it fetches later (on idle) is seen too. */
const AFTER_MS = 500;

export interface LoadedFile {
  path: string;
  kind: 'html' | 'js' | 'css' | 'data' | 'other';
  gzip: number;
  /** ms from navigation start to the end of the response (resource timing); 0 for the page itself. */
  end: number;
}

export interface Capture {
  files: LoadedFile[];
  /** When the app was live with its chart on screen (ms from navigation start). */
  live: number;
  /** Files the HTML names (script src, link href, the inline loader's list), as paths. */
  fromHtml: string[];
}

const kindOf = (path: string): LoadedFile['kind'] =>
  /\.html?$|\/$/.test(path)
    ? 'html'
    : /\.m?js$/.test(path)
      ? 'js'
      : /\.css$/.test(path)
        ? 'css'
        : /\.(csv|json|tsv|arrow)$/.test(path)
          ? 'data'
          : 'other';

/**
 * script src and link href values of an HTML text, and the asset paths its inline loader names (see
 * src/lib/prerender/loader.ts), resolved against the page URL (data: URLs left out).
 */
function htmlAssets(html: string, pageUrl: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const attr = m[1]!.toLowerCase() === 'script' ? 'src' : 'href';
    const value = new RegExp(`\\b${attr}\\s*=\\s*["']([^"']+)["']`, 'i').exec(m[0])?.[1];
    if (value && !value.startsWith('data:')) found.add(new URL(value, pageUrl).pathname);
  }
  for (const m of html.matchAll(/"(\.\/assets\/[^"]+)"/g)) found.add(new URL(m[1]!, pageUrl).pathname);
  return [...found];
}

export async function capture(browser: Browser, url: string, htmlFile: string): Promise<Capture> {
  const origin = new URL(url).origin;
  const { context, page } = await freshPage(browser);
  const bodies: Promise<{ url: string; body: Buffer } | null>[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).origin !== origin) return;
    bodies.push(
      response.body().then(
        (body) => ({ url: response.url().split('#')[0]!, body }),
        () => null,
      ),
    );
  });
  try {
    const { live } = await timedLoad(page, url);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(AFTER_MS);
    const ends = new Map(
      await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => [e.name.split('#')[0]!, (e as PerformanceResourceTiming).responseEnd] as const),
      ),
    );
    const loaded = (await Promise.all(bodies)).filter((b) => b !== null);
    const files = [...new Map(loaded.map((b) => [b.url, b])).values()].map(({ url: u, body }) => {
      const path = new URL(u).pathname;
      return {
        path,
        kind: kindOf(path),
        gzip: gzipSync(body, { level: 9 }).length,
        end: u === url.split('#')[0] ? 0 : (ends.get(u) ?? Number.POSITIVE_INFINITY),
      };
    });
    return { files, live, fromHtml: htmlAssets(readFileSync(htmlFile, 'utf8'), url) };
  } finally {
    await context.close();
  }
}

const sum = (fs: readonly LoadedFile[]) => fs.reduce((n, f) => n + f.gzip, 0);

/** One row per address, and one info row with what each fetched after its first chart. */
export async function weightRows(
  browser: Browser,
  base: string,
  dist: string,
  addresses: readonly Address[],
  log: (s: string) => void,
): Promise<{ rows: Row[]; raw: Record<string, Capture> }> {
  const rows: Row[] = [];
  const raw: Record<string, Capture> = {};
  const later: string[] = [];
  for (const a of addresses) {
    const measure = `weight, gzip to first chart: ${a.name}`;
    try {
      const c = await capture(browser, urlOf(base, a), join(dist, HTML_FILE[a.page]));
      raw[a.name] = c;
      const first = c.files.filter((f) => f.end <= c.live);
      const missing = c.fromHtml.filter((p) => !c.files.some((f) => f.path === p));
      log(
        `weight ${a.name}: live at ${ms(c.live, 0)}; HTML names ${c.fromHtml.length} files` +
          `${missing.length ? ` (${missing.join(', ')} not fetched)` : ''}; fetched: ` +
          [...c.files]
            .sort((x, y) => x.end - y.end)
            .map((f) => `${f.path} ${kB(f.gzip)}${f.end > c.live ? ' (later)' : ''}`)
            .join(', '),
      );
      const parts = (['js', 'css', 'html', 'data'] as const).map(
        (k) => `${k} ${(sum(first.filter((f) => f.kind === k)) / 1000).toFixed(1)}`,
      );
      rows.push({
        measure,
        value: `${kB(sum(first))} (${parts.join(', ')})`,
        budget: `<= ${WEIGHT_BUDGET / 1000} kB`,
        ok: sum(first) <= WEIGHT_BUDGET,
      });
      later.push(`${a.name} ${(sum(c.files.filter((f) => f.end > c.live)) / 1000).toFixed(1)}`);
    } catch (e) {
      rows.push(failed(measure, e));
    }
  }
  rows.push(info('weight fetched after the first chart, kB', later.join(', ')));
  return { rows, raw };
}
