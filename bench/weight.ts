/**
 * Weight: gzip bytes (level 9, each file on its own) of everything a page loads. The files are found twice:
 * from the built HTML's <script src> and <link href> tags, and from the requests Chromium makes while the
 * page loads and draws its first chart (the data CSVs are fetched at run time). The requests are the truth;
 * the HTML list is printed as a cross-check.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { freshPage } from './browser.ts';

export interface LoadedFile {
  path: string;
  kind: 'html' | 'js' | 'css' | 'data' | 'other';
  bytes: number;
  gzip: number;
}

export interface PageWeight {
  files: LoadedFile[];
  /** Files the HTML names (script src, link href), as paths. */
  fromHtml: string[];
  total: number;
  /** The first chart's <svg> as the running app drew it. */
  svg: string;
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
export function htmlAssets(html: string, pageUrl: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const attr = m[1]!.toLowerCase() === 'script' ? 'src' : 'href';
    const value = new RegExp(`\\b${attr}\\s*=\\s*["']([^"']+)["']`, 'i').exec(m[0])?.[1];
    if (value && !value.startsWith('data:')) found.add(new URL(value, pageUrl).pathname);
  }
  for (const m of html.matchAll(/"(\.\/assets\/[^"]+)"/g)) found.add(new URL(m[1]!, pageUrl).pathname);
  return [...found];
}

export async function measureWeight(browser: Browser, url: string, htmlFile: string): Promise<PageWeight> {
  const origin = new URL(url).origin;
  const { context, page } = await freshPage(browser);
  const bodies: Promise<LoadedFile | null>[] = [];
  page.on('response', (response) => {
    const u = new URL(response.url());
    if (u.origin !== origin) return;
    bodies.push(
      response.body().then(
        (body) => ({
          path: u.pathname,
          kind: kindOf(u.pathname),
          bytes: body.length,
          gzip: gzipSync(body, { level: 9 }).length,
        }),
        () => null,
      ),
    );
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('#view-panel svg', { timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    // The chart as the running app drew it (before that, the page may show its prerendered markup).
    await page.waitForSelector('html[data-app="live"]', { state: 'attached', timeout: 15_000 });
    const svg = await page.$eval('#view-panel .plot-host svg', (e) => e.outerHTML);
    const files = (await Promise.all(bodies)).filter((f): f is LoadedFile => f !== null);
    const unique = [...new Map(files.map((f) => [f.path, f])).values()];
    return {
      files: unique,
      fromHtml: htmlAssets(readFileSync(htmlFile, 'utf8'), url),
      total: unique.reduce((n, f) => n + f.gzip, 0),
      svg,
    };
  } finally {
    await context.close();
  }
}

export const sumKind = (w: PageWeight, kind: LoadedFile['kind']): number =>
  w.files.filter((f) => f.kind === kind).reduce((n, f) => n + f.gzip, 0);
