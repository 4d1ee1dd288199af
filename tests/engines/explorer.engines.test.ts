/**
 * The explorer and the embed in Firefox and WebKit (tests/support/engines.ts), on the same nginx-served build
 * as the Chromium end-to-end tests, seen through the probe (tests/support/probe-proxy.ts). Lean on purpose:
 * the checks where engines differ (start-up, the prerendered markup and its swap, the URL, the embed's height,
 * file input, downloads); breadth (every view, axe, the policy's headers, layout shifts) stays in Chromium.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ENGINES, launchEngine, type Engine, type EnginePage } from '../support/engines.ts';
import { startProbeProxy, type Probed, type ProbeProxy } from '../support/probe-proxy.ts';
import { startHostServer, type HostServer } from '../support/host-server.ts';
import { iframeSnippet } from '../../src/lib/embed/snippet.ts';
import { DOWNLOAD_COLUMNS, RELEASE_COLUMN } from '../../src/lib/export/downloads.ts';
import releases from '../../data/releases/index.json' with { type: 'json' };

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const PINNED = `?data=${releases.current.id}`;
const HAMPSHIRE_NINE_MONTHS = '?view=platforms&force=hampshire&period=2017-04-03_2018-01-02';

describe.each(ENGINES)('in %s', (name) => {
  let engine: Engine;
  let proxy: ProbeProxy;
  let host: HostServer;
  let page: EnginePage;
  beforeAll(async () => {
    [engine, proxy, host] = await Promise.all([
      launchEngine(name),
      startProbeProxy(inject('baseURL')),
      startHostServer(),
    ]);
    page = await engine.newPage();
  });
  afterAll(async () => {
    await page?.close().catch(() => undefined);
    await engine?.close();
    await proxy?.close();
    await host?.close();
  });

  /** Opens an address of the build and waits for the live page and its first chart (or, in the table view, a row). */
  async function open(path: string, first = '#view-panel .plot-host svg'): Promise<void> {
    await page.goto(new URL(path, proxy.url).href);
    await page.until(`return document.documentElement.dataset.app === 'live'`);
    await page.until(`return !!document.querySelector('${first}')`);
  }

  /** What the probe saw, with the errors the driver heard (Firefox); throws if the probe never ran. */
  async function probed(): Promise<Probed> {
    const seen = await page.run<Probed | null>('return window.__probe ?? null');
    if (!seen) throw new Error('the probe did not run in this page');
    return { ...seen, errors: [...seen.errors, ...page.driverErrors.splice(0)] };
  }

  /** Marks the element the expression finds (scrolled into view) for a real click through the driver. */
  async function clickOn(find: string): Promise<void> {
    await page.run(`document.querySelector('[data-engine-target]')?.removeAttribute('data-engine-target');
      const el = ${find};
      if (!el) throw new Error('nothing to click: ${find.replace(/'/g, '"')}');
      el.setAttribute('data-engine-target', '');
      el.scrollIntoView({ block: 'center' });`);
    await page.click('[data-engine-target]');
  }

  const chartTitle = () =>
    page.run<string>(`return document.querySelector('#view-panel .frame-title')?.textContent ?? ''`);

  it.each([
    ['/', '', 'Recorded offences', true],
    ['a filtered address', '?force=hampshire', 'Hampshire', false],
    ['a pinned-release address', PINNED, 'Recorded offences', null],
  ] as const)(
    'the explorer at %s: the live page, its first chart, no page error, no policy violation',
    async (_, path, title, markup) => {
      await open(path);
      expect(await chartTitle()).toContain(title);
      // Past the first frames of the live page (the probe watches 30 of them).
      await page.until('return window.__probe.panel.frames >= 30');
      const seen = await probed();
      expect({ errors: seen.errors, csp: seen.csp }).toEqual({ errors: [], csp: [] });
      // The prerendered markup: painted where it fits the address, never where it does not; swapped for the live
      // page without a frame that shows the view without its chart, and the chart stays.
      if (markup !== null) {
        expect(seen.prerender.added).toBe(true);
        expect(seen.prerender.shownFrames > 0).toBe(markup);
      }
      expect(seen.panel).toMatchObject({ chartless: 0, lost: 0 });
      expect(await page.run('return document.querySelectorAll("[data-prerendered]").length')).toBe(0);
      if (path === PINNED) {
        // The pin is the current release: shown as such, nothing ignored, the address keeps it.
        expect(await page.run('return location.search')).toContain(`data=${releases.current.id}`);
        expect(await page.run(`return document.body.textContent.includes('could not be used')`)).toBe(false);
      }
    },
  );

  it('redraws the chart and writes the URL when a filter changes', async () => {
    await open('');
    const before = await page.run<string>(
      `return document.querySelector('#view-panel .plot-host svg').outerHTML`,
    );
    await page.run(`window.__sameDocument = true`);
    await clickOn(
      `[...document.querySelectorAll('label.check')].find((l) => l.textContent.trim() === 'Hampshire')?.querySelector('input')`,
    );
    await page.until(`return location.search.includes('force=hampshire')`);
    await page.until(
      `return document.querySelector('#view-panel .frame-title')?.textContent.includes('Hampshire')`,
    );
    const after = await page.run<string>(
      `return document.querySelector('#view-panel .plot-host svg').outerHTML`,
    );
    expect(after).not.toBe(before);
    expect(after).toContain('Hampshire');
    expect(await page.run('return window.__sameDocument')).toBe(true); // redrawn, not reloaded
    expect((await probed()).errors).toEqual([]);
  });

  // The start-up yields with scheduler.yield where there is one (src/lib/state/start-up.ts): Firefox has it,
  // WebKit has not; hidden here too where the engine has it. (The compile hints, build/compile-hints.ts, are a
  // V8 comment: every page in these engines runs without them.)
  it('starts without scheduler.yield, which WebKit lacks (hidden where the engine has it)', async () => {
    proxy.hide = ['scheduler.yield'];
    try {
      await open('?force=kent');
    } finally {
      proxy.hide = [];
    }
    expect(await page.run(`return typeof globalThis.scheduler?.yield`)).toBe('undefined');
    expect(await chartTitle()).toContain('Kent');
    const seen = await probed();
    expect(seen.hadYield).toBe(name === 'firefox');
    expect(seen.errors).toEqual([]);
    expect(seen.csp).toEqual([]);
  });

  it('embedded in a host page of another origin: the height messages reach the host, the iframe ends at its content', async () => {
    const embedUrl = new URL(`embed.html${HAMPSHIRE_NINE_MONTHS}`, proxy.url).href;
    const snippet = iframeSnippet({ embedUrl, explorerUrl: proxy.url, title: 'Platforms: Hampshire' });
    const url = host.page(
      `/host-${name}.html`,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A newspaper</title>
      <script>window.received = []; addEventListener('message', (e) => received.push({ origin: e.origin, data: e.data }));</script>
      </head><body style="margin:0"><h1>An article</h1><div id="col" style="width:640px">${snippet}</div>
      <p>The article goes on.</p></body></html>`,
    );
    expect(new URL(url).origin).not.toBe(new URL(proxy.url).origin);
    await page.goto(url);
    /** The iframe's height on the host page, and its content's height as the embed measures it. */
    const fits = async () => {
      const outer = await page.run<number>(
        `return document.querySelector('iframe').getBoundingClientRect().height`,
      );
      const inner = await page.run<number>(
        `return document.querySelector('#view-panel .plot-host svg') ? Math.ceil(document.querySelector('.embed-root').getBoundingClientRect().height) : -1`,
        'iframe',
      );
      return { outer: Math.round(outer), inner };
    };
    const settle = async () => {
      let steady = 0;
      for (const started = Date.now(); Date.now() - started < 15_000 && steady < 3;) {
        const { outer, inner } = await fits();
        steady = inner > 0 && Math.abs(outer - inner) <= 3 ? steady + 1 : 0;
        await new Promise((done) => setTimeout(done, 150));
      }
      return fits();
    };
    const wide = await settle();
    expect(wide.inner).toBeGreaterThan(100);
    expect(Math.abs(wide.outer - wide.inner)).toBeLessThanOrEqual(3);
    expect(wide.outer).not.toBe(520); // the snippet's default: it was really resized
    const received =
      await page.run<{ origin: string; data: { type?: string; height?: number } }[]>(
        'return window.received',
      );
    const own = received.filter((m) => m.data?.type === 'foi-explorer:resize');
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((m) => m.origin === new URL(proxy.url).origin)).toBe(true);
    expect(Math.abs(own.at(-1)!.data.height! - wide.inner)).toBeLessThanOrEqual(3);

    // Narrower, the labels wrap and the content grows; the iframe follows.
    await page.run(`document.getElementById('col').style.width = '320px'`);
    const narrow = await settle();
    expect(narrow.inner).toBeGreaterThan(wide.inner);
    expect(Math.abs(narrow.outer - narrow.inner)).toBeLessThanOrEqual(3);
    const inFrame = await page.run<Probed>('return window.__probe', 'iframe');
    expect(inFrame.errors).toEqual([]);
    expect(inFrame.csp).toEqual([]);
  });

  it('accepts one import file and refuses another, each with its message', async () => {
    await open('?force=hampshire,kent&period=2017-18,2024-25');
    // The panel is drawn after the first chart; until then an inert placeholder holds its place.
    await page.until(`return !!document.querySelector('details.import:not(.later *)')`);
    await clickOn(`document.querySelector('details.import:not(.later *) > summary')`);
    await page.upload('details.import input[type=file]', join(fixtures, 'e2e', 'new-round.csv'));
    await page.until(
      `return document.querySelector('.import-report [role=status]')?.textContent.includes('3 accepted')`,
    );
    expect(
      await page.run(`return document.querySelector('.import-report [role=status]').textContent`),
    ).toMatch(/4 rows: 3 accepted,\s*1 rejected/);
    await page.upload('details.import input[type=file]', join(fixtures, 'import', 'not-a-csv.bin'));
    await page.until(`return !!document.querySelector('details.import [role=alert]')`);
    expect(
      await page.run(`return document.querySelector('details.import [role=alert]').textContent`),
    ).toMatch(/not|binary|CSV/i);
    expect((await probed()).errors).toEqual([]);
  });

  it('starts a CSV download whose first line is the header', async () => {
    await open('?view=table&force=hampshire&period=2017-04-03_2018-01-02', 'table.figures tbody tr');
    const before = new Set(await page.downloads());
    await clickOn(
      `[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Figures (CSV)')`,
    );
    let file: string | undefined;
    for (const started = Date.now(); !file && Date.now() - started < 15_000;) {
      file = (await page.downloads()).find((f) => !before.has(f) && f.endsWith('.csv'));
      if (!file) await new Promise((done) => setTimeout(done, 100));
    }
    expect(file).toBeDefined();
    // A download may still be written: wait for its first line.
    let text = '';
    for (const started = Date.now(); !text.includes('\n') && Date.now() - started < 5000;)
      text = await readFile(file!, 'utf8').catch(() => '');
    // The release it names, then every column of a download (src/lib/export/downloads.ts).
    expect(
      text
        .slice(0, text.indexOf('\n'))
        .replace(/^\uFEFF/, '')
        .trimEnd(),
    ).toBe([RELEASE_COLUMN, ...DOWNLOAD_COLUMNS].join(','));
    expect(text.split('\n')[1]).toMatch(new RegExp(`^${releases.current.id},`));
    expect((await probed()).errors).toEqual([]);
  });
});
