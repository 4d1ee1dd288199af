/**
 * The built pages carry their default view as markup (build/render.ts): the first chart is painted from the
 * HTML alone, it is the very chart the app then draws, it is accessible before any script has run, it is never
 * shown where the address asks for something else, and the app takes over without a second view panel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { baseURL, launch, openPage, waitForLive } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const E_AND_W_2017 = 'England and Wales, 2017/18 · offences: 3,217';

/** The page as its HTML alone draws it: every script file refused (the inline head guard still runs). */
async function withoutScripts(path: string, colorScheme: 'light' | 'dark' = 'light') {
  const { page, context } = await openPage(browser, null, { colorScheme });
  await page.route('**/*.js', (route) => route.abort());
  await page.goto(new URL(path, baseURL()).href);
  return { page, context };
}

/** What a chart says: its title and the name of every mark, in order. */
async function chartText(page: Page) {
  return {
    title: await page.locator('#view-panel .frame-title').first().textContent(),
    marks: await page
      .locator('#view-panel .plot-host [data-tip]')
      .evaluateAll((ms) => ms.map((m) => m.getAttribute('aria-label'))),
  };
}

describe('the HTML as served', () => {
  it.each(['', 'embed.html'])('holds the default chart of "/%s", with its figures', async (path) => {
    const html = await (await fetch(new URL(path, baseURL()))).text();
    const markup = html.slice(html.indexOf('data-prerendered'));
    expect(html).toContain('data-prerendered');
    expect(markup).toMatch(/<div id="view-panel"[^>]*>[\s\S]*<svg/);
    expect(markup).toContain(E_AND_W_2017);
    expect(markup).toContain('Recorded offences of sexual communication with a child');
    // The head guard comes before any stylesheet, so it never waits for one.
    expect(html.indexOf('no-prerender')).toBeLessThan(html.indexOf('rel="stylesheet"'));
    // No tag asks for the app's script or data while the markup is parsed: the head guard does, after it.
    expect(html).not.toMatch(/<script[^>]+src=|<link rel="(?:module)?preload"/);
  });
});

describe('loading the app after the markup', () => {
  it.each(['', 'embed.html'])(
    '"/%s" asks for its script and data only once the HTML, chart included, is parsed and its frame drawn',
    async (path) => {
      const { page, context } = await openPage(browser, null);
      // Registered before the page's own listener, so it sees the page as the loader does; its frame callback
      // runs before the loader's in the same frame.
      await page.addInitScript({
        content: `document.addEventListener('DOMContentLoaded', () => {
          window.__chartAtParsed = document.querySelector('#view-panel svg') !== null;
          requestAnimationFrame(() => { window.__frame = performance.now(); });
        });`,
      });
      await page.goto(new URL(path, baseURL()).href);
      await waitForLive(page);
      const { chartAtParsed, frame, requests } = await page.evaluate(() => ({
        chartAtParsed: (window as unknown as { __chartAtParsed: boolean }).__chartAtParsed,
        // The first frame after the HTML was parsed.
        frame: (window as unknown as { __frame: number }).__frame,
        requests: performance
          .getEntriesByType('resource')
          .filter((e) => /\.(js|json)$/.test(new URL(e.name).pathname))
          .map((e) => e.startTime),
      }));
      expect(chartAtParsed).toBe(true);
      // The page's entry, the shared chunk and the packed dataset at least.
      expect(requests.length).toBeGreaterThanOrEqual(3);
      expect(frame).toBeGreaterThan(0);
      expect(Math.min(...requests)).toBeGreaterThanOrEqual(frame);
      await context.close();
    },
  );

  it.each(['', 'embed.html', '?force=kent'])(
    '"/%s" asks for each script and its one data file once: the preloads are used',
    async (path) => {
      const { page, context } = await openPage(browser, null);
      const requested: string[] = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      await page.goto(new URL(path, baseURL()).href);
      await waitForLive(page);
      await page.locator('#view-panel .plot-host svg').first().waitFor();
      await page.waitForLoadState('networkidle');
      const assets = requested.filter((p) => /\.(js|json|csv)$/.test(p));
      // The whole dataset in one packed file of its own (none inlined into a script), the same for both pages;
      // the explorer then reads the figures' notes, which the embed never shows.
      const data = assets.filter((p) => /\.(json|csv)$/.test(p));
      const packs = [/\/assets\/dataset-[^/]+\.json$/, /\/assets\/notes-[^/]+\.json$/];
      expect(data).toEqual(
        (path === 'embed.html' ? packs.slice(0, 1) : packs).map((p) => expect.stringMatching(p)),
      );
      // The notes are not preloaded: the HTML names the pack alone.
      const html = await (await fetch(new URL(path, baseURL()))).text();
      expect(html).toMatch(/dataset-[^"]+\.json/);
      expect(html).not.toMatch(/notes-[^"]+\.json/);
      expect(assets.length).toBe(new Set(assets).size);
      await context.close();
    },
  );
});

describe("an embed's show=", () => {
  /** Which parts of the embed's frame a reader sees, and whether the title is there for assistive technology. */
  const parts = async (page: Page) => ({
    // Visually hidden is a pixel wide: Playwright counts that as visible.
    title: ((await page.locator('#view-panel .frame-title').first().boundingBox())?.width ?? 0) > 1,
    subtitle: await page.locator('#view-panel .subtitle').first().isVisible(),
    notes: await page.locator('#view-panel [data-part="notes"]').first().isVisible(),
    source: await page.locator('#view-panel .source-line').first().isVisible(),
    link: await page.locator('#view-panel .explore').first().isVisible(),
    named: await page
      .getByRole('heading', { name: /^Recorded offences of sexual communication with a child/ })
      .count(),
  });

  it('keeps only the parts it names, in the markup before any script and in the live page alike', async () => {
    const path = 'embed.html?show=source,link';
    const kept = { title: false, subtitle: false, notes: false, source: true, link: true, named: 1 };
    const before = await withoutScripts(path);
    // The title is left out of sight (a pixel wide), not out of the page: it names the figure.
    expect(await parts(before.page)).toMatchObject(kept);
    expect(await before.page.locator('#view-panel .frame-title').first().boundingBox()).toMatchObject({
      width: 1,
    });
    await before.context.close();
    const { page, context } = await openPage(browser, null);
    await page.goto(new URL(path, baseURL()).href);
    await waitForLive(page);
    expect(await page.locator('[data-prerendered]').count()).toBe(0);
    expect(await parts(page)).toMatchObject(kept);
    await context.close();
  });

  it('shows every part without it, and none but the chart with show=none', async () => {
    for (const [path, all] of [
      ['embed.html', true],
      ['embed.html?show=none', false],
    ] as const) {
      const { page, context } = await openPage(browser, null);
      await page.goto(new URL(path, baseURL()).href);
      await waitForLive(page);
      const seen = await parts(page);
      expect(seen).toEqual({ title: all, subtitle: all, notes: all, source: all, link: all, named: 1 });
      await expect(page.locator('#view-panel svg').first().isVisible()).resolves.toBe(true);
      await context.close();
    }
  });
});

describe('before any script has run', () => {
  it.each([
    ['', 'light'],
    ['', 'dark'],
    ['embed.html', 'light'],
    ['embed.html?theme=dark', 'light'],
    ['embed.html?show=source&theme=dark', 'light'],
  ] as const)('"/%s" (%s) shows the chart, and axe finds no violations', async (path, colorScheme) => {
    const { page, context } = await withoutScripts(path, colorScheme);
    await expect(page.locator('#view-panel svg').first().isVisible()).resolves.toBe(true);
    expect(await page.locator(`#view-panel [aria-label^="${E_AND_W_2017}"]`).count()).toBe(1);
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target) })),
    ).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(10);
    await context.close();
  });

  it('holds none of the filter controls in the explorer: they come with the script, after the first chart', async () => {
    const { page, context } = await withoutScripts('');
    const sidebar = page.locator('[data-prerendered] aside.filters');
    await expect(sidebar.count()).resolves.toBe(1);
    await expect(sidebar.locator('input, select, button').count()).resolves.toBe(0);
    await expect(sidebar.textContent()).resolves.toMatch(/Loading the filters/);
    await context.close();
  });

  it('with JavaScript off, the explorer shows the chart and says what needs JavaScript', async () => {
    const { page, context } = await openPage(browser, null, { javaScriptEnabled: false });
    await page.goto(baseURL());
    await expect(page.locator('#view-panel svg').first().isVisible()).resolves.toBe(true);
    // (Playwright's text queries skip <noscript>: the notice is found by its place.)
    const notice = page.locator('noscript p.notice');
    await expect(notice.isVisible()).resolves.toBe(true);
    await expect(notice.textContent()).resolves.toMatch(/need JavaScript/);
    await context.close();
  });

  it.each(['', 'embed.html', '?force=kent'])(
    '"/%s" says so when its script cannot be fetched, and keeps what the HTML shows',
    async (path) => {
      const { page, context } = await withoutScripts(path);
      await expect(page.getByRole('alert').textContent()).resolves.toMatch(/script could not be loaded/);
      if (!path.includes('?'))
        await expect(page.locator('#view-panel svg').first().isVisible()).resolves.toBe(true);
      await context.close();
    },
  );

  it('gives the embed the theme of its address at once', async () => {
    const { page, context } = await withoutScripts('embed.html?theme=dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(150);
    await context.close();
  });
});

describe('the prerendered chart is the one the app draws', () => {
  it.each(['', 'embed.html'])(
    '"/%s": the same title and the same figures, in the same order',
    async (path) => {
      const before = await withoutScripts(path);
      const prerendered = await chartText(before.page);
      await before.context.close();
      const { page, context } = await openPage(browser, path);
      await page.locator('#view-panel .plot-host svg').first().waitFor();
      const live = await chartText(page);
      expect(prerendered.marks.length).toBeGreaterThan(10);
      expect(prerendered).toEqual(live);
      await context.close();
    },
  );
});

/**
 * Watches the prerendered markup frame by frame, from the parser adding it until the app removes it: in how
 * many frames (where a paint could show it) its chart was visible, and in how many not. Also the most view
 * panels the page ever showed at once (the live page is laid out hidden beside the markup before the swap).
 */
const WATCH_FRAMES = `(() => {
  const w = { added: false, shownFrames: 0, hiddenFrames: 0, panels: 0 };
  window.__prerender = w;
  const frame = () => requestAnimationFrame(() => {
    if (!document.querySelector('[data-prerendered]')) return;
    const svg = document.querySelector('[data-prerendered] svg');
    if (svg) svg.checkVisibility({ visibilityProperty: true }) ? w.shownFrames++ : w.hiddenFrames++;
    frame();
  });
  new MutationObserver(() => {
    const shown = [...document.querySelectorAll('#view-panel')].filter((p) => p.checkVisibility({ visibilityProperty: true }));
    w.panels = Math.max(w.panels, shown.length);
    if (w.added || !document.querySelector('[data-prerendered]')) return;
    w.added = true;
    frame();
  }).observe(document, { childList: true, subtree: true });
})();`;

interface Watched {
  added: boolean;
  shownFrames: number;
  hiddenFrames: number;
  panels: number;
}

async function firstFrame(path: string, init = '') {
  const { page, context } = await openPage(browser, null);
  await page.addInitScript({ content: init + WATCH_FRAMES });
  await page.goto(new URL(path, baseURL()).href);
  await waitForLive(page);
  await page.locator('#view-panel .frame').first().waitFor();
  const record = await page.evaluate(() => (window as unknown as { __prerender: Watched }).__prerender);
  return { page, context, record };
}

describe('where the address asks for another view', () => {
  it.each([
    ['?force=hampshire', 'Hampshire'],
    ['?view=platforms', 'Platform records'],
    ['?period=2017-18', 'United Kingdom'],
    ['?view=time&per=u16', 'per 100,000'],
    ['embed.html?force=kent', 'Kent'],
    ['embed.html?show=title,ads', 'United Kingdom'],
  ])('"%s" never paints the prerendered chart, and the app shows its own', async (path, title) => {
    const { page, context, record } = await firstFrame(path);
    expect(record.added).toBe(true);
    expect(record.shownFrames).toBe(0);
    expect(await page.locator('[data-prerendered]').count()).toBe(0);
    await expect(page.locator('#view-panel').textContent()).resolves.toContain(title);
    await context.close();
  });

  it('shows it to someone who kept figures of their own, and the app then brings theirs back', async () => {
    const { page, context } = await openPage(browser, '');
    await page.getByText('Load your own figures').click();
    await page
      .getByLabel('Choose a CSV file, or drop it here')
      .setInputFiles(join(import.meta.dirname, '..', 'fixtures', 'e2e', 'new-round.csv'));
    await page.getByLabel('remember them in this browser').check();
    await page.getByRole('button', { name: 'Use these figures' }).click();
    await page.getByRole('button', { name: /forget them/ }).waitFor();
    // Reading storage before the markup would delay every reader's chart (see src/lib/prerender/guard.ts):
    // the published default chart shows until the app starts, which restores the kept figures.
    await page.addInitScript({ content: WATCH_FRAMES });
    await page.reload();
    await waitForLive(page);
    const record = await page.evaluate(() => (window as unknown as { __prerender: Watched }).__prerender);
    expect(record.added).toBe(true);
    await page.getByRole('button', { name: /forget them/ }).waitFor({ timeout: 5000 });
    await expect(page.getByRole('button', { name: /forget them/ }).count()).resolves.toBe(1);
    expect(await page.locator('[data-prerendered]').count()).toBe(0);
    await context.close();
  });

  it.each([
    '',
    '?view=time',
    'embed.html?theme=dark&childId=chart-1&initialWidth=600',
    'embed.html?show=title',
  ])('"/%s" does paint it (the control for the tests above)', async (path) => {
    const { context, record } = await firstFrame(path);
    expect(record.shownFrames).toBeGreaterThan(0);
    await context.close();
  });
});

describe('nothing moves as the page loads', () => {
  /** Every layout shift of the load, with what moved (the Layout Instability API, as Lighthouse scores it). */
  const WATCH_SHIFTS = `window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__shifts.push({ value: e.value, moved: e.sources.map((s) => s.node && s.node.nodeName).join(' ') });
    }).observe({ type: 'layout-shift', buffered: true });`;

  it.each([
    ['?force=hampshire', 412],
    ['?force=hampshire', 1280],
    ['', 412],
    ['embed.html?force=kent', 412],
  ])(
    '"/%s" in a %i-pixel-wide window: no layout shift, through the parts drawn after the chart',
    async (path, width) => {
      const { page, context } = await openPage(browser, null, { viewport: { width, height: 823 } });
      await page.addInitScript({ content: WATCH_SHIFTS });
      await page.goto(new URL(path, baseURL()).href);
      await waitForLive(page);
      if (!path.startsWith('embed')) await page.locator('.embed-button:not(.later *)').waitFor(); // the last part drawn after the chart
      await page.waitForTimeout(300);
      const shifts = await page.evaluate(
        () => (window as unknown as { __shifts: { value: number }[] }).__shifts,
      );
      expect(shifts.reduce((sum, s) => sum + s.value, 0)).toBeLessThan(0.01);
      await context.close();
    },
  );
});

describe('the live page', () => {
  /**
   * When the view panel first appears: hidden, its chart not drawn yet (the view is laid out a task before its
   * charts are drawn); and, at every frame, whether a visible panel lacked its chart.
   */
  const WATCH_PANEL = `window.__panel = { first: null, chartless: 0, frames: 0, seen: false, lost: 0 };
    // The live panel, not the one in the prerendered markup (hidden at these addresses).
    const live = () => [...document.querySelectorAll('#view-panel')].find((p) => !p.closest('[data-prerendered]'));
    new MutationObserver(() => {
      const panel = live();
      if (panel && !window.__panel.first)
        window.__panel.first = { waiting: panel.hasAttribute('data-waiting'), charts: panel.querySelectorAll('svg').length };
    }).observe(document, { subtree: true, childList: true });
    const frame = () => {
      // Once a chart is on screen, some chart stays on screen: the markup's until the live page's replaces it.
      const charts = [...document.querySelectorAll('#view-panel svg')];
      if (charts.some((c) => c.checkVisibility({ visibilityProperty: true }))) window.__panel.seen = true;
      else if (window.__panel.seen) window.__panel.lost++;
      const panel = live();
      if (panel) {
        window.__panel.frames++;
        if (getComputedStyle(panel).visibility !== 'hidden' && !panel.querySelector('.plot-host svg')) window.__panel.chartless++;
      }
      if (window.__panel.frames < 30) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);`;

  // Over the markup (the default addresses) as after a loading message (the others).
  it.each(['?force=hampshire', 'embed.html?force=hampshire', '', 'embed.html'])(
    '"/%s" lays the view out hidden, then draws its chart and shows it: no frame shows it without its chart',
    async (path) => {
      const { page, context } = await openPage(browser, null);
      await page.addInitScript({ content: WATCH_PANEL });
      await page.goto(new URL(path, baseURL()).href);
      await waitForLive(page);
      await page.locator('#view-panel .plot-host svg').first().waitFor();
      await page.waitForTimeout(300);
      const panel = await page.evaluate(
        () =>
          (
            window as unknown as {
              __panel: { first: unknown; chartless: number; frames: number; lost: number };
            }
          ).__panel,
      );
      expect(panel.first).toEqual({ waiting: true, charts: 0 });
      expect(panel.frames).toBeGreaterThan(0);
      expect(panel.chartless).toBe(0);
      expect(panel.lost).toBe(0);
      await expect(page.locator('#view-panel').getAttribute('data-waiting')).resolves.toBeNull();
      await context.close();
    },
  );
});

describe('the app taking over', () => {
  it.each(['', 'embed.html'])('"/%s" never has two view panels, and its chart then answers', async (path) => {
    const { page, context, record } = await firstFrame(path);
    expect(record.shownFrames).toBeGreaterThan(0);
    expect(record.panels).toBe(1);
    expect(await page.locator('[data-prerendered]').count()).toBe(0);
    // The live chart: a focused mark shows its tooltip (the markup alone has no tooltips).
    await page.locator('#view-panel .plot-host [tabindex="0"]').first().focus();
    await expect(page.getByRole('tooltip').textContent()).resolves.toMatch(/offences/);
    await context.close();
  });

  it('keeps the filters and the whole explorer working after the swap', async () => {
    const { page, context } = await openPage(browser, '');
    await page.getByRole('checkbox', { name: 'Hampshire' }).check();
    await page.waitForURL(/force=hampshire/);
    await expect(page.locator('#view-panel .frame-title').first().textContent()).resolves.toContain(
      'Hampshire',
    );
    await context.close();
  });
});
