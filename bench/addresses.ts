/**
 * The addresses every browser budget is measured at: each page at its default address and at filtered ones,
 * in both themes, so that a budget met only where it was tuned shows up as a miss.
 */

export type PageKind = 'explorer' | 'embed';

export interface Address {
  /** Short name for the table; the query says what it is. */
  name: string;
  page: PageKind;
  /** '' or '?…' */
  query: string;
}

export const ADDRESSES: readonly Address[] = [
  { name: 'explorer', page: 'explorer', query: '' },
  { name: 'explorer hampshire', page: 'explorer', query: '?force=hampshire' },
  {
    name: 'explorer platforms',
    page: 'explorer',
    query: '?view=platforms&force=hampshire&period=2017-04-03_2018-01-02',
  },
  { name: 'explorer forces-u16', page: 'explorer', query: '?view=forces&per=u16' },
  { name: 'explorer forces-u18', page: 'explorer', query: '?view=forces&per=u18' },
  { name: 'embed', page: 'embed', query: '' },
  { name: 'embed show-dark', page: 'embed', query: '?show=title,source&theme=dark' },
  { name: 'embed hampshire', page: 'embed', query: '?force=hampshire' },
  { name: 'embed two-forces-dark', page: 'embed', query: '?force=hampshire,thames-valley&theme=dark' },
];

export const HTML_FILE: Record<PageKind, string> = { explorer: 'index.html', embed: 'embed.html' };

export const urlOf = (base: string, a: Address): string =>
  `${base}${a.page === 'embed' ? 'embed.html' : ''}${a.query}`;

/** A file-name-safe form of an address's name, for the raw reports in bench/out. */
export const slug = (a: Address): string => a.name.replace(/[^a-z0-9]+/g, '-');
