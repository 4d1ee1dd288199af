/**
 * The embed inside real host pages on another origin: the snippet exactly as the dialog gives it, the real
 * pym.js parent, two embeds at once; what the messages carry; axe; a 320 px embed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { baseURL, launch, openPage } from '../support/browser.ts';
import { startHostServer, type HostServer } from '../support/host-server.ts';

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

const HAMPSHIRE = '?view=platforms&force=hampshire&period=2017-04-03_2018-01-02';

/** Opens the explorer, opens the embed dialog and returns the snippets as shown. */
async function snippetsFor(query: string): Promise<{ iframe: string; pym: string; link: string }> {
  const { page, context } = await openPage(browser, query);
  await page.getByRole('button', { name: 'Embed this chart' }).click();
  const read = (id: string) => page.locator(`#snippet-${id}`).inputValue();
  const out = { iframe: await read('iframe'), pym: await read('pym'), link: await read('link') };
  await context.close();
  return out;
}

const hostPage = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A newspaper</title>
  <script>window.received = []; addEventListener('message', (e) => received.push({ origin: e.origin, data: e.data }));</script>
  </head><body style="margin:0;font-family:serif"><h1>An article</h1><div id="col" style="width:640px">${body}</div>
  <p>The article goes on.</p></body></html>`;

/** The embed's content height as the embed itself measures it. */
const contentHeight = (frame: Frame) =>
  frame.evaluate(() => Math.ceil(document.querySelector('.embed-root')!.getBoundingClientRect().height));

async function iframeHeights(page: Page): Promise<number[]> {
  return page
    .locator('iframe')
    .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().height)));
}

/**
 * Waits (up to 8 s) until every embedded chart is drawn and each iframe's height has matched its content
 * height, unchanged, for 300 ms. Returns false if that never happens; the tests then fail on their asserts.
 */
async function settle(page: Page, count = 1): Promise<boolean> {
  await page.waitForFunction((n) => document.querySelectorAll('iframe').length === n, count);
  const frames: Frame[] = [];
  for (let i = 0; i < count; i++) {
    const frame = await (await page.locator('iframe').nth(i).elementHandle())!.contentFrame();
    await frame!.locator('#view-panel svg').first().waitFor();
    frames.push(frame!);
  }
  let steadySince = 0;
  let previous = '';
  for (const started = Date.now(); Date.now() - started < 8000;) {
    const heights = await iframeHeights(page);
    const contents = await Promise.all(frames.map(contentHeight));
    const now = JSON.stringify(heights);
    const fits = heights.every((h, i) => Math.abs(h - contents[i]!) <= 3);
    if (!fits || now !== previous) steadySince = Date.now();
    else if (Date.now() - steadySince >= 300) return true;
    previous = now;
    await page.waitForTimeout(50);
  }
  return false;
}

const embedFrames = (page: Page) => page.frames().filter((f) => f.url().includes('/embed.html'));

describe('the iframe snippet from the dialog', () => {
  it('gives absolute URLs, a title, lazy loading and no border', async () => {
    const { iframe, pym, link } = await snippetsFor(HAMPSHIRE);
    const origin = new URL(baseURL()).origin;
    expect(iframe).toMatch(
      new RegExp(
        `^<iframe src="${origin}/embed\\.html\\?view=platforms&amp;force=hampshire&amp;period=2017-04-03_2018-01-02&amp;data=\\d{4}-\\d{2}-\\d{2}-[0-9a-f]{6}" title="Platforms recorded in offences: Hampshire" width="100%" height="\\d+" loading="lazy"`,
      ),
    );
    expect(iframe).toContain('style="border:0;width:100%;display:block"');
    expect(iframe).toContain(`e.origin!=="${origin}"`);
    expect(iframe).toContain('e.source!==f.contentWindow');
    expect(pym).toContain(`new pym.Parent("foi-grooming-chart", "${origin}/embed.html?view=platforms`);
    expect(link).toMatch(new RegExp(`^<a href="${origin}/\\?view=platforms&amp;force=hampshire`));
  });

  it('sizes the iframe to its content on a host page of another origin, and follows it', async () => {
    const { iframe } = await snippetsFor(HAMPSHIRE);
    const url = host.page('/plain.html', hostPage(iframe));
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(url);
    await settle(page);
    const firstChartMs = Date.now() - started;
    const [frame] = embedFrames(page);
    const wide = await contentHeight(frame!);
    expect(Math.abs((await iframeHeights(page))[0]! - wide)).toBeLessThanOrEqual(3);
    expect(wide).not.toBe(520); // not the snippet's default: it was really resized

    // Narrow the host column: labels wrap, the content grows, the iframe follows.
    await page.locator('#col').evaluate((el) => (el.style.width = '320px'));
    await settle(page);
    const narrow = await contentHeight(frame!);
    expect(narrow).toBeGreaterThan(wide);
    expect(Math.abs((await iframeHeights(page))[0]! - narrow)).toBeLessThanOrEqual(3);

    // No resize loop: the height holds still for a second.
    const samples: number[] = [];
    for (let i = 0; i < 10; i++) {
      samples.push((await iframeHeights(page))[0]!);
      await page.waitForTimeout(100);
    }
    expect(new Set(samples).size).toBe(1);
    console.log(`embed: first chart on the host page within ${firstChartMs} ms`);
    await context.close();
  });

  it('sends nothing but the height and its own URL, in the three formats', async () => {
    const { iframe } = await snippetsFor(HAMPSHIRE);
    const page = await (await browser.newContext()).newPage();
    await page.goto(host.page('/messages.html', hostPage(iframe)));
    await settle(page);
    const src = await page.locator('iframe').getAttribute('src');
    const received = (await page.evaluate(() => (window as unknown as { received: unknown[] }).received)) as {
      origin: string;
      data: unknown;
    }[];
    expect(received.length).toBeGreaterThanOrEqual(2);
    for (const { origin, data } of received) {
      expect(origin).toBe(new URL(baseURL()).origin);
      if (typeof data === 'string') {
        const parsed = JSON.parse(data) as Record<string, unknown>;
        expect(Object.keys(parsed).sort()).toEqual(['context', 'height', 'src']);
        expect(parsed).toMatchObject({ context: 'iframe.resize', src });
      } else {
        expect(Object.keys(data as object).sort()).toEqual(['height', 'src', 'type']);
        expect(data).toMatchObject({ type: 'foi-explorer:resize', src });
      }
    }
    await page.context().close();
  });
});

describe('with the real pym.js as the parent', () => {
  it('resizes through pym messages and keeps the host page URL to itself', async () => {
    const { pym } = await snippetsFor(HAMPSHIRE);
    const url = host.page('/pym.html', hostPage(`<script src="/pym.js"></script>\n${pym}`));
    const page = await (await browser.newContext({ viewport: { width: 1000, height: 800 } })).newPage();
    await page.goto(url);
    await settle(page);
    const [frame] = embedFrames(page);
    // pym gave the child its id and the host's URL; the embed treats them as expected, not as bad input.
    expect(frame!.url()).toContain('childId=foi-grooming-chart');
    await expect(frame!.locator('.embed-ignored').count()).resolves.toBe(0);
    expect(Math.abs((await iframeHeights(page))[0]! - (await contentHeight(frame!)))).toBeLessThanOrEqual(3);
    const received = (
      await page.evaluate(() => (window as unknown as { received: { data: unknown }[] }).received)
    ).map((m) => m.data);
    expect(
      received.some(
        (d) => typeof d === 'string' && /^pymxPYMxfoi-grooming-chartxPYMxheightxPYMx\d+$/.test(d),
      ),
    ).toBe(true);
    // Nothing the embed sends names the host page.
    expect(JSON.stringify(received)).not.toContain(host.url);

    await page.locator('#col').evaluate((el) => (el.style.width = '320px'));
    await settle(page);
    expect(Math.abs((await iframeHeights(page))[0]! - (await contentHeight(frame!)))).toBeLessThanOrEqual(3);
    await page.context().close();
  });
});

describe('two embeds on one host page', () => {
  it('resize independently', async () => {
    const a = await snippetsFor(HAMPSHIRE);
    const b = await snippetsFor('?view=forces&period=2017-18');
    const page = await (await browser.newContext({ viewport: { width: 1000, height: 800 } })).newPage();
    await page.goto(host.page('/two.html', hostPage(`${a.iframe}\n<p>Between.</p>\n${b.iframe}`)));
    // The snippet loads lazily: a reader scrolls down to the second chart.
    await page.locator('iframe').nth(1).scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('iframe').length === 2);
    await settle(page, 2);
    const heights = await iframeHeights(page);
    const frames = await page
      .locator('iframe')
      .evaluateAll((els) => els.map((e) => (e as HTMLIFrameElement).src));
    for (const [i, src] of frames.entries()) {
      const frame = page.frames().find((f) => f.url() === src)!;
      expect(Math.abs(heights[i]! - (await contentHeight(frame)))).toBeLessThanOrEqual(3);
    }
    expect(Math.abs(heights[0]! - heights[1]!)).toBeGreaterThan(100);
    await page.context().close();
  });
});

describe('the embed page itself', () => {
  it.each(['light', 'dark'] as const)('has no axe violations in %s', async (theme) => {
    const { page, context } = await openPage(browser, `embed.html${HAMPSHIRE}&theme=${theme}`);
    await page.locator('#view-panel svg').first().waitFor();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    await context.close();
  });

  it('fits 320 px without overflowing', async () => {
    const { page, context } = await openPage(browser, `embed.html${HAMPSHIRE}`, {
      viewport: { width: 320, height: 600 },
    });
    await page.locator('#view-panel svg').first().waitFor();
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(320);
    await context.close();
  });

  it('is not indexed, declares its colour schemes, and links back to the same view in a new tab', async () => {
    const { page, context } = await openPage(browser, `embed.html${HAMPSHIRE}`);
    await expect(page.locator('meta[name="robots"]').getAttribute('content')).resolves.toBe('noindex');
    await expect(page.locator('meta[name="color-scheme"]').getAttribute('content')).resolves.toBe(
      'light dark',
    );
    const link = page.getByRole('link', { name: /Explore these figures/ });
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
    expect(await link.getAttribute('href')).toBe(`${baseURL()}${HAMPSHIRE}`);
    await context.close();
  });

  it('says so in words when the data cannot load', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route(/\/assets\/dataset-.*\.json$/, (route) => route.abort());
    await page.goto(new URL(`embed.html${HAMPSHIRE}`, baseURL()).href);
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/could not be loaded/);
    await context.close();
  });

  it('works with cookies and storage blocked', async () => {
    const { page, context, errors } = await openPage(browser, null);
    await page.addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage'])
        Object.defineProperty(window, name, {
          get: () => {
            throw new Error(`${name} blocked`);
          },
        });
      Object.defineProperty(document, 'cookie', {
        get: () => {
          throw new Error('cookies blocked');
        },
        set: () => {
          throw new Error('cookies blocked');
        },
      });
    });
    await page.goto(new URL(`embed.html${HAMPSHIRE}`, baseURL()).href);
    await page.locator('#view-panel svg').first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
