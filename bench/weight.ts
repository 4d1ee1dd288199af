/**
 * Weight, and the chart for the static page: one load of an address, in a fresh context with the cache off,
 * with bench/page/first-chart.js recording when the app is live with its chart on screen. Every file Chromium
 * fetches is weighed (gzip level 9, each file on its own); the files whose response ended by the time the app
 * was live are what the first chart needed, the rest (fetched later, when first used) is reported apart.
 * The files the built HTML names are listed as a cross-check. The view panel's charts, as the running app drew
 * them, the stylesheets and the theme of the page are kept for the static page of the same chart.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { freshPage } from './browser.ts';
import { FIRST_CHART_SCRIPT, DONE, type Timing } from './first-chart.ts';

export interface LoadedFile {
  path: string;
  kind: 'html' | 'js' | 'css' | 'data' | 'other';
  bytes: number;
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
  /** gzip bytes of the files fetched by `live`, and after it. */
  first: number;
  later: number;
  /** The markup of each chart in the view panel (each '.plot-host' element's content), in order. */
  charts: string[];
  /** The page's stylesheets, as paths. */
  stylesheets: string[];
  /** <html data-theme> and <body class> of the page. */
  theme: string | null;
  bodyClass: string;
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

/** Settling after the app is live, so that what it fetches later (on idle) is seen too. */
const AFTER_MS = 500;

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
    await page.addInitScript({ content: FIRST_CHART_SCRIPT });
    const done = page.waitForEvent('console', {
      predicate: (m) => m.text().startsWith(DONE),
      timeout: 20_000,
    });
    await page.goto(url, { waitUntil: 'commit' });
    const timing = JSON.parse((await done).text().slice(DONE.length)) as Timing;
    if (timing.live === null) throw new Error(`${url}: the app did not go live`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(AFTER_MS);
    const seen = await page.evaluate(() => ({
      ends: performance
        .getEntriesByType('resource')
        .map((e) => [e.name.split('#')[0], (e as PerformanceResourceTiming).responseEnd] as const),
      charts: [...document.querySelectorAll('#view-panel .plot-host')].map((h) => h.innerHTML),
      stylesheets: [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map(
        (l) => new URL(l.href).pathname,
      ),
      theme: document.documentElement.getAttribute('data-theme'),
      bodyClass: document.body.className,
    }));
    const ends = new Map(seen.ends);
    const loaded = (await Promise.all(bodies)).filter((b) => b !== null);
    const files = [...new Map(loaded.map((b) => [b.url, b])).values()].map(({ url: u, body }) => {
      const path = new URL(u).pathname;
      return {
        path,
        kind: kindOf(path),
        bytes: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
        end: u === url.split('#')[0] ? 0 : (ends.get(u) ?? Number.POSITIVE_INFINITY),
      };
    });
    const live = timing.live;
    const sum = (fs: LoadedFile[]) => fs.reduce((n, f) => n + f.gzip, 0);
    return {
      files,
      live,
      fromHtml: htmlAssets(readFileSync(htmlFile, 'utf8'), url),
      first: sum(files.filter((f) => f.end <= live)),
      later: sum(files.filter((f) => f.end > live)),
      charts: seen.charts,
      stylesheets: seen.stylesheets,
      theme: seen.theme,
      bodyClass: seen.bodyClass,
    };
  } finally {
    await context.close();
  }
}

export const sumKind = (c: Capture, kind: LoadedFile['kind']): number =>
  c.files.filter((f) => f.kind === kind && f.end <= c.live).reduce((n, f) => n + f.gzip, 0);

/** A minimal page with the same chart(s) as inline markup, the page's stylesheets and theme. */
export function staticPage(c: Capture, title: string): string {
  const theme = c.theme ? ` data-theme="${c.theme}"` : '';
  const links = c.stylesheets.map((href) => `    <link rel="stylesheet" href="${href}" />\n`).join('');
  const charts = c.charts.map((chart) => `<div class="plot-host">${chart}</div>`).join('\n');
  return `<!doctype html>
<html lang="en-GB"${theme}>
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Benchmark: ${title}, its chart as a static page</title>
${links}  </head>
  <body class="${c.bodyClass}">
    <div id="view-panel">${charts}</div>
  </body>
</html>
`;
}
