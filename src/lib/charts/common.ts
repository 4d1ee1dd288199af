/** What every chart function shares: accessible output and the hook the tooltips use. */

export interface ChartOptions {
  width: number;
  /** The document to draw into: the page's in the browser, jsdom's in tests. */
  document?: Document;
}

/**
 * Plot labels role-less <g> elements, which axe rejects: give them role="group". Marks that carry a
 * tooltip (a <title> child) keep the text in `data-tip` for the focusable tooltip layer.
 */
export function finish<T extends Element>(chart: T): T {
  for (const g of chart.querySelectorAll('g[aria-label]')) g.setAttribute('role', 'group');
  for (const title of chart.querySelectorAll('title')) {
    const shape = title.parentElement;
    if (!shape || shape.tagName.toLowerCase() === 'svg') continue;
    // A mark linked to its figure (Plot wraps it in <a href="#fig-…">) is focused and picked as the link.
    const link = shape.parentElement?.tagName.toLowerCase() === 'a' ? shape.parentElement : null;
    const mark = link ?? shape;
    mark.setAttribute('data-tip', title.textContent ?? '');
    const href = link?.getAttribute('href') ?? '';
    if (href.startsWith(FIGURE_HREF)) mark.setAttribute('data-figure', href.slice(FIGURE_HREF.length));
    title.remove();
  }
  return chart;
}

/** Marks link to their figure's details with this fragment prefix. */
export const FIGURE_HREF = '#figure-';
export const figureHref = (d: { fact: { preferred: { id: string } } | null }): string | null =>
  d.fact ? FIGURE_HREF + d.fact.preferred.id : null;

export const fmt = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
