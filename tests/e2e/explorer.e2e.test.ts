/**
 * The explorer as a researcher uses it: the built app, served on 127.0.0.1, in Debian's Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import * as aq from 'arquero';
import { baseURL, launch, openPage } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const NINE_MONTHS = 'First nine months (Apr 2017–Jan 2018)';

/** Picks Hampshire and only the first nine months, through the filters, as a person would. */
async function pickHampshireNineMonths(page: Page) {
  await page.getByRole('searchbox', { name: 'Search forces and areas' }).fill('Hampshire');
  await page.getByRole('checkbox', { name: 'Hampshire', exact: true }).check();
  await page.getByRole('combobox', { name: 'From' }).selectOption({ label: 'none' });
  await page.getByRole('checkbox', { name: NINE_MONTHS }).check();
}

/** Waits for the locator to appear, then counts its matches (0 if it never appears). */
async function shown(locator: Locator): Promise<number> {
  await locator
    .first()
    .waitFor({ timeout: 5000 })
    .catch(() => undefined);
  return locator.count();
}

/**
 * Waits out the frame after which secondary charts (platform panels after the first, the tile map) are drawn:
 * they follow the main chart a frame later (src/lib/state/after-frame.svelte.ts). Twice, for margin.
 */
async function secondaryChartsDrawn(page: Page): Promise<void> {
  for (let i = 0; i < 2; i++)
    await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done))));
}

const svgText = (page: Page) =>
  page.locator('#view-panel svg').evaluateAll((svgs) => svgs.map((s) => s.outerHTML).join('\n'));

/** Holds back the figures' notes (notes-*.json) until the returned function is called. */
async function holdNotes(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/notes-[^/]*\.json$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
describe('a researcher exploring Hampshire', () => {
  it('sees 62 offences and the platform records with their denominator', async () => {
    const { page, context, errors } = await openPage(browser);
    await pickHampshireNineMonths(page);
    await expect(page.locator('.summary').textContent()).resolves.toContain(
      'Hampshire · all platforms · 9 months',
    );

    // Over time: the one figure, 62, named with its source.
    const mark = page.locator('#view-panel [data-tip]').first();
    await expect(mark.getAttribute('data-tip')).resolves.toMatch(
      /^Hampshire, First nine months \(Apr 2017–Jan 2018\) · offences: 62 · source: /,
    );

    await page.getByRole('tab', { name: 'Platforms' }).click();
    const panel = page.getByRole('region', { name: 'Hampshire, First nine months (Apr 2017–Jan 2018)' });
    expect(
      await shown(
        panel.getByText('Base: 67 platform records (cases where a platform was disclosed) for 62 offences.'),
      ),
    ).toBe(1);
    const bars = await panel
      .locator('[data-tip]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-tip')));
    const value = (label: string) =>
      bars.find((t) => t?.includes(`platform records for "${label}": `))?.match(/": (\d+)/)?.[1];
    expect(value('Facebook')).toBe('18');
    expect(value('Snapchat')).toBe('16');
    expect(value('Instagram/WhatsApp')).toBe('17');
    expect(value('Facebook-owned apps (Facebook, Instagram, WhatsApp)')).toBe('27');
    // The inconsistency is shown, not hidden.
    expect(await shown(panel.getByText(/add up to 35/))).toBe(1);
    // A newspaper's 27 for Instagram/WhatsApp is a visible disagreement.
    expect(bars.find((t) => t?.includes('"Instagram/WhatsApp"'))).toMatch(
      /sources disagree: also published as 27/,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('names the base of the seed view (opened from its link) as platform records for offences', async () => {
    const { page, context } = await openPage(
      browser,
      '?view=platforms&force=hampshire&period=2017-04-03_2018-01-02',
    );
    await expect(page.locator('.denominator').first().innerText()).resolves.toBe(
      'Base: 67 platform records (cases where a platform was disclosed) for 62 offences.',
    );
    await context.close();
  });

  it('redraws the charts when the period changes, without a reload', async () => {
    const { page, context } = await openPage(browser);
    await pickHampshireNineMonths(page);
    await page.getByRole('tab', { name: 'Platforms' }).click();
    await page.getByRole('region', { name: /First nine months/ }).waitFor();
    await secondaryChartsDrawn(page);
    const before = await svgText(page);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.getByRole('checkbox', { name: '18 months (Apr 2017–Sep 2018)' }).check();
    await page.getByRole('region', { name: 'Hampshire, 18 months (Apr 2017–Sep 2018)' }).waitFor();
    await secondaryChartsDrawn(page);
    const after = await svgText(page);
    expect(after).not.toBe(before);
    expect(after).toContain('Instagram');
    // Same document: nothing reloaded.
    await expect(page.evaluate(() => (window as unknown as { marker: number }).marker)).resolves.toBe(1);
    await context.close();
  });

  it('shares the view: the URL restores the same view in a new page', async () => {
    const first = await openPage(browser);
    await pickHampshireNineMonths(first.page);
    await first.page.getByRole('tab', { name: 'Platforms' }).click();
    await first.page.getByRole('region', { name: /First nine months/ }).waitFor();
    await first.page.waitForURL(/view=platforms&force=hampshire/);
    const url = first.page.url();
    expect(url).toContain('view=platforms');
    expect(url).toContain('force=hampshire');
    const summary = await first.page.locator('.summary').textContent();
    await secondaryChartsDrawn(first.page);
    const charts = await svgText(first.page);

    const second = await openPage(browser, url);
    await second.page.getByRole('region', { name: /First nine months/ }).waitFor();
    await expect(second.page.locator('.summary').textContent()).resolves.toBe(summary);
    await expect(
      second.page.getByRole('tab', { name: 'Platforms' }).getAttribute('aria-selected'),
    ).resolves.toBe('true');
    await secondaryChartsDrawn(second.page);
    expect(await svgText(second.page)).toBe(charts);
    await first.context.close();
    await second.context.close();
  });

  it('goes back to the previous view with the Back button', async () => {
    const { page, context } = await openPage(browser, '?force=hampshire');
    await page.getByRole('tab', { name: 'Forces' }).click();
    await page.waitForURL(/view=forces/);
    expect(await shown(page.getByRole('heading', { name: /Offences by police force/ }))).toBe(1);
    await page.goBack();
    await expect(page.getByRole('tab', { name: 'Over time' }).getAttribute('aria-selected')).resolves.toBe(
      'true',
    );
    expect(new URL(page.url()).search).toBe('?force=hampshire');
    await context.close();
  });

  it('opens the nearest valid view from a stale link and says what it ignored', async () => {
    const { page, context, errors } = await openPage(
      browser,
      '?view=pie&force=hampshire,atlantis&period=1999-00',
    );
    const notice = page.getByRole('status').filter({ hasText: 'could not be used' });
    await expect(notice.textContent()).resolves.toMatch(/view=pie: no such view/);
    await expect(notice.textContent()).resolves.toMatch(/force=atlantis: no such area/);
    await expect(page.locator('.summary').textContent()).resolves.toContain('Hampshire');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('downloads the figures behind the view as CSV with source columns', async () => {
    const { page, context } = await openPage(
      browser,
      '?view=table&force=hampshire&period=2017-04-03_2018-01-02',
    );
    await page.locator('table.figures tbody tr').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Figures (CSV)' }).click(),
    ]);
    const text = await readFile((await download.path())!, 'utf8');
    const rows = aq.fromCSV(text, { autoType: false }).objects() as Record<string, string>[];
    const offences = rows.find((r) => r.measure === 'offences')!;
    expect(offences).toMatchObject({
      area: 'Hampshire',
      value: '62',
      qualifier: 'exact',
      period_start: '2017-04-03',
    });
    expect(offences.source_url).toMatch(/^https?:\/\//);
    const snapchat = rows.find((r) => r.measure === 'platform' && r.category === 'Snapchat')!;
    expect(snapchat.value).toBe('16');
    expect(rows.every((r) => r.area === 'Hampshire')).toBe(true);
    // Every fact once: the table's rows and the CSV's rows are the same figures.
    const tableRows = await page.locator('table.figures tbody tr').count();
    expect(rows.length).toBe(tableRows);
    await context.close();
  });

  it("reads the figures' notes after the first chart: details and table say they are coming, downloads wait", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const release = await holdNotes(page);
    await page.goto(new URL('?view=table&force=hampshire&period=2017-04-03_2018-01-02', baseURL()).href);
    const rows = page.locator('table.figures tbody tr');
    await rows.filter({ hasText: 'Loading notes…' }).first().waitFor();
    expect(await rows.filter({ hasText: 'exact dates not given' }).count()).toBe(0);
    // A download asked for now waits for the notes rather than leave them out.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Figures (CSV)' }).click();
    await page.locator('.downloads [role="status"]', { hasText: 'Waiting for the figures’ notes' }).waitFor();
    expect(await page.locator('.citation').count()).toBe(0); // the status line alone, no citation box
    release();
    const text = await readFile((await (await download).path())!, 'utf8');
    const csv = aq.fromCSV(text, { autoType: false }).objects() as Record<string, string>[];
    expect(csv.find((r) => r.measure === 'offences')?.note).toBe(
      'first nine months of the offence; exact dates not given',
    );
    await rows.filter({ hasText: 'exact dates not given' }).first().waitFor();
    expect(await rows.filter({ hasText: 'Loading notes…' }).count()).toBe(0);
    await context.close();
  });

  it("keeps the chart as drawn when the figures' notes come (they are looked up, not a new dataset)", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const release = await holdNotes(page);
    await page.goto(new URL('?force=hampshire&period=2017-04-03_2018-01-02', baseURL()).href);
    await page.locator('html[data-app="live"]').waitFor({ state: 'attached' });
    await page.locator('#view-panel .plot-host svg').first().waitFor();
    await page.waitForTimeout(500);
    // Every chart drawn from now on, counted.
    await page.evaluate(() => {
      const w = window as unknown as { __drawn: number };
      w.__drawn = 0;
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.addedNodes)
            if (n instanceof Element && (n.localName === 'svg' || n.querySelector('svg'))) w.__drawn++;
      }).observe(document.querySelector('#view-panel')!, { subtree: true, childList: true });
    });
    const came = page.waitForResponse(/\/assets\/notes-[^/]*\.json$/);
    release();
    await came;
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __drawn: number }).__drawn)).toBe(0);
    // They did come: the table shows them.
    await page.getByRole('tab', { name: 'Table' }).click();
    const rows = page.locator('table.figures tbody tr');
    await rows.filter({ hasText: 'exact dates not given' }).first().waitFor();
    expect(await rows.filter({ hasText: 'Loading notes…' }).count()).toBe(0);
    await context.close();
  });

  it("says so, and refuses an incomplete download, when the figures' notes cannot be read", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.route(/\/assets\/notes-[^/]*\.json$/, (route) => route.abort());
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.goto(new URL('?view=table&force=hampshire&period=2017-04-03_2018-01-02', baseURL()).href);
    await page.locator('table.figures tbody tr', { hasText: 'Notes could not be loaded.' }).first().waitFor();
    await page.getByRole('button', { name: 'Full dataset (CSV)' }).click();
    await page.locator('.downloads [role="status"]', { hasText: 'notes could not be loaded' }).waitFor();
    await page.waitForTimeout(300);
    expect(downloads).toBe(0);
    await context.close();
  });

  it('shows a designed error with a retry when the data fails to load', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    let fail = true;
    await page.route(/\/assets\/dataset-.*\.json$/, (route) => (fail ? route.abort() : route.continue()));
    await page.goto(baseURL());
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/could not be loaded/);
    fail = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    expect(await shown(page.getByRole('tab', { name: 'Over time' }))).toBe(1);
    await context.close();
  });

  it('offers the nearest selection with figures when a view is empty', async () => {
    const { page, context } = await openPage(browser, '?view=platforms&force=bedfordshire');
    expect(await shown(page.getByText(/No platform figures for this selection/))).toBe(1);
    // Bedfordshire never published platform figures: the nearest selection that has some is one click away.
    const nearest = page.getByRole('button', { name: /^Show / });
    const label = (await nearest.textContent())!.replace(/^Show /, '');
    await nearest.click();
    expect(await shown(page.getByRole('region', { name: label }))).toBe(1);
    expect(await page.locator('#view-panel svg').count()).toBeGreaterThan(0);
    await context.close();
  });
});

describe('keyboard only', () => {
  it('reaches the chart with the skip link, and every filter, tab and mark by keyboard', async () => {
    const { page, context } = await openPage(browser);
    await page.locator('.tabs').waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to the chart');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('view-panel');

    // Filters: search, then tab to the first matching checkbox and tick it with Space.
    await page.getByRole('searchbox', { name: 'Search forces and areas' }).focus();
    await page.keyboard.type('Hamp');
    const reached: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(
          () => (document.activeElement as HTMLInputElement | null)?.parentElement?.textContent?.trim() ?? '',
        ),
      );
      if (reached[reached.length - 1] === 'Hampshire') break;
    }
    expect(reached).toContain('Hampshire');
    await page.keyboard.press('Space');
    await expect(page.locator('.summary').textContent()).resolves.toContain('Hampshire');

    // Tabs: arrow keys move between views.
    await page.getByRole('tab', { name: 'Over time' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Platforms' }).getAttribute('aria-selected')).resolves.toBe(
      'true',
    );
    await page.keyboard.press('ArrowLeft');

    // Marks: one tab stop, arrows move, the tooltip follows focus, Enter opens the figure's source.
    const first = page.locator('#view-panel [data-tip]').first();
    await first.focus();
    const tip = page.getByRole('tooltip');
    await expect(tip.textContent()).resolves.toBe(await first.getAttribute('data-tip'));
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() => document.activeElement?.getAttribute('data-tip'));
    expect(second).not.toBe(await first.getAttribute('data-tip'));
    await expect(tip.textContent()).resolves.toBe(second);
    await page.keyboard.press('Enter');
    const detail = page.getByRole('region', { name: /Hampshire, / }).filter({ has: page.locator('dl') });
    await expect(detail.getByRole('link').first().getAttribute('href')).resolves.toMatch(/^https?:\/\//);
    await context.close();
  });
});

describe('layout', () => {
  it.each(['time', 'platforms', 'forces', 'table', 'coverage', 'sources'])(
    'nothing overflows a 375 px screen in the %s view',
    async (view) => {
      const { page, context } = await openPage(browser, `?view=${view}&force=hampshire,kent,wales`, {
        viewport: { width: 375, height: 800 },
      });
      await page.locator('#view-panel .frame').waitFor();
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        wide: [...document.querySelectorAll('body *')]
          .filter(
            (e) => !e.closest('.table-scroll') && e.getBoundingClientRect().right > window.innerWidth + 1,
          )
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
          .slice(0, 5),
      }));
      expect(overflow).toEqual({ page: 375, wide: [] });
      await context.close();
    },
  );
});

describe('on a phone', () => {
  it('builds the folded filters when they are first opened, then keeps them', async () => {
    const { page, context, errors } = await openPage(browser, '?force=hampshire', {
      viewport: { width: 375, height: 800 },
    });
    await page.locator('.embed-button:not(.later *)').waitFor(); // the start-up's last step has run
    const sidebar = page.locator('aside.filters');
    await expect(sidebar.locator('details.filters-toggle').getAttribute('open')).resolves.toBeNull();
    await expect(sidebar.locator('input, select, button').count()).resolves.toBe(0);

    await sidebar.getByText('Filters', { exact: true }).click();
    await page.getByRole('searchbox', { name: 'Search forces and areas' }).fill('Kent');
    await page.getByRole('checkbox', { name: 'Kent', exact: true }).check();
    await page.waitForURL(/force=[^&]*kent/);

    // Folded and opened again: the same controls, as the person left them.
    await sidebar.getByText('Filters', { exact: true }).click();
    await sidebar.getByText('Filters', { exact: true }).click();
    await expect(page.getByRole('searchbox', { name: 'Search forces and areas' }).inputValue()).resolves.toBe(
      'Kent',
    );
    await expect(page.getByRole('checkbox', { name: 'Kent', exact: true }).isChecked()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('rates per 100,000 children', () => {
  it('ranks forces by rate, names the denominator, keeps the choice in the URL, and exports it', async () => {
    const { page, context, errors } = await openPage(browser, '?view=forces&period=2017-18');
    const firstBar = async () =>
      (await page.locator('#view-panel [data-tip]').first().getAttribute('data-tip'))?.split(',')[0];
    expect(await firstBar()).toBe('Greater Manchester');

    await page.getByRole('radio', { name: 'Rate per 100,000 children under 16' }).check();
    await expect(page.locator('.subtitle').first().textContent()).resolves.toContain(
      'per 100,000 children under 16 (ONS mid-2020 estimate)',
    );
    // By rate, a smaller force leads: Cleveland's 95 offences over far fewer children.
    expect(await firstBar()).toBe('Cleveland');
    const hampshire = page.locator('#view-panel [data-tip^="Hampshire, 2017/18"]').first();
    await expect(hampshire.getAttribute('data-tip')).resolves.toMatch(
      /^Hampshire, 2017\/18 · 41\.8 per 100,000 children under 16 \(ONS mid-2020 estimate\) · 152 offences over 363,247 children/,
    );
    await page.waitForURL(/per=u16/);

    // A reload keeps the rate view.
    await page.reload();
    expect(await firstBar()).toBe('Cleveland');
    await expect(
      page.getByRole('radio', { name: 'Rate per 100,000 children under 16' }).isChecked(),
    ).resolves.toBe(true);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Figures (CSV)' }).click(),
    ]);
    const rows = aq
      .fromCSV(await readFile((await download.path())!, 'utf8'), { autoType: false })
      .objects() as Record<string, string>[];
    expect(rows.find((r) => r.area === 'Hampshire')).toMatchObject({
      value: '152',
      rate_per_100000: '41.8',
      rate_denominator: 'per 100,000 children under 16 (ONS mid-2020 estimate)',
      children: '363247',
      population_source: expect.stringContaining('Office for National Statistics'),
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses a rate where none is honest, and says why', async () => {
    const { page, context } = await openPage(browser, '?force=police-scotland,hampshire&per=u16');
    await page.locator('#view-panel svg').first().waitFor();
    await page.getByText(/with nothing to show/).click();
    await expect(page.locator('.gaps').textContent()).resolves.toMatch(
      /Police Scotland: 2017\/18 \(no rate: no population figure for Police Scotland\)/,
    );
    await context.close();
  });
});

describe('print', () => {
  it('prints the view and its source line, without the controls', async () => {
    const { page, context } = await openPage(browser, '?force=hampshire');
    await page.locator('#view-panel svg').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).display !== 'none');
    expect(await shown('.filters')).toBe(false);
    expect(await shown('.tabs')).toBe(false);
    expect(await shown('.downloads')).toBe(false);
    expect(await shown('#view-panel svg')).toBe(true);
    expect(await shown('.source-line')).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await context.close();
  });
});
