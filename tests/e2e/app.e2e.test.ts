import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the built explorer', () => {
  it('loads the bundled figures in Chromium', async () => {
    const { page, errors, context } = await openPage(browser);
    await expect(page.getByText('890 figures loaded').waitFor()).resolves.toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });
});
