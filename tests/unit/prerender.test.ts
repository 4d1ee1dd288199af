/**
 * The pieces of the prerendered first chart that can be checked outside Chromium: the guard deciding whether
 * the markup fits an address (run as the inline script it becomes, in jsdom), the page injection, and the
 * deferred loading of the app.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  EMBED_ALLOWED,
  EXPLORER_ALLOWED,
  FRAME_WAIT_MS,
  headGuard,
  prerenderFits,
} from '../../src/lib/prerender/guard.ts';
import { NO_PRERENDER } from '../../src/lib/prerender/context.ts';
import { injectPrerendered, takeLoadingTags } from '../../build/prerender.ts';
import type { Deferred } from '../../src/lib/prerender/loader.ts';
import { JSDOM } from 'jsdom';

describe('prerenderFits', () => {
  it.each([
    ['', true],
    ['?', true],
    ['?view=time', true],
    ['?per=count', true],
    ['?view=time&per=count', true],
    ['?view=platforms', false],
    ['?force=hampshire', false],
    ['?per=u16', false],
    ['?period=2017-18', false],
    ['?view=time&view=time', false],
    ['?theme=dark', false],
    ['?__proto__=x', false],
    ['?constructor=x', false],
    ['?toString=', false],
  ])('explorer %s: %s', (search, fits) => {
    expect(prerenderFits(search, EXPLORER_ALLOWED)).toBe(fits);
  });

  it.each([
    ['?theme=dark', true],
    ['?theme=transparent&childId=c1&initialWidth=600&parentTitle=A&parentUrl=https%3A%2F%2Fx.org%2F', true],
    ['?theme=blue', false],
    ['?show=title', true],
    ['?show=title,notes,source,link', true],
    ['?show=none&theme=dark', true],
    ['?show=', true],
    ['?show=title,%20source', true],
    ['?show=title,ads', false],
    ['?show=title&show=source', false],
    ['?force=kent&theme=dark', false],
  ])('embed %s: %s', (search, fits) => {
    expect(prerenderFits(search, EMBED_ALLOWED)).toBe(fits);
  });

  it('never throws, and refuses any address with a key it does not know', () => {
    const known = Object.keys(EMBED_ALLOWED);
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (prefix, key, value) => {
        const search = `?${prefix}&${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
        const fits = prerenderFits(search, EMBED_ALLOWED);
        if (!known.includes(key)) expect(fits).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

const DEFERRED: Deferred = [
  ['script', './assets/app-2.js'],
  ['script', './assets/main-1.js'],
  ['preload', './assets/figures-4.csv'],
];

/**
 * Loads a page whose <head> starts with the guard into jsdom at this address, running its inline script.
 * `before` changes the window first. The page is a visible one (jsdom paints no frame but runs
 * requestAnimationFrame's callbacks about every 16 ms, as for one). Says whether the markup is hidden, the theme,
 * whether storage was touched, and which tags the guard added to <head> when the HTML was parsed, when its first
 * frame came (null: the guard asked for none) and after that frame; `later(ms)` gives them after a wait.
 */
async function runGuard(page: 'explorer' | 'embed', search: string, before?: (w: Window) => void) {
  let storage = false;
  const html = `<!doctype html><html><head><meta charset="UTF-8">${headGuard(page, DEFERRED)}<title>t</title></head><body><div id="app"><div data-prerendered><p>chart</p></div></div></body></html>`;
  let atParse: string[] = [];
  const tags = (d: Document) =>
    [...d.head.querySelectorAll('script[src], link[href]')].map(
      (e) => e.getAttribute('src') ?? e.getAttribute('href')!,
    );
  let atFrame: string[] | null = null;
  let frame: (cb: () => void) => void = () => {};
  const dom = new JSDOM(html, {
    url: `http://127.0.0.1/${search}`,
    runScripts: 'dangerously',
    pretendToBeVisual: true,
    beforeParse(w) {
      const ask = w.requestAnimationFrame.bind(w);
      frame = (cb) => ask(cb);
      w.requestAnimationFrame = (cb) =>
        ask((t) => {
          atFrame ??= tags(w.document);
          cb(t);
        });
      Object.defineProperty(w, 'localStorage', {
        get: () => {
          storage = true;
          return { getItem: () => null };
        },
      });
      w.document.addEventListener('readystatechange', () => {
        if (w.document.readyState === 'interactive') atParse = tags(w.document);
      });
      before?.(w as unknown as Window);
    },
  });
  const { document } = dom.window;
  if (document.readyState === 'loading')
    await new Promise((done) => document.addEventListener('DOMContentLoaded', done));
  await new Promise((done) => setTimeout(done));
  // A frame, then a task after it (the guard's, if it asked for that frame, comes first).
  await new Promise<void>((done) => frame(() => setTimeout(done)));
  return {
    hidden: document.documentElement.classList.contains(NO_PRERENDER),
    theme: document.documentElement.dataset.theme,
    show: document.documentElement.dataset.show,
    storage,
    atParse,
    atFrame: atFrame as string[] | null,
    loaded: tags(document),
    later: async (ms: number) => {
      await new Promise((done) => setTimeout(done, ms));
      return tags(document);
    },
  };
}

const ALL = DEFERRED.map(([, href]) => href);

describe('the head guard', () => {
  it('keeps the markup for the default address and hides it for any other', async () => {
    expect((await runGuard('explorer', '')).hidden).toBe(false);
    expect((await runGuard('explorer', '?view=time')).hidden).toBe(false);
    expect((await runGuard('explorer', '?force=kent')).hidden).toBe(true);
    expect((await runGuard('embed', '?theme=dark&childId=c1')).hidden).toBe(false);
    expect((await runGuard('embed', '?view=forces')).hidden).toBe(true);
  });

  it('has the app loaded after the first frame when the markup shows, at once when it does not', async () => {
    for (const page of ['explorer', 'embed'] as const) {
      const shown = await runGuard(page, '');
      expect(shown.atParse).toEqual([]);
      expect(shown.atFrame).toEqual([]);
      expect(shown.loaded).toEqual(ALL);
    }
    const hidden = await runGuard('explorer', '?force=kent');
    expect(hidden.atParse).toEqual(ALL);
    expect(hidden.loaded).toEqual(ALL);
  });

  it('waits for no frame on a page nobody sees (a tab in the background)', async () => {
    const background = (w: Window) => {
      Object.defineProperty(w.document, 'visibilityState', { get: () => 'hidden' });
    };
    const r = await runGuard('embed', '', background);
    expect(r.atParse).toEqual([]);
    // Loaded when the HTML was parsed: no frame asked for.
    expect(r.atFrame).toBeNull();
    expect(r.loaded).toEqual(ALL);
  });

  it(`loads the app after ${FRAME_WAIT_MS} ms when the first frame never comes (a throttled iframe)`, async () => {
    const noFrames = (w: Window) => {
      w.requestAnimationFrame = () => 0;
    };
    const r = await runGuard('embed', '', noFrames);
    expect(r.loaded).toEqual([]);
    expect(await r.later(FRAME_WAIT_MS / 2)).toEqual([]);
    expect(await r.later(FRAME_WAIT_MS / 2 + 100)).toEqual(ALL);
  });

  it('never touches storage (it would delay every first chart)', async () => {
    expect((await runGuard('explorer', '')).storage).toBe(false);
    expect((await runGuard('embed', '')).storage).toBe(false);
  });

  it("sets the embed's parts to show from the address, known ones only, and none without show=", async () => {
    expect(await runGuard('embed', '?show=title,%20source')).toMatchObject({
      hidden: false,
      show: 'title source',
    });
    expect(await runGuard('embed', '?show=none')).toMatchObject({ hidden: false, show: '' });
    expect(await runGuard('embed', '?show=title,<b>')).toMatchObject({ hidden: true, show: 'title' });
    expect((await runGuard('embed', '')).show).toBeUndefined();
    expect((await runGuard('explorer', '?show=title')).show).toBeUndefined();
  });

  it("sets the embed's theme from the address, and only a known one", async () => {
    expect((await runGuard('embed', '?theme=dark')).theme).toBe('dark');
    expect((await runGuard('embed', '?theme=<b>')).theme).toBe('auto');
    expect((await runGuard('embed', '')).theme).toBe('auto');
    expect((await runGuard('explorer', '?theme=dark')).theme).toBeUndefined();
  });

  it('hides the markup and still loads the app when the check itself fails (no URLSearchParams)', async () => {
    const without = (w: Window) => {
      delete (w as unknown as Record<string, unknown>).URLSearchParams;
    };
    for (const page of ['explorer', 'embed'] as const) {
      const r = await runGuard(page, '', without);
      expect(r.hidden).toBe(true);
      expect(r.loaded).toEqual(ALL);
    }
  });
});

describe('injectPrerendered', () => {
  const page = `<!doctype html><html><head><meta charset="UTF-8" /><link rel="stylesheet" href="a.css"></head><body><div id="app"></div></body></html>`;

  it('puts the guard first in the head and the markup in the mount point, literally', () => {
    const out = injectPrerendered(page, 'app', '<p>$& chart</p>', '<script>guard</script>');
    expect(out.indexOf('<script>guard</script>')).toBeLessThan(out.indexOf('rel="stylesheet"'));
    // Replacement patterns in the markup are taken literally.
    expect(out).toContain('<div id="app"><div data-prerendered><p>$& chart</p></div></div>');
  });

  it('refuses a page without its empty mount point', () => {
    expect(() => injectPrerendered(page, 'embed', '', '')).toThrow(/no empty <div id="embed">/);
  });
});

describe('loading the app after the markup', () => {
  // As Vite and the preload plugin write the <head>.
  const built = `<!doctype html>
<html>
  <head>
    <meta charset="UTF-8" />
    <title>t</title>
    <script type="module" crossorigin src="./assets/main-1.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/app-2.js">
    <link rel="stylesheet" crossorigin href="./assets/app-3.css">
    <link rel="preload" as="fetch" href="./assets/figures-4.csv" crossorigin="">
  </head>
  <body><div id="app"></div></body>
</html>`;

  it('takes the script and preloads out of the head, each chunk a script before the entry, and keeps the stylesheet', () => {
    const { html, deferred } = takeLoadingTags(built);
    expect(deferred).toEqual([
      ['script', './assets/app-2.js'],
      ['script', './assets/main-1.js'],
      ['preload', './assets/figures-4.csv'],
    ]);
    expect(html).not.toMatch(/main-1|app-2|figures-4/);
    expect(html).toContain('<link rel="stylesheet" crossorigin href="./assets/app-3.css">');
  });

  it('refuses a page whose head has no module script (a change in how Vite writes it)', () => {
    expect(() => takeLoadingTags(built.replace(/<script[^]*?<\/script>/, ''))).toThrow(/no module script/);
  });

  it('puts the same tags back in the head when the head guard runs', async () => {
    const { html, deferred } = takeLoadingTags(built);
    const page = injectPrerendered(html, 'app', '<p>chart</p>', headGuard('explorer', deferred));
    const { document } = new JSDOM(page, { runScripts: 'dangerously', url: 'http://127.0.0.1/' }).window;
    if (document.readyState === 'loading')
      await new Promise((done) => document.addEventListener('DOMContentLoaded', done));
    const added = [...document.head.querySelectorAll('script[src], link[href]')].map((e) => [
      e.localName,
      e.getAttribute('type') ?? e.getAttribute('rel'),
      e.getAttribute('as'),
      e.getAttribute('crossorigin'),
      e.getAttribute('src') ?? e.getAttribute('href'),
      // Scripts run in the order added, each a task of its own, the chunks before the entry.
      e instanceof document.defaultView!.HTMLScriptElement ? e.async : null,
    ]);
    expect(added).toEqual([
      ['link', 'stylesheet', null, '', './assets/app-3.css', null],
      ['script', 'module', null, '', './assets/app-2.js', false],
      ['script', 'module', null, '', './assets/main-1.js', false],
      ['link', 'preload', 'fetch', '', './assets/figures-4.csv', null],
    ]);
  });
});
