/**
 * "Cite this view" and the dataset as a Data Package in the built app, served by nginx with the shipped policy:
 * the dialog (with Citation.js, fetched only when asked for) gives BibTeX, RIS and CSL-JSON for the view pinned
 * to its release, under the security policy; the BibTeX download parses back; the release's zip and package are
 * served beside its files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { unzipSync } from 'fflate';
import { baseURL, launch, openPage } from '../support/browser.ts';
import type { ReleaseIndex } from '../../build/release-archive.ts';

const HAMPSHIRE_9M = '?force=hampshire&period=2017-04-03_2018-01-02';

let browser: Browser;
let current: ReleaseIndex['current'];
beforeAll(async () => {
  browser = await launch();
  const index = (await (await fetch(new URL('releases/index.json', baseURL()))).json()) as ReleaseIndex;
  current = index.current;
});
afterAll(async () => {
  await browser?.close();
});

describe('Cite this view', () => {
  it('offers BibTeX, RIS and CSL-JSON of the pinned view; the BibTeX download parses back', async () => {
    const { page, context, errors } = await openPage(browser, HAMPSHIRE_9M);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused/i.test(m.text())) violations.push(m.text());
    });
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    const before = fetched.length;

    await page.getByRole('button', { name: 'Cite this view' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cite this view' });
    await dialog.waitFor();
    // The dialog's code (and Citation.js with it) came only now.
    expect(fetched.slice(before).some((u) => /\/assets\/CiteDialog-[^/]+\.js$/.test(u))).toBe(true);
    await expect(dialog.getByLabel('Text', { exact: true }).inputValue()).resolves.toContain(
      `data release ${current.date} (${current.hash})`,
    );
    await expect(dialog.getByLabel('RIS', { exact: true }).inputValue()).resolves.toContain(
      `ET  - ${current.id}`,
    );
    await expect(dialog.getByLabel('CSL-JSON', { exact: true }).inputValue()).resolves.toContain(
      `"version": "${current.id}"`,
    );

    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download BibTeX (.bib)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`foi-grooming-${current.id}-citation.bib`);
    const bibtex = await readFile((await file.path())!, 'utf8');
    const [item] = new Cite(bibtex).data;
    expect(item!.URL).toBe(new URL(`${HAMPSHIRE_9M}&data=${current.id}`, baseURL()).href);
    expect(item!.note).toContain(`Data release ${current.date} (${current.hash})`);
    await expect(dialog.getByRole('status').innerText()).resolves.toBe('BibTeX downloaded.');

    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the dataset as a Data Package', () => {
  it("serves each release's datapackage.json and zip, which the page links to", async () => {
    const { page, context } = await openPage(browser, '');
    const href = await page.getByRole('link', { name: 'Full dataset (zip)' }).getAttribute('href');
    expect(href).toBe(`releases/${current.id}/foi-grooming-data-${current.id}.zip`);
    const zip = await fetch(new URL(href!, baseURL()));
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const files = Object.keys(unzipSync(new Uint8Array(await zip.arrayBuffer())));
    expect(files).toContain(`${current.id}/datapackage.json`);
    expect(files).toContain(`${current.id}/CHANGELOG.md`);
    const pkg = (await (
      await fetch(new URL(`releases/${current.id}/datapackage.json`, baseURL()))
    ).json()) as { version: string; resources: unknown[] };
    expect(pkg.version).toBe(current.id);
    expect(pkg.resources).toHaveLength(7);
    await context.close();
  });
});
