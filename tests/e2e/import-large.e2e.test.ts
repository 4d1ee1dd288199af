/** The largest file the import accepts: read in a worker with its progress shown, then merged and drawn. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { importFile } from '../../bench/import-file.ts';
import { IMPORT_MAX_BYTES } from '../../src/lib/import/import.ts';
import { launch, openPage } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('a file as large as the import accepts', () => {
  it('shows progress while it is read, keeps the page answering, then reports and draws every row', async () => {
    const { text, rows } = importFile();
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(IMPORT_MAX_BYTES);
    const { page, context, errors } = await openPage(browser, '?force=hampshire');
    await page.getByText('Load your own figures').click();
    await page
      .getByLabel('Choose a CSV file, or drop it here')
      .setInputFiles({ name: 'large.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

    // While it works: a labelled progress bar, the file named in a status, and a page that takes clicks.
    await page.getByRole('progressbar', { name: /^(Reading the file|Checked \d+ of \d+ rows)$/ }).waitFor();
    await expect(page.getByText('Reading large.csv…').count()).resolves.toBe(1);
    await page.getByText('What each column means').click();
    await page.getByText('Police force, region or country').waitFor();

    const report = page.getByRole('region', { name: 'Report on large.csv' });
    await report.waitFor({ timeout: 60_000 });
    await expect(report.getByRole('status').first().textContent()).resolves.toMatch(
      new RegExp(`^\\s*${rows} rows: ${rows} accepted,\\s*0 rejected`),
    );
    await expect(page.getByRole('progressbar').count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Use these figures' }).click();
    // The file's Hampshire total for 2025/26, a year the published figures lack, in the redrawn chart.
    const mark = page.locator('#view-panel [data-tip^="Your data: Hampshire, 1 Apr 2025–31 Mar 2026"]');
    await mark.first().waitFor({ state: 'attached', timeout: 60_000 });
    await expect(page.getByText(`Load your own figures (${rows} of yours in use)`).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
