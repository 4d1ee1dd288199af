/**
 * Pinned data releases in the built app: a link to the current release, an unknown or hostile id, and an
 * earlier release written into the served dist/ as the build writes one (releases/<id>/ and the index), read
 * through the same path the app uses. The earlier release is the current data with Hampshire's first nine
 * months at 60 offences instead of 62 (and Kent 2017/18 at 120, outside the view).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { precompress, precompressFile } from '../../build/precompress.ts';
import { join } from 'node:path';
import * as aq from 'arquero';
import { baseURL, launch, openPage } from '../support/browser.ts';
import { RELEASE_FILES, contentHash, type ReleaseIndex } from '../../build/release-archive.ts';
import { leanFiguresCSV } from '../../build/lean-figures.ts';
import { releaseId, type ReleaseInfo } from '../../src/lib/release/id.ts';

const dist = join(import.meta.dirname, '..', '..', 'dist', 'releases');
const HAMPSHIRE_9M = '?force=hampshire&period=2017-04-03_2018-01-02';

let browser: Browser;
let index: ReleaseIndex;
let indexText: string;
let current: ReleaseInfo;
let earlier: ReleaseInfo;

/** The earlier release's files: the current ones with two figures changed. */
function earlierFiles(files: Map<string, string>): Map<string, string> {
  const figures = files
    .get('figures.csv')!
    .split('\n')
    .map((line) =>
      /^f012[789],hampshire,2017-04-03,2018-01-02,offences,,62,/.test(line)
        ? line.replace(',62,', ',60,')
        : /^f01(69|70),kent,2017-04-03,2018-03-31,offences,,122,/.test(line)
          ? line.replace(',122,', ',120,')
          : line,
    )
    .join('\n');
  return new Map([...files, ['figures.csv', figures]]);
}

beforeAll(async () => {
  browser = await launch();
  indexText = await readFile(join(dist, 'index.json'), 'utf8');
  index = JSON.parse(indexText) as ReleaseIndex;
  current = index.current;
  const files = new Map<string, string>();
  for (const name of RELEASE_FILES) files.set(name, await readFile(join(dist, current.id, name), 'utf8'));
  const old = earlierFiles(files);
  expect(old.get('figures.csv')).not.toBe(files.get('figures.csv'));
  const hash = contentHash((name) => old.get(name)!);
  earlier = { id: releaseId('2026-11-28', hash), date: '2026-11-28', hash };
  await mkdir(join(dist, earlier.id), { recursive: true });
  for (const [name, text] of old) await writeFile(join(dist, earlier.id, name), text);
  await writeFile(join(dist, earlier.id, 'figures-lean.csv'), leanFiguresCSV(old.get('figures.csv')!));
  const published: ReleaseIndex = { current, releases: [...index.releases, earlier] };
  await writeFile(join(dist, 'index.json'), JSON.stringify(published, null, 2));
  // Served as the build serves its own files: with their .br and .gz beside them (else nginx would send the
  // build's compressed copy of the list, without the earlier release).
  await precompress(join(dist, earlier.id));
  await precompressFile(join(dist, 'index.json'));
});
afterAll(async () => {
  await browser?.close();
  if (indexText) {
    await writeFile(join(dist, 'index.json'), indexText);
    await precompressFile(join(dist, 'index.json'));
  }
  if (earlier) await rm(join(dist, earlier.id), { recursive: true, force: true });
});

/** Every URL the page requests, from now on. */
function requests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

const tip = (page: Page) => page.locator('#view-panel [data-tip]').first().getAttribute('data-tip');
const notice = (page: Page) => page.locator('.release-notice');
const snippet = (page: Page) => page.locator('#snippet-iframe').inputValue();

describe('a link pinned to a data release', () => {
  it('to the current release shows its figures, says so, and stamps it on the page and the CSV', async () => {
    const { page, context, errors } = await openPage(browser, `${HAMPSHIRE_9M}&data=${current.id}`);
    await expect(tip(page)).resolves.toMatch(/offences: 62 · /);
    await expect(notice(page).innerText()).resolves.toBe(
      `Data as of release ${current.date} (${current.hash}), the current release.`,
    );
    await expect(page.locator('.site-footer .release-line').innerText()).resolves.toContain(
      `Data release ${current.date} (${current.hash}).`,
    );
    await expect(page.locator('.source-line').innerText()).resolves.toContain(
      `Data release ${current.date} (${current.hash}).`,
    );
    expect(await page.locator('.notice').count()).toBe(0); // nothing ignored
    // The pin stays in the address as the filters change.
    await page.getByRole('tab', { name: 'Table' }).click();
    await page.waitForFunction(() => location.search.includes('view=table'));
    expect(new URL(page.url()).searchParams.get('data')).toBe(current.id);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Figures (CSV)' }).click(),
    ]);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text.startsWith(`data_release,figure_id,origin,area,`)).toBe(true);
    expect(text.split('\n')[1]!.startsWith(`${current.id},f0`)).toBe(true);
    const table = aq.fromCSV(text); // a CSV reader's default mode
    expect(Array.from(table.array('data_release') as ArrayLike<unknown>).every((v) => v === current.id)).toBe(
      true,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('to an unknown or hostile release is ignored with the notice of stale keys, reading nothing outside releases/', async () => {
    for (const value of ['2020-01-01-abcdef', '..%2F..%2Findex.html', `2026-11-28-${'a'.repeat(3000)}`]) {
      const { page, context, errors } = await openPage(browser, null);
      const urls = requests(page);
      await page.goto(new URL(`${HAMPSHIRE_9M}&data=${value}`, baseURL()).href);
      await page.locator('html[data-app="live"]').waitFor({ state: 'attached' });
      const ignored = page.locator('.notice', { hasText: 'Part of this link could not be used' });
      await expect(ignored.locator('li').innerText()).resolves.toMatch(
        /^data=.+: no such data release: showing the current release$/,
      );
      await expect(tip(page)).resolves.toMatch(/offences: 62 · /);
      expect(await notice(page).count()).toBe(0);
      const data = urls.filter((u) => /\.(csv|json)(\?|$)/.test(u));
      expect(
        data.filter((u) => new URL(u).pathname.includes('/releases/') && !u.endsWith('/releases/index.json')),
      ).toEqual([]);
      expect(data.every((u) => !u.includes('..'))).toBe(true);
      await page.waitForFunction(() => !location.search.includes('data='));
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});

describe('an earlier release', () => {
  it('shows its own figures on a pinned link, the current ones on the unpinned link, and what changed', async () => {
    const { page, context, errors } = await openPage(browser, null);
    const urls = requests(page);
    await page.goto(new URL(`${HAMPSHIRE_9M}&data=${earlier.id}`, baseURL()).href);
    await page.locator('html[data-app="live"]').waitFor({ state: 'attached' });
    await expect(tip(page)).resolves.toMatch(
      /^Hampshire, First nine months \(Apr 2017–Jan 2018\) · offences: 60 · /,
    );
    expect(urls).toContain(new URL(`releases/${earlier.id}/figures.csv`, baseURL()).href);
    await expect(notice(page).locator('p').innerText()).resolves.toBe(
      `Data as of release ${earlier.date} (${earlier.hash}); the current release is ${current.date}, ` +
        'which changes 1 figure in this view. Show current.',
    );
    await notice(page).getByText(`What changed since ${earlier.date}`).click();
    await expect(notice(page).locator('li').allInnerTexts()).resolves.toEqual([
      'Hampshire, First nine months (Apr 2017–Jan 2018): offences 60 → 62',
    ]);
    await expect(page.locator('.site-footer .release-line').innerText()).resolves.toContain(
      `Data release ${earlier.date} (${earlier.hash}), as this link asks`,
    );

    // The citation names the release and the figures, with a link that keeps the pin.
    await page.getByRole('button', { name: 'Cite this view' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cite this view' });
    const cited = await dialog.getByLabel('Text', { exact: true }).inputValue();
    expect(cited).toContain(`; 1 figure, data release ${earlier.date} (${earlier.hash}). `);
    expect(cited).toContain(`data=${earlier.id} (accessed `);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The embed snippet pins the release shown, unless the person asks for the latest figures.
    await page.getByRole('button', { name: 'Embed this chart' }).click();
    await expect(snippet(page)).resolves.toContain(`&amp;data=${earlier.id}"`);
    await page.getByRole('checkbox', { name: 'Always show the latest figures' }).check();
    await expect(snippet(page)).resolves.not.toContain('data=');
    await page.getByRole('button', { name: 'Close' }).click();

    // "Show current" drops the pin.
    await notice(page).getByRole('link', { name: 'Show current' }).click();
    await page.waitForURL((u) => !u.search.includes('data='));
    await page.locator('html[data-app="live"]').waitFor({ state: 'attached' });
    await expect(tip(page)).resolves.toMatch(/offences: 62 · /);
    expect(await notice(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('counts only the figures of the view: another view of the same release changes none', async () => {
    const { page, context } = await openPage(browser, `?force=kent&period=2018-19&data=${earlier.id}`);
    await expect(notice(page).locator('p').innerText()).resolves.toContain(
      'which changes no figures in this view.',
    );
    await context.close();
  });

  it('pins an embed: the snippet from an unpinned page carries the current release, the embed its own', async () => {
    const unpinned = await openPage(browser, HAMPSHIRE_9M);
    await unpinned.page.getByRole('button', { name: 'Embed this chart' }).click();
    await expect(snippet(unpinned.page)).resolves.toContain(`&amp;data=${current.id}"`);
    await unpinned.context.close();

    const { page, context, errors } = await openPage(browser, null);
    const urls = requests(page);
    await page.goto(new URL(`embed.html${HAMPSHIRE_9M}&data=${earlier.id}`, baseURL()).href);
    await page.locator('html[data-app="live"]').waitFor({ state: 'attached' });
    await expect(tip(page)).resolves.toMatch(/offences: 60 · /);
    expect(urls).toContain(new URL(`releases/${earlier.id}/figures-lean.csv`, baseURL()).href);
    await expect(page.locator('.source-line').innerText()).resolves.toContain(
      `Data release ${earlier.date} (${earlier.hash}).`,
    );
    await expect(notice(page).locator('p').innerText()).resolves.toContain(
      'which changes 1 figure in this view.',
    );
    const explore = await page.getByRole('link', { name: /Explore these figures/ }).getAttribute('href');
    expect(new URL(explore!).searchParams.get('data')).toBe(earlier.id);
    expect(errors).toEqual([]);
    await context.close();
  });
});
