/** What every chart function shares: accessible output, the hook the tooltips use, the bars' outlines. */
import * as Plot from '@observablehq/plot';

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

/**
 * Makes every mark with a tooltip reachable by keyboard: one tab stop (the first mark), the tooltip text as its
 * name, and a link role kept for marks that open their figure (a plain mark is an image with a name).
 */
export function decorateMarks<T extends Element>(chart: T): T {
  const marks = [...chart.querySelectorAll<SVGElement>('[data-tip]')];
  marks.forEach((m, i) => {
    m.setAttribute('tabindex', i === 0 ? '0' : '-1');
    if (m.tagName.toLowerCase() !== 'a') m.setAttribute('role', 'img');
    m.setAttribute('aria-label', m.getAttribute('data-tip') ?? '');
    m.classList.add('mark');
  });
  return chart;
}

/** Marks link to their figure's details with this fragment prefix. */
export const FIGURE_HREF = '#figure-';
export const figureHref = (d: { fact: { preferred: { id: string } } | null }): string | null =>
  d.fact ? FIGURE_HREF + d.fact.preferred.id : null;

/**
 * The outlines over a bar chart's bars: dashed for a possibly incomplete figure (its value is followed by "?",
 * and the notes say what it means), solid for the person's own imported figures (labelled in words).
 */
export function barOutlines(bars: { incomplete: boolean; user: boolean }[], y: string): Plot.Markish[] {
  const outline = { x: 'lo', y, fill: 'none', stroke: 'currentColor', pointerEvents: 'none' } as const;
  return [
    Plot.barX(
      bars.filter((b) => b.incomplete),
      { ...outline, strokeWidth: 1.5, strokeDasharray: '4 3' },
    ),
    Plot.barX(
      bars.filter((b) => b.user),
      { ...outline, strokeWidth: 2 },
    ),
  ];
}
