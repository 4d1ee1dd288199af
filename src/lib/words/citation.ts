/**
 * A view's citation: what it shows, where the figures come from, the release and the link that restores it.
 * The text is what "Cite this view" gives to paste; the parts are what the reference-manager formats are made of
 * (src/lib/export/cite-formats.ts, loaded when the citation dialog opens).
 */
export interface ViewCitation {
  /** The citation as one line of text. */
  text: string;
  /** The view in words: "Sexual communication with a child: police FOI figures (Over time: …)". */
  title: string;
  /** The link that restores the view, pinned to the release when there is one. */
  url: string;
  /** The access date, YYYY-MM-DD. */
  accessed: string;
  /** The data release shown. */
  release?: { id: string; date: string; hash: string };
  /** How many figures the view shows. */
  figures?: number;
}

/** The citation of a view: given the figures it shows, its citation (see {@link citation}); '' for none. */
export type Citation = string | ((figures: number) => ViewCitation);

/** Who compiled the figures, as a citation names the work. */
export const COMPILER = 'FOI grooming-data explorer';

/**
 * A citation for the current view: what it shows, where the figures come from, and the link that restores it.
 * With a data release, it names the release and how many figures the view shows; the link should then pin that
 * release (`data=<id>`) so that it shows the same numbers later.
 */
export function citation(
  summary: string,
  viewName: string,
  url: string,
  today: Date = new Date(),
  release?: { date: string; hash: string },
  figures?: number,
): ViewCitation {
  const accessed = today.toISOString().slice(0, 10);
  const count = figures === undefined ? '' : `${figures} figure${figures === 1 ? '' : 's'}, `;
  const data = release ? `; ${count}data release ${release.date} (${release.hash})` : '';
  const title = `Sexual communication with a child: police FOI figures (${viewName}: ${summary})`;
  return {
    text:
      `${title}. Figures from police FOI disclosures, NSPCC releases and newspaper reports, as compiled in the ` +
      `${COMPILER}${data}. ${url} (accessed ${accessed}).`,
    title,
    url,
    accessed,
    ...(release ? { release: { id: `${release.date}-${release.hash}`, ...release } } : {}),
    ...(figures === undefined ? {} : { figures }),
  };
}
