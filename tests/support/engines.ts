/**
 * Firefox and WebKit for the cross-engine tests, both from Debian (scripts/ensure-test-tools.sh), each driven
 * by a maintained client over a standard protocol, behind one small interface:
 * - Firefox ESR: puppeteer-core over WebDriver BiDi (no geckodriver);
 * - WebKitGTK: MiniBrowser through WebKitWebDriver (classic WebDriver) with selenium-webdriver, under Xvfb.
 * Selenium is always given the driver's URL, so selenium-manager (which would download drivers) never runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import { Builder, By, type WebDriver } from 'selenium-webdriver';
import { accepts, freePort } from '../../build/nginx.ts';

export type EngineName = 'firefox' | 'webkit';
export const ENGINES: readonly EngineName[] = ['firefox', 'webkit'];

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER_PATH =
  process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const XVFB_PATH = process.env.XVFB_PATH ?? '/usr/bin/Xvfb';

export const VIEWPORT = { width: 1280, height: 900 };

/** One page (tab or window) of an engine. Scripts are function bodies run in the page (`return` a value). */
export interface EnginePage {
  goto(url: string): Promise<void>;
  /** Runs `body` in the page (or, with `frame`, in the iframe that CSS selector finds) and returns its result, awaited. */
  run<T>(body: string, frame?: string): Promise<T>;
  /** Polls `body` (as for run) until it returns a truthy value; throws after `timeout` ms saying what it waited for. */
  until(body: string, timeout?: number, frame?: string): Promise<void>;
  /** A real click (the driver's pointer) on the element the CSS selector finds. */
  click(css: string): Promise<void>;
  /** Chooses a file in a file input, as a person does, through the driver. */
  upload(css: string, path: string): Promise<void>;
  /** The files saved into this engine's download folder so far. */
  downloads(): Promise<string[]>;
  /** Errors the driver itself reports (Firefox's pageerror); the probe catches the rest. */
  driverErrors: string[];
  close(): Promise<void>;
}

export interface Engine {
  name: EngineName;
  newPage(): Promise<EnginePage>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function until(
  run: (body: string, frame?: string) => Promise<unknown>,
  body: string,
  timeout = 10_000,
  frame?: string,
): Promise<void> {
  const started = Date.now();
  let last: unknown;
  for (;;) {
    try {
      if (await run(body, frame)) return;
    } catch (e) {
      last = e;
    }
    if (Date.now() - started > timeout)
      throw new Error(
        `timed out after ${timeout} ms waiting for: ${body}${last ? ` (last error: ${String(last)})` : ''}`,
      );
    await sleep(100);
  }
}

async function listFiles(dir: string): Promise<string[]> {
  // Firefox writes a .part file while it downloads.
  return (await readdir(dir)).filter((f) => !f.endsWith('.part')).map((f) => join(dir, f));
}

async function launchFirefox(): Promise<Engine> {
  const downloadsDir = await mkdtemp(join(tmpdir(), 'foi-firefox-downloads-'));
  const browser: PuppeteerBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: VIEWPORT,
    extraPrefsFirefox: {
      // Downloads go to a folder of our own, without asking.
      'browser.download.folderList': 2,
      'browser.download.dir': downloadsDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.helperApps.neverAsk.saveToDisk': 'text/csv',
    },
  });
  return {
    name: 'firefox',
    async newPage() {
      const page: PuppeteerPage = await browser.newPage();
      const driverErrors: string[] = [];
      page.on('pageerror', (e) => driverErrors.push(e instanceof Error ? e.message : String(e)));
      const run = async <T>(body: string, frame?: string): Promise<T> => {
        const fn = `(async () => { ${body} })()`;
        if (!frame) return (await page.evaluate(fn)) as T;
        const handle = await page.$(frame);
        const content = await handle?.contentFrame();
        if (!content) throw new Error(`no frame at ${frame}`);
        return (await content.evaluate(fn)) as T;
      };
      return {
        driverErrors,
        async goto(url) {
          await page.goto(url);
        },
        run,
        until: (body, timeout, frame) => until(run, body, timeout, frame),
        async click(css) {
          await page.click(css);
        },
        async upload(css, path) {
          const input = await page.$(css);
          if (!input) throw new Error(`no input at ${css}`);
          await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(path);
        },
        downloads: () => listFiles(downloadsDir),
        close: () => page.close(),
      };
    },
    async close() {
      await browser.close();
      await rm(downloadsDir, { recursive: true, force: true });
    },
  };
}

/** Starts a process and stops it (by its own pid) on close; `ready` says when it serves. */
function start(
  path: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; log: () => string } {
  const child = spawn(path, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  child.on('error', (e) => (log += e.message));
  return { child, log: () => log };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

async function launchWebKit(): Promise<Engine> {
  // MiniBrowser needs a display: an Xvfb of our own, on a display number nobody uses.
  let display = 0;
  let xvfb: ReturnType<typeof start> | undefined;
  for (let n = 90 + (process.pid % 100); !xvfb; n++) {
    const candidate = start(
      XVFB_PATH,
      [`:${n}`, '-screen', '0', '1600x1200x24', '-nolisten', 'tcp'],
      process.env,
    );
    await sleep(300);
    if (candidate.child.exitCode === null) {
      xvfb = candidate;
      display = n;
    } else if (n > 300) throw new Error(`Xvfb did not start: ${candidate.log()}`);
  }
  const port = await freePort();
  const downloadsDir = await mkdtemp(join(tmpdir(), 'foi-webkit-downloads-'));
  const driver = start(WEBKIT_DRIVER_PATH, [`--port=${port}`], {
    ...process.env,
    DISPLAY: `:${display}`,
    // MiniBrowser saves a download, without asking, into the home folder when no download folder is set up:
    // a home of its own (its profile lives there too), read as the download folder.
    HOME: downloadsDir,
  });
  for (const started = Date.now(); !(await accepts(port)); await sleep(50))
    if (Date.now() - started > 10_000) throw new Error(`WebKitWebDriver did not start: ${driver.log()}`);
  // One session (one MiniBrowser, about 4 s to start) for every page of the file: a page is a fresh navigation.
  let session: WebDriver;
  try {
    session = await new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
      })
      .build();
  } catch (e) {
    await stop(driver.child);
    await stop(xvfb.child);
    throw new Error(`MiniBrowser did not start: ${String(e)}\n${driver.log()}`, { cause: e });
  }
  await session
    .manage()
    .window()
    .setRect({ x: 0, y: 0, ...VIEWPORT });
  return {
    name: 'webkit',
    async newPage() {
      const run = async <T>(body: string, frame?: string): Promise<T> => {
        if (frame) await session.switchTo().frame(await session.findElement(By.css(frame)));
        try {
          // The body's result, a promise or not, awaited by the driver (WebDriver's Execute Script).
          return (await session.executeScript(`return (async () => { ${body} })()`)) as T;
        } finally {
          if (frame) await session.switchTo().defaultContent();
        }
      };
      return {
        driverErrors: [],
        async goto(url) {
          await session.get(url);
        },
        run,
        until: (body, timeout, frame) => until(run, body, timeout, frame),
        async click(css) {
          await session.findElement(By.css(css)).click();
        },
        async upload(css, path) {
          await session.findElement(By.css(css)).sendKeys(path);
        },
        downloads: () => listFiles(downloadsDir),
        async close() {
          await session.get('about:blank');
        },
      };
    },
    async close() {
      await session.quit().catch(() => undefined);
      await stop(driver.child);
      await stop(xvfb.child);
      await rm(downloadsDir, { recursive: true, force: true });
    },
  };
}

export function launchEngine(name: EngineName): Promise<Engine> {
  return name === 'firefox' ? launchFirefox() : launchWebKit();
}
