/** The citation of a view: given the figures it shows, its text (see {@link citation}). */
export type Citation = string | ((figures: number) => string);

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
): string {
  const date = today.toISOString().slice(0, 10);
  const count = figures === undefined ? '' : `${figures} figure${figures === 1 ? '' : 's'}, `;
  const data = release ? `; ${count}data release ${release.date} (${release.hash})` : '';
  return (
    `Sexual communication with a child: police FOI figures (${viewName}: ${summary}). ` +
    `Figures from police FOI disclosures, NSPCC releases and newspaper reports, as compiled in the FOI grooming-data explorer${data}. ` +
    `${url} (accessed ${date}).`
  );
}
