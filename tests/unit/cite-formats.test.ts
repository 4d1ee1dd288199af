/**
 * "Cite this view" in the formats reference managers import: the BibTeX and RIS of a pinned view parse back with
 * the same library (Citation.js) and carry the release, the pinned link and the access date; so does the CSL-JSON.
 */
import { describe, expect, it } from 'vitest';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex'; // the reader too, to parse what the site writes
import { citation } from '../../src/lib/words/citation.ts';
import { FORMATS, citationFile, citationFormats, cslItem } from '../../src/lib/export/cite-formats.ts';
import { parseReleaseId } from '../../src/lib/release/id.ts';

const RELEASE = parseReleaseId('2026-12-01-f3c32b')!;
// A pinned link as the explorer writes one: a sub-path, several forces, a period, the release; over 70 characters.
const URL =
  'https://example.org/tools/foi/?view=platforms&force=hampshire,kent&period=2017-04-03_2018-01-02&data=2026-12-01-f3c32b';
const pinned = citation(
  'Hampshire, Kent · First nine months (Apr 2017–Jan 2018)',
  'Platforms',
  URL,
  new Date('2026-12-04T09:30:00Z'),
  RELEASE,
  12,
);
const formats = citationFormats(pinned);
const parsed = (text: string) => new Cite(text).data[0]!;

describe('a pinned view cited', () => {
  it('in BibTeX: parses back with its title, the pinned link, and the release and access date in its note', () => {
    expect(formats.bibtex).toMatch(/^@misc\{foi_grooming_2026_12_01_f3c32b,/);
    const item = parsed(formats.bibtex);
    expect(item.URL).toBe(URL);
    expect(item.title).toBe(pinned.title);
    expect(item.note).toContain('Data release 2026-12-01 (f3c32b); 12 figures; accessed 2026-12-04.');
    expect(item.issued).toEqual({ 'date-parts': [[2026, 12, 1]] });
  });

  it('in RIS: parses back with the release as its edition, the pinned link whole and the access date', () => {
    const item = parsed(formats.ris);
    expect(item.type).toBe('dataset');
    expect(item.version).toBe(RELEASE.id);
    expect(item.URL).toBe(URL);
    expect(item.title).toBe(pinned.title);
    expect(item.accessed).toEqual({ 'date-parts': [[2026, 12, 4]] });
    // One line per tag: the plugin's own writer would break the link after 70 characters.
    expect(formats.ris.split('\n')).toContain(`UR  - ${URL}`);
    expect(formats.ris.split('\n').every((l) => l === '' || /^[A-Z][A-Z0-9] {2}-( |$)/.test(l))).toBe(true);
  });

  it('in CSL-JSON: the item itself, with the version, the link and the access date', () => {
    const [item] = JSON.parse(formats.csl) as Record<string, unknown>[];
    expect(item).toMatchObject({
      type: 'dataset',
      version: RELEASE.id,
      URL,
      accessed: { 'date-parts': [[2026, 12, 4]] },
      author: [{ literal: 'FOI grooming-data explorer' }],
    });
    expect(parsed(formats.csl).version).toBe(RELEASE.id);
  });

  it('names its files by the release', () => {
    expect(FORMATS.map((f) => citationFile(pinned, f))).toEqual([
      'foi-grooming-2026-12-01-f3c32b-citation.bib',
      'foi-grooming-2026-12-01-f3c32b-citation.ris',
      'foi-grooming-2026-12-01-f3c32b-citation.json',
    ]);
  });

  it('without a release: no version, issued on the access date', () => {
    const plain = citation('All forces', 'Over time', 'https://example.org/', new Date('2026-12-04'));
    expect(cslItem(plain)).toMatchObject({ id: 'foi_grooming', issued: { 'date-parts': [[2026, 12, 4]] } });
    expect(cslItem(plain)).not.toHaveProperty('version');
    expect(parsed(citationFormats(plain).ris).URL).toBe('https://example.org/');
  });
});
