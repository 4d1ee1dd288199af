/** The addresses the browser budgets are measured at: each page at its default address and filtered ones. */

export type PageKind = 'explorer' | 'embed';

export interface Address {
  /** Short name for the table; the query says what it is. */
  name: string;
  page: PageKind;
  /** '' or '?…' */
  query: string;
  /** Also run Lighthouse here (each page at its default address and one filtered address). */
  lighthouse: boolean;
}

export const ADDRESSES: readonly Address[] = [
  { name: 'explorer', page: 'explorer', query: '', lighthouse: true },
  { name: 'explorer hampshire', page: 'explorer', query: '?force=hampshire', lighthouse: true },
  {
    name: 'explorer platforms',
    page: 'explorer',
    query: '?view=platforms&force=hampshire&period=2017-04-03_2018-01-02',
    lighthouse: false,
  },
  { name: 'explorer forces-u16', page: 'explorer', query: '?view=forces&per=u16', lighthouse: false },
  { name: 'embed', page: 'embed', query: '', lighthouse: true },
  { name: 'embed show-dark', page: 'embed', query: '?show=title,source&theme=dark', lighthouse: false },
  { name: 'embed hampshire', page: 'embed', query: '?force=hampshire', lighthouse: true },
];

export const HTML_FILE: Record<PageKind, string> = { explorer: 'index.html', embed: 'embed.html' };

export const urlOf = (base: string, a: Address): string =>
  `${base}${a.page === 'embed' ? 'embed.html' : ''}${a.query}`;

/** The static page holding the same chart(s), written into the served folder. */
export const staticFile = (a: Address): string => `bench-static-${a.name.replace(/[^a-z0-9]+/g, '-')}.html`;

/** Weight budgets, gzip bytes (DESIGN.md). */
export const WEIGHT_BUDGET: Record<PageKind, number> = { explorer: 200_000, embed: 140_000 };
/** First chart against the static page with the same chart (ratio of medians). */
export const FIRST_CHART_BUDGET: Record<PageKind, number> = { explorer: 2, embed: 1.5 };
