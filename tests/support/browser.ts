/** Launches Debian's Chromium through playwright-core for end-to-end tests. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

export const baseURL = (): string => inject('baseURL');

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * Waits until the app runs (src/lib/state/start-up.svelte.ts): before that, the default view on screen is the
 * prerendered markup, which looks the same but does not respond.
 */
export async function waitForLive(page: Page): Promise<void> {
  await page.locator('html[data-app="live"]').waitFor({ state: 'attached' });
}

/** A fresh context and page, at `path` once the app runs (unless `path` is null); pages from a context are what axe needs. */
export async function openPage(
  browser: Browser,
  path: string | null = '',
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  if (path !== null) {
    await page.goto(new URL(path, baseURL()).href);
    await waitForLive(page);
  }
  return { context, page, errors };
}
