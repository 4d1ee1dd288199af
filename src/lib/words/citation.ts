/** A citation for the current view: what it shows, where the figures come from, and the link that restores it. */
export function citation(summary: string, viewName: string, url: string, today: Date = new Date()): string {
  const date = today.toISOString().slice(0, 10);
  return (
    `Sexual communication with a child: police FOI figures (${viewName}: ${summary}). ` +
    `Figures from police FOI disclosures, NSPCC releases and newspaper reports, as compiled in the FOI grooming-data explorer. ` +
    `${url} (accessed ${date}).`
  );
}
