/**
 * A view's citation in the formats reference managers import: BibTeX (Zotero, Mendeley, JabRef, LaTeX), RIS
 * (EndNote, Zotero, Mendeley) and CSL-JSON (Zotero, Pandoc, citeproc), each with the data release, the pinned
 * link and the access date. Made by Citation.js (@citation-js/core with its BibTeX and RIS plugins): it runs
 * under the site's policy (no eval, no Function), and this module is fetched only when the citation dialog
 * opens, never with the first chart.
 */
import { Cite, plugins } from '@citation-js/core';
// BibTeX's writer only: its reader (and the CommonJS tokenizer it brings) is for reading .bib files, which the
// site never does. The plugin registers the same formats under the same name when imported whole (the tests do).
import bibtexOutput from '@citation-js/plugin-bibtex/lib-mjs/output/index.js';
import bibtexConfig from '@citation-js/plugin-bibtex/lib-mjs/config.js';
import '@citation-js/plugin-ris';
import type { ViewCitation } from '../words/citation.ts';

/**
 * Who compiled the figures: the author and publisher of the work cited. (words/citation.ts names it in the text;
 * not imported from there, which would move that module out of the explorer's own chunk into one the embed loads.)
 */
const COMPILER = 'FOI grooming-data explorer';

plugins.add('@bibtex', { output: bibtexOutput, config: bibtexConfig });

export type FormatId = 'bibtex' | 'ris' | 'csl';

export interface CitationFormat {
  id: FormatId;
  /** What a person calls it. */
  name: string;
  /** The downloaded file's extension and media type. */
  extension: string;
  type: string;
}

export const FORMATS: readonly CitationFormat[] = [
  { id: 'bibtex', name: 'BibTeX', extension: 'bib', type: 'application/x-bibtex' },
  { id: 'ris', name: 'RIS', extension: 'ris', type: 'application/x-research-info-systems' },
  { id: 'csl', name: 'CSL-JSON', extension: 'json', type: 'application/vnd.citationstyles.csl+json' },
];

type DateParts = { 'date-parts': number[][] };
const dateParts = (iso: string): DateParts => ({ 'date-parts': [iso.split('-').map(Number)] });

/** The view as one CSL-JSON item: the form every other format is made from. */
export function cslItem(c: ViewCitation): Record<string, unknown> {
  // Letters, digits and underscores: the only key BibTeX's plugin keeps as given.
  const key = c.release ? `foi_grooming_${c.release.id.replaceAll('-', '_')}` : 'foi_grooming';
  const figures = c.figures === undefined ? '' : `; ${c.figures} figure${c.figures === 1 ? '' : 's'}`;
  return {
    id: key,
    'citation-key': key,
    type: 'dataset',
    title: c.title,
    author: [{ literal: COMPILER }],
    publisher: COMPILER,
    ...(c.release
      ? { version: c.release.id, issued: dateParts(c.release.date) }
      : { issued: dateParts(c.accessed) }),
    URL: c.url,
    accessed: dateParts(c.accessed),
    // BibTeX has no field for the version or the access date: the note carries both, in every format alike.
    note:
      (c.release ? `Data release ${c.release.date} (${c.release.hash})${figures}; ` : '') +
      `accessed ${c.accessed}. Figures from police FOI disclosures, NSPCC releases and newspaper reports.`,
  };
}

/**
 * RIS lines as the RIS plugin maps them, one line per tag and value, never wrapped: the plugin's own writer
 * breaks values every 70 characters, and a reader (the plugin's own parser among them) joins the pieces with a
 * space, which would break a pinned link longer than that.
 */
function risText(entries: Record<string, unknown>[]): string {
  return entries
    .map((entry) => {
      const lines = [`TY  - ${String(entry.TY)}`];
      for (const [tag, value] of Object.entries(entry))
        if (tag !== 'TY') for (const v of [value].flat()) lines.push(`${tag}  - ${String(v)}`);
      lines.push('ER  - ');
      return lines.join('\n');
    })
    .join('\n');
}

/** The view's citation in each format, as text. */
export function citationFormats(c: ViewCitation): Record<FormatId, string> {
  const cite = new Cite([cslItem(c)]);
  return {
    bibtex: (cite.format('bibtex') as string).trim() + '\n',
    ris: risText(cite.format('ris', { format: 'object' }) as Record<string, unknown>[]) + '\n',
    csl: JSON.stringify(cite.format('data', { format: 'object' }), null, 2) + '\n',
  };
}

/** The file name of a view's citation in a format. */
export const citationFile = (c: ViewCitation, f: CitationFormat): string =>
  `${c.release ? `foi-grooming-${c.release.id}` : 'foi-grooming'}-citation.${f.extension}`;
