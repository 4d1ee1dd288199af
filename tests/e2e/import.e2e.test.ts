/** Loading one's own FOI figures in the real browser: the report, the charts, and hostile files. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as aq from 'arquero';
import { launch, openPage } from '../support/browser.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('load your own figures', () => {
  it('reports every row, then shows the accepted ones beside the published figures, marked as yours', async () => {
    const { page, context, errors } = await openPage(browser, '?force=hampshire,kent&period=2017-18,2024-25');
    await page.getByText('Load your own figures').click();
    await expect(page.getByText('never leaves your computer').count()).resolves.toBe(1);
    await page
      .getByLabel('Choose a CSV file, or drop it here')
      .setInputFiles(join(fixtures, 'e2e', 'new-round.csv'));
    const report = page.getByRole('region', { name: 'Report on new-round.csv' });
    await expect(report.getByRole('status').first().textContent()).resolves.toMatch(
      /4 rows: 3 accepted, 1 rejected/,
    );
    await expect(report.getByRole('listitem').first().textContent()).resolves.toMatch(
      /Row 3 \(line 4\):\s*area/,
    );
    await page.getByRole('button', { name: 'Use these figures' }).click();

    // The new year is a period of its own; choose it and see the figures in the chart, marked as yours.
    await page.getByRole('combobox', { name: 'to' }).selectOption({ label: '1 Apr 2025–31 Mar 2026' });
    const tips = await page
      .locator('#view-panel [data-tip]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-tip') ?? ''));
    expect(tips.find((t) => t.startsWith('Your data: Hampshire, 1 Apr 2025–31 Mar 2026'))).toMatch(
      /offences: 210/,
    );
    expect(tips.find((t) => t.startsWith('Your data: Kent'))).toMatch(/offences: 180/);
    expect(tips.find((t) => t.startsWith('Hampshire, 2017/18'))).toMatch(/offences: 152/);

    // The table and the CSV export say which figures are yours.
    await page.getByRole('tab', { name: 'Table' }).click();
    await expect(page.locator('tr.user').count()).resolves.toBe(3);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Figures (CSV)' }).click(),
    ]);
    const rows = aq
      .fromCSV(await readFile((await download.path())!, 'utf8'), { autoType: false })
      .objects() as Record<string, string>[];
    expect(
      rows
        .filter((r) => r.origin === 'your data')
        .map((r) => r.value)
        .sort(),
    ).toEqual(['180', '210', '41']);
    expect(rows.filter((r) => r.origin === 'published').length).toBeGreaterThan(0);

    // A shared link never carries them.
    await page.waitForURL(/view=table/);
    expect(page.url()).not.toContain('210');
    const other = await openPage(browser, page.url().replace(/view=table&?/, ''));
    await other.page.locator('#view-panel svg').first().waitFor();
    const otherTips = await other.page
      .locator('#view-panel [data-tip]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-tip') ?? ''));
    expect(otherTips.some((t) => t.startsWith('Your data'))).toBe(false);
    expect(errors).toEqual([]);
    await other.context.close();
    await context.close();
  });

  it('runs nothing from a hostile file, and neutralises formulas in the export', async () => {
    const { page, context, errors } = await openPage(
      browser,
      '?view=table&force=hampshire&period=2017-04-03_2018-01-02',
    );
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.getByText('Load your own figures').click();
    await page
      .getByLabel('Choose a CSV file, or drop it here')
      .setInputFiles(join(fixtures, 'import', 'hostile.csv'));
    await page.getByRole('region', { name: 'Report on hostile.csv' }).waitFor();
    // Rows with markup in their text are data, and accepted as such.
    await page.getByRole('button', { name: 'Use these figures' }).click();
    await page.locator('table.figures tbody tr').first().waitFor();
    for (const tab of ['Over time', 'Platforms', 'Table', 'Sources and notes']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(150);
    }
    await page.getByRole('tab', { name: 'Table' }).click();

    // The markup is shown as text, never made into elements.
    await expect(page.getByText('<script>alert(1)</script>').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('#main img, #main script, #main [onerror]').count()).resolves.toBe(0);
    expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(requests.filter((u) => u.includes('evil.example') || u.endsWith('/x'))).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Figures (CSV)' }).click(),
    ]);
    const text = await readFile((await download.path())!, 'utf8');
    const cells = (
      aq.fromCSV(text, { autoType: false }).objects() as Record<string, string | null>[]
    ).flatMap((r) => Object.values(r).filter((v): v is string => typeof v === 'string'));
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c))).toEqual([]);
    expect(cells.some((c) => c.startsWith("'=1+1") || c.startsWith("'@SUM"))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses a file that is not a CSV with a clear message', async () => {
    const { page, context } = await openPage(browser);
    await page.getByText('Load your own figures').click();
    await page
      .getByLabel('Choose a CSV file, or drop it here')
      .setInputFiles(join(fixtures, 'import', 'not-a-csv.bin'));
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/not|binary|CSV/i);
    await context.close();
  });
});
