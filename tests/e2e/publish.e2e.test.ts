/**
 * The published site as a reader meets it: the build served by nginx with the shipped deploy/nginx.conf
 * (tests/support/e2e-setup.ts), in Debian's Chromium. Every view, the embed on another origin, every download,
 * a hostile import and print run without one Content-Security-Policy violation; every header is checked on
 * the wire, with the precompressed files; and the policy is seen to bite: an injected inline script does not
 * run, and the explorer cannot be framed by another site while the embed can.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { request } from 'node:http';
import { chmod, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { baseURL, launch, waitForLive } from '../support/browser.ts';
import { startHostServer, type HostServer } from '../support/host-server.ts';
import { startNginx } from '../../build/nginx.ts';
import {
  CACHE_HASHED,
  CACHE_OTHER,
  COMMON_HEADERS,
  HEADERS_FILE,
  inlineScripts,
  isHashedName,
  metaPolicy,
  policy,
  scriptHash,
  SUB_PATH,
} from '../../build/csp.ts';
import { COMPRESSIBLE } from '../../build/precompress.ts';
import { COMPILE_HINT } from '../../build/compile-hints.ts';

const DIST = join(import.meta.dirname, '..', '..', 'dist');
const fixtures = join(import.meta.dirname, '..', 'fixtures');

let browser: Browser;
let host: HostServer;
beforeAll(async () => {
  browser = await launch();
  host = await startHostServer();
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

/** Collects every securitypolicyviolation event of every document (frames too), before any page script. */
function watchViolations() {
  const list: string[] = [];
  (window as unknown as { __violations: string[] }).__violations = list;
  document.addEventListener('securitypolicyviolation', (e) =>
    list.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(none)'} in ${e.documentURI}`),
  );
}

interface Watched {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors, and any console line about a policy. */
  console: string[];
}

async function watched(options: Parameters<Browser['newContext']>[0] = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.addInitScript(watchViolations);
  const page = await context.newPage();
  const console: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Security.Policy|Permissions.Policy|Refused/i.test(m.text()))
      console.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => console.push(`pageerror: ${e.message}`));
  return { context, page, console };
}

/** The violations reported so far in every frame of the page. */
async function violations(page: Page): Promise<string[]> {
  const all: string[] = [];
  for (const frame of page.frames())
    all.push(
      ...(await frame
        .evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])
        .catch(() => [`(could not read the violations of ${frame.url()})`])),
    );
  return all;
}

/** No violation, no console error, no page error. */
async function expectClean({ page, console }: Watched): Promise<void> {
  expect(await violations(page)).toEqual([]);
  expect(console).toEqual([]);
}

const open = async (w: Watched, path: string) => {
  await w.page.goto(new URL(path, baseURL()).href);
  await waitForLive(w.page);
};

/** Lets the secondary charts, drawn a frame after the main one, be drawn. */
const settle = (page: Page) =>
  page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 50))));

describe('no policy violation', () => {
  it.each(['time', 'platforms', 'forces', 'table', 'coverage', 'sources'])('in the %s view', async (view) => {
    const w = await watched();
    await open(w, `?view=${view}&force=hampshire,kent,wales`);
    await w.page.locator('#view-panel .frame').first().waitFor();
    await settle(w.page);
    await expectClean(w);
    await w.context.close();
  });

  it('in every download: figures and full dataset (CSV), chart (SVG, PNG)', async () => {
    const w = await watched();
    await open(w, '?view=platforms&force=hampshire&period=2017-04-03_2018-01-02');
    await w.page.locator('#view-panel svg').first().waitFor();
    await settle(w.page);
    const names: Record<string, string> = {
      'Figures (CSV)': '.csv',
      'Full dataset (CSV)': '.csv',
      'Chart (SVG)': '.svg',
      'Chart (PNG)': '.png',
    };
    for (const [button, ext] of Object.entries(names)) {
      const [download] = await Promise.all([
        w.page.waitForEvent('download'),
        w.page.getByRole('button', { name: button }).first().click(),
      ]);
      expect(download.suggestedFilename().endsWith(ext)).toBe(true);
      const body = await readFile((await download.path())!);
      if (ext === '.png')
        expect(body.subarray(0, 4).toString('hex')).toBe('89504e47'); // drawn through blob:
      else expect(body.length).toBeGreaterThan(100);
    }
    await expectClean(w);
    await w.context.close();
  });

  it('in the import of a hostile file, through every view', async () => {
    const w = await watched();
    await open(w, '?view=table&force=hampshire&period=2017-04-03_2018-01-02');
    await w.page.getByText('Load your own figures').click();
    await w.page
      .getByLabel('Choose a CSV file, or drop it here')
      .setInputFiles(join(fixtures, 'import', 'hostile.csv'));
    await w.page.getByRole('region', { name: 'Report on hostile.csv' }).waitFor();
    await w.page.getByRole('button', { name: 'Use these figures' }).click();
    await w.page.locator('table.figures tbody tr').first().waitFor();
    for (const tab of ['Over time', 'Platforms', 'Forces', 'Coverage', 'Sources and notes', 'Table']) {
      await w.page.getByRole('tab', { name: tab }).click();
      await settle(w.page);
    }
    await expect(w.page.getByText('<script>alert(1)</script>').count()).resolves.toBeGreaterThan(0);
    await expectClean(w);
    await w.context.close();
  });

  it('in print', async () => {
    const w = await watched();
    await open(w, '?force=hampshire');
    await w.page.locator('#view-panel svg').first().waitFor();
    await w.page.emulateMedia({ media: 'print' });
    expect((await w.page.pdf({ format: 'A4' })).byteLength).toBeGreaterThan(10_000);
    await expectClean(w);
    await w.context.close();
  });

  it('in the embed dialog and its preview', async () => {
    const w = await watched();
    await open(w, '?view=forces&period=2017-18');
    await w.page.getByRole('button', { name: 'Embed this chart' }).click();
    const preview = await (await w.page.locator('.embed-preview iframe').elementHandle())!.contentFrame();
    await preview!.locator('#view-panel svg').first().waitFor();
    expect(new URL(preview!.url()).pathname).toBe('/embed.html');
    await expectClean(w);
    await w.context.close();
  });

  describe('the embed on a host page of another origin', () => {
    const HAMPSHIRE = '?view=platforms&force=hampshire&period=2017-04-03_2018-01-02';

    async function snippets(): Promise<{ iframe: string; pym: string }> {
      const w = await watched();
      await open(w, HAMPSHIRE);
      await w.page.getByRole('button', { name: 'Embed this chart' }).click();
      const out = {
        iframe: await w.page.locator('#snippet-iframe').inputValue(),
        pym: await w.page.locator('#snippet-pym').inputValue(),
      };
      await w.context.close();
      return out;
    }

    const hostPage = (body: string) =>
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A newspaper</title>` +
      `<link rel="icon" href="data:,"></head>` +
      `<body><h1>An article</h1><div style="width:640px">${body}</div></body></html>`;

    async function embedded(path: string, body: string): Promise<{ w: Watched; frame: Frame }> {
      const w = await watched();
      await w.page.goto(host.page(path, hostPage(body)));
      const frame = (await w.page.locator('iframe').first().elementHandle())!.contentFrame();
      await (await frame)!.locator('#view-panel svg').first().waitFor();
      await (await frame)!.locator('html[data-app="live"]').waitFor({ state: 'attached' });
      return { w, frame: (await frame)! };
    }

    it('with the iframe snippet', async () => {
      const { iframe } = await snippets();
      const { w, frame } = await embedded('/csp-iframe.html', iframe);
      expect(new URL(frame.url()).origin).toBe(new URL(baseURL()).origin);
      await expectClean(w);
      await w.context.close();
    });

    it('under pym.js', async () => {
      const { pym } = await snippets();
      const { w, frame } = await embedded('/csp-pym.html', `<script src="/pym.js"></script>\n${pym}`);
      expect(frame.url()).toContain('childId=foi-grooming-chart');
      await expectClean(w);
      await w.context.close();
    });
  });
});

describe('under a sub-path', () => {
  it.each([
    ['the explorer', ''],
    ['the embed', 'embed.html?view=forces&period=2017-18'],
  ])('%s loads everything from the sub-path and draws its chart', async (_name, path) => {
    const w = await watched();
    const requests: string[] = [];
    w.page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    const base = new URL(SUB_PATH.slice(1), baseURL()).href;
    await w.page.goto(new URL(path, base).href);
    await waitForLive(w.page);
    await w.page.locator('#view-panel svg').first().waitFor();
    expect(requests.filter((p) => p !== '/favicon.ico' && !p.startsWith(SUB_PATH))).toEqual([]);
    expect(requests.some((p) => p.startsWith(`${SUB_PATH}assets/dataset`) && p.endsWith('.json'))).toBe(true);
    await expectClean(w);
    await w.context.close();
  });
});

interface Fetched {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET with exactly these request headers (Node's fetch would add its own Accept-Encoding). */
function get(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the headers on the wire', () => {
  const common = Object.fromEntries(COMMON_HEADERS.map(([n, v]) => [n.toLowerCase(), v]));

  async function files(): Promise<{ js: string; data: string }> {
    const assets = await readdir(join(DIST, 'assets'));
    return {
      js: `assets/${assets.find((f) => /^main-.*\.js$/.test(f))!}`,
      data: `assets/${assets.find((f) => /^dataset-[^.]*\.json$/.test(f))!}`,
    };
  }

  it.each([
    ['index.html', ''],
    ['embed.html', 'embed.html'],
  ])(
    '%s: its policy (the meta policy with frame-ancestors), nosniff, referrer, permissions, no-cache',
    async (file, path) => {
      for (const prefix of ['', SUB_PATH.slice(1)]) {
        const res = await get(new URL(prefix + path, baseURL()).href);
        expect(res.status).toBe(200);
        const meta = metaPolicy(res.body.toString())!;
        expect(meta).toContain("'sha256-");
        expect(res.headers).toMatchObject({
          'content-security-policy': `${meta}; frame-ancestors ${file === 'embed.html' ? '*' : "'self'"}`,
          ...common,
          'cache-control': CACHE_OTHER,
          'content-type': 'text/html; charset=utf-8',
        });
      }
    },
  );

  it('a hashed script and a data file: cached for a year, with the same security headers', async () => {
    const { js, data } = await files();
    for (const [file, type] of [
      [js, 'application/javascript; charset=utf-8'],
      [data, 'application/json; charset=utf-8'],
    ] as const) {
      expect(isHashedName(file)).toBe(true);
      const res = await get(new URL(file, baseURL()).href);
      expect(res.status).toBe(200);
      expect(res.headers).toMatchObject({
        'content-security-policy': policy([], "'self'"),
        ...common,
        'cache-control': CACHE_HASHED,
        'content-type': type,
      });
    }
  });

  it('the unhashed import template is revalidated', async () => {
    const res = await get(new URL('template.csv', baseURL()).href);
    expect(res.headers['cache-control']).toBe(CACHE_OTHER);
  });

  it("a data release's files are cached for a year; the list of releases is revalidated", async () => {
    const index = await get(new URL('releases/index.json', baseURL()).href);
    expect(index.status).toBe(200);
    expect(index.headers['cache-control']).toBe(CACHE_OTHER);
    const { current } = JSON.parse(index.body.toString('utf8')) as { current: { id: string } };
    const figures = await get(new URL(`releases/${current.id}/figures.csv`, baseURL()).href);
    expect(figures.status).toBe(200);
    expect(figures.headers['cache-control']).toBe(CACHE_HASHED);
  });

  it('serves the precompressed .br and .gz as they are, by Accept-Encoding', async () => {
    const { js, data } = await files();
    for (const file of ['index.html', 'embed.html', js, data]) {
      const plain = await readFile(join(DIST, file));
      const url = new URL(file, baseURL()).href;
      const br = await get(url, { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toBe('Accept-Encoding');
      expect(br.body.equals(await readFile(join(DIST, `${file}.br`)))).toBe(true);
      expect(brotliDecompressSync(br.body).equals(plain)).toBe(true);
      expect(br.body.length).toBeLessThan(plain.length / 2);
      const gz = await get(url, { 'Accept-Encoding': 'gzip' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.body.equals(await readFile(join(DIST, `${file}.gz`)))).toBe(true);
      expect(gunzipSync(gz.body).equals(plain)).toBe(true);
      const identity = await get(url);
      expect(identity.headers['content-encoding']).toBeUndefined();
      expect(identity.body.equals(plain)).toBe(true);
    }
  });

  it('keeps the files for hosts away from readers', async () => {
    expect((await get(new URL(HEADERS_FILE, baseURL()).href)).status).toBe(404);
    expect((await get(new URL('_nginx-csp.map', baseURL()).href)).status).toBe(404);
  });
});

describe('the built site', () => {
  it('each page’s meta policy hashes exactly the inline scripts it has, and _headers carries the same', async () => {
    const headers = await readFile(join(DIST, HEADERS_FILE), 'utf8');
    for (const file of ['index.html', 'embed.html']) {
      const html = await readFile(join(DIST, file), 'utf8');
      const meta = metaPolicy(html)!;
      const hashes = meta
        .split('; ')
        .find((d) => d.startsWith('script-src '))!
        .split(' ')
        .filter((s) => s.startsWith("'sha256-"));
      const scripts = inlineScripts(html);
      expect(scripts.length).toBeGreaterThan(0);
      expect(hashes.sort()).toEqual([...new Set(scripts.map(scriptHash))].sort());
      expect(html.indexOf(meta)).toBeLessThan(html.indexOf('<script'));
      expect(headers).toContain(
        `/${file}\n  Content-Security-Policy: ${meta}; frame-ancestors ${file === 'embed.html' ? '*' : "'self'"}\n`,
      );
    }
  });

  it('has a .br and a .gz beside every compressible file, and its data named by content or by release', async () => {
    const all = (await readdir(DIST, { recursive: true })).map((f) => f.split('\\').join('/'));
    const compressible = all.filter((f) => COMPRESSIBLE.test(f));
    expect(compressible.filter((f) => !all.includes(`${f}.br`) || !all.includes(`${f}.gz`))).toEqual([]);
    const data = compressible.filter(
      (f) => (f.endsWith('.csv') && f !== 'template.csv') || /^assets\/(dataset|notes)-/.test(f),
    );
    expect(data.filter((f) => f.startsWith('assets/')).length).toBe(2); // the pages' pack, the figures' notes
    expect(data.length).toBeGreaterThanOrEqual(7);
    // Named by their content (assets/), or by their data release (releases/<id>/), never by neither.
    const named = (f: string) =>
      (f.startsWith('assets/') && isHashedName(f)) || /^releases\/[^/]+\/[^/]+$/.test(f);
    expect(data.filter((f) => !named(f))).toEqual([]);
  });

  it('asks the browser to compile the scripts a page starts with as they download, and only those', async () => {
    const scripts = (await readdir(join(DIST, 'assets'))).filter((f) => f.endsWith('.js'));
    const atStart = new Set<string>();
    for (const file of ['index.html', 'embed.html']) {
      const html = await readFile(join(DIST, file), 'utf8');
      for (const [, name] of html.matchAll(/assets\/([\w.-]+\.js)(?![\w])/g)) atStart.add(name!);
    }
    // Each page's entry, the shared chunks and the bundler's helpers; the lazy chunks (the import panel, the
    // downloads…) are the rest.
    expect([...atStart].map((f) => f.split('-')[0]).sort()).toEqual([
      'app',
      'embed',
      'main',
      'plot',
      'rolldown',
    ]);
    expect(scripts.length).toBeGreaterThan(atStart.size + 3);
    for (const name of scripts) {
      const path = join(DIST, 'assets', name);
      const firstLines = [
        await readFile(path, 'utf8'),
        gunzipSync(await readFile(`${path}.gz`)).toString(),
        brotliDecompressSync(await readFile(`${path}.br`)).toString(),
      ].map((text) => text.split('\n')[0]);
      expect(firstLines, name).toEqual(Array(3).fill(atStart.has(name) ? COMPILE_HINT : firstLines[0]));
      if (!atStart.has(name)) expect(firstLines[0], name).not.toContain(COMPILE_HINT);
    }
  });
});

describe('the policy bites', () => {
  it('an inline script injected into a page does not run, with or without the meta policy', async () => {
    const root = await mkdtemp(join(tmpdir(), 'foi-injected-'));
    await chmod(root, 0o755); // nginx's workers read it as another user
    await cp(DIST, root, { recursive: true });
    const inject = '<script>window.injected = true</script>';
    // index.html keeps its meta policy; embed.html loses it: the header policy alone must hold.
    const index = await readFile(join(root, 'index.html'), 'utf8');
    await writeFile(join(root, 'index.html'), index.replace('</body>', `${inject}</body>`));
    const embed = await readFile(join(root, 'embed.html'), 'utf8');
    expect(metaPolicy(embed)).not.toBeNull();
    await writeFile(
      join(root, 'embed.html'),
      embed
        .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
        .replace('</body>', `${inject}</body>`),
    );
    for (const file of ['index.html', 'embed.html']) {
      await rm(join(root, `${file}.br`));
      await rm(join(root, `${file}.gz`));
    }
    const nginx = await startNginx(root);
    try {
      for (const path of ['', 'embed.html']) {
        const w = await watched();
        await w.page.goto(new URL(path, nginx.url).href);
        // The page's own inline script (the head guard) still runs: the app starts.
        await waitForLive(w.page);
        await w.page.locator('#view-panel svg').first().waitFor();
        expect(
          await w.page.evaluate(() => (window as unknown as { injected?: boolean }).injected),
        ).toBeUndefined();
        const seen = await violations(w.page);
        expect(seen.length).toBeGreaterThanOrEqual(1);
        expect(seen.every((v) => v.startsWith('script-src-elem blocked inline'))).toBe(true);
        expect(
          w.console.filter((m) => /inline script violates .* Content Security Policy/.test(m)).length,
        ).toBeGreaterThanOrEqual(1);
        await w.context.close();
      }
    } finally {
      await nginx.stop();
      await rm(root, { recursive: true, force: true });
    }
  });

  it('another site cannot frame the explorer, but can frame the embed', async () => {
    const w = await watched();
    const explorer = baseURL();
    const embed = new URL('embed.html', baseURL()).href;
    await w.page.goto(
      host.page(
        '/framing.html',
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Framing</title>` +
          `<link rel="icon" href="data:,"></head><body>` +
          `<iframe id="explorer" title="explorer" src="${explorer}" width="800" height="400"></iframe>` +
          `<iframe id="embed" title="embed" src="${embed}" width="800" height="400"></iframe></body></html>`,
      ),
    );
    const frameOf = async (id: string) => (await (await w.page.$(`#${id}`))!.contentFrame())!;
    const embedded = await frameOf('embed');
    await embedded.locator('#view-panel svg').first().waitFor();
    await w.page.waitForLoadState('load');
    const framed = await frameOf('explorer');
    const hasApp = await framed.evaluate(() => document.querySelector('#app') !== null).catch(() => false);
    expect(hasApp).toBe(false);
    expect(w.console.some((m) => /Content Security Policy directive: "frame-ancestors 'self'"/.test(m))).toBe(
      true,
    );
    await w.context.close();
  });
});
