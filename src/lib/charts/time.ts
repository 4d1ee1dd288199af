/**
 * Over time: each figure drawn across the days it covers; financial years joined by a line broken at gaps.
 *
 * Encodings that never move with the selection:
 * - Colour: every series goes through Plot's colour scale with a fixed domain, every area of the dataset in
 *   one fixed order, and its fixed range (`view.colours`, from src/lib/charts/domains.ts). An area keeps its
 *   colour alone or beside others; adding or removing a series never recolours another.
 * - y: from 0 to 8% above the largest lower bound of the view's points (at least 10), then made nice; room for
 *   the "at least" arrows. It depends on the view model alone, never on the width or on what was drawn
 *   before, so drawing the same view model again (a tab switch) gives the same axis.
 */
import * as Plot from '@observablehq/plot';
import type { TimeView } from '../views/time.ts';
import { figureHref, finish, type ChartOptions } from './common.ts';
import { formatNumber } from '../words/numbers.ts';

/** Each series' colour, from the chart's fixed scale: for the legend beside the chart. */
export function seriesColours(view: TimeView): Map<string, string> {
  const { domain, range } = view.colours;
  const colour = new Map(domain.map((id, i) => [id, range[i]!]));
  return new Map(view.series.map((s) => [s.id, colour.get(s.id) ?? range[0]!]));
}

export function timeChart(view: TimeView, { width, document }: ChartOptions): SVGSVGElement | HTMLElement {
  const solid = view.points.filter((p) => !p.coverage || p.coverage.n === p.coverage.of);
  const hollow = view.points.filter((p) => p.coverage && p.coverage.n < p.coverage.of);
  const atLeast = view.points.filter((p) => p.atLeast);
  const max = Math.max(10, ...view.points.map((p) => p.lo));
  const describe = view.series
    .map((s) => {
      const pts = view.points.filter((p) => p.series === s.id);
      return `${s.name}: ${pts.length ? pts.map((p) => `${p.periodLabel} ${p.atLeast ? 'at least ' : ''}${formatNumber(p.lo)}`).join(', ') : 'no figures'}`;
    })
    .join('. ');
  return finish(
    Plot.plot({
      document,
      width,
      height: Math.max(260, Math.min(420, width * 0.55)),
      marginLeft: 56,
      marginRight: 16,
      ariaLabel: view.title,
      ariaDescription: describe || 'No figures for this selection.',
      x: { type: 'utc', label: null, nice: true },
      y: { grid: true, label: view.yLabel, domain: [0, max * 1.08], nice: true },
      color: { type: 'ordinal', domain: view.colours.domain, range: view.colours.range },
      marks: [
        Plot.ruleY([0]),
        Plot.line(view.lines, {
          x: 'mid',
          y: 'y',
          z: 'series',
          stroke: 'series',
          strokeWidth: 2,
          curve: 'linear',
        }),
        // The span of each figure's period.
        Plot.ruleY(view.points, {
          x1: 'start',
          x2: 'end',
          y: 'lo',
          stroke: 'series',
          strokeWidth: (d) => (d.annual ? 2 : 4),
          strokeOpacity: (d) => (d.annual ? 0.35 : 0.8),
        }),
        // "At least" figures: an arrow up from the lower bound.
        Plot.arrow(atLeast, {
          x: 'mid',
          y1: 'lo',
          y2: (d: { lo: number }) => d.lo + max * 0.08,
          stroke: 'series',
          strokeWidth: 1.5,
          headLength: 6,
        }),
        Plot.dot(solid, {
          x: 'mid',
          y: 'lo',
          r: 4.5,
          fill: 'series',
          stroke: 'var(--surface, #fff)',
          symbol: (d: { approximate: boolean }) => (d.approximate ? 'diamond' : 'circle'),
          title: 'tip',
          href: figureHref,
        }),
        Plot.dot(hollow, {
          x: 'mid',
          y: 'lo',
          r: 5,
          fill: 'var(--surface, #fff)',
          stroke: 'series',
          strokeWidth: 2,
          title: 'tip',
        }),
        // The person's own imported figures: a dashed ring.
        Plot.dot(
          view.points.filter((p) => p.user),
          {
            x: 'mid',
            y: 'lo',
            r: 9,
            fill: 'none',
            stroke: 'currentColor',
            strokeDasharray: '2 2',
            pointerEvents: 'none',
          },
        ),
        Plot.text(hollow, {
          x: 'mid',
          y: 'lo',
          dy: 14,
          text: (d) => `${d.coverage!.n} of ${d.coverage!.of}`,
          fontSize: 10,
          fill: 'currentColor',
          pointerEvents: 'none',
        }),
        Plot.text(
          view.points.filter((p) => p.disagree),
          {
            x: 'mid',
            y: 'lo',
            dx: 8,
            dy: -8,
            text: () => '†',
            fontSize: 13,
            fill: 'currentColor',
            pointerEvents: 'none',
          },
        ),
      ],
    }),
  );
}
