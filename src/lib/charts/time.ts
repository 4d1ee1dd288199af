/**
 * Over time: each figure drawn across the days it covers; financial years joined by a line broken at gaps.
 *
 * Encodings that never move with the selection:
 * - Colour: every series goes through Plot's colour scale with a fixed domain, every area of the dataset in
 *   one fixed order, and its fixed range (`view.colourOrder`, made into a scale by src/lib/charts/domains.ts). An area keeps its
 *   colour alone or beside others; adding or removing a series never recolours another.
 * - y: from 0 to 8% above the largest lower bound of the view's points (at least 10), then made nice; room for
 *   the "at least" arrows and the value labels. It depends on the view model alone, never on the width or on
 *   what was drawn before, so drawing the same view model again (a tab switch) gives the same axis.
 *
 * Possibly incomplete figures (data/figures.csv `completeness`, or a total that includes one): a hollow square
 * in the series' colour with a "?" beside it, and no line through it. The line is broken on both sides rather
 * than drawn to the point dashed or bridged over it: a dashed line would still draw the change (Hampshire's 291 to
 * 18) as a slope, and a bridge from 2019/20 to 2022/23 would invent the years between. A break says what the
 * sources say: the figure is there, but whether it rose or fell is not known. The legend and the chart's notes
 * say it in words (the notes travel with the SVG and PNG downloads and the embed).
 *
 * Direct labels: with at most {@link MAX_LABELLED_POINTS} points every point carries its value as text (also
 * in print and in the SVG and PNG downloads, which serialise this SVG). Twelve is one area's eight financial
 * years and its special rounds, or two areas over six years: about 25 px a label on a 375-px phone. Beyond that
 * labels of several series would sit on one another; the tooltips and the table carry every value.
 */
import * as Plot from '@observablehq/plot';
import type { TimePoint, TimeView } from '../views/time.ts';
import { figureHref, finish, type ChartOptions } from './common.ts';
import { formatNumber } from '../words/numbers.ts';
import { INCOMPLETE_WORD } from '../words/incomplete.ts';
import { SLOTS, type Slot } from './labels.ts';
import { placePointLabels, pointLabel } from './time-labels.ts';
import { seriesColourScale } from './domains.ts';

/** Up to this many points, each is labelled with its value. */
export const MAX_LABELLED_POINTS = 12;

/** The chart's fixed colour scale: every area of the dataset, whatever the selection. */
const colourScale = (view: TimeView) =>
  seriesColourScale(view.colourOrder.order, view.colourOrder.reserved, view.colourOrder.total);

/** Each series' colour, from the chart's fixed scale: for the legend beside the chart. */
export function seriesColours(view: TimeView): Map<string, string> {
  const { domain, range } = colourScale(view);
  const colour = new Map(domain.map((id, i) => [id, range[i]!]));
  return new Map(view.series.map((s) => [s.id, colour.get(s.id) ?? range[0]!]));
}

const MARGIN = { top: 20, right: 16, bottom: 30, left: 56 };

export function timeChart(view: TimeView, { width, document }: ChartOptions): SVGSVGElement | HTMLElement {
  const height = Math.max(260, Math.min(420, width * 0.55));
  const solid = view.points.filter((p) => !p.coverage || p.coverage.n === p.coverage.of);
  const hollow = view.points.filter((p) => p.coverage && p.coverage.n < p.coverage.of);
  const incomplete = view.points.filter((p) => p.incomplete);
  const atLeast = view.points.filter((p) => p.atLeast);
  const max = Math.max(10, ...view.points.map((p) => p.lo));
  // The scales are made here, as Plot would make them, so that labels can be placed in pixels.
  const y = Plot.scale({
    y: { domain: [0, max * 1.08], nice: true, range: [height - MARGIN.bottom, MARGIN.top] },
  });
  const times = [
    ...view.points.flatMap((p) => [p.start.getTime(), p.end.getTime()]),
    ...view.lines.map((l) => l.mid.getTime()),
  ];
  const x = Plot.scale({
    x: {
      type: 'utc',
      domain: times.length ? [new Date(Math.min(...times)), new Date(Math.max(...times))] : undefined,
      nice: true,
      range: [MARGIN.left, width - MARGIN.right],
    },
  });
  const labels = view.points.length <= MAX_LABELLED_POINTS ? placePointLabels(view, x, y, max) : [];
  const describe = view.series
    .map((s) => {
      const pts = view.points.filter((p) => p.series === s.id);
      return `${s.name}: ${pts.length ? pts.map((p) => `${p.periodLabel} ${p.atLeast ? 'at least ' : ''}${formatNumber(p.lo)}${p.incomplete ? ` (${INCOMPLETE_WORD})` : ''}`).join(', ') : 'no figures'}`;
    })
    .join('. ');
  return finish(
    Plot.plot({
      document,
      width,
      height,
      marginTop: MARGIN.top,
      marginRight: MARGIN.right,
      marginBottom: MARGIN.bottom,
      marginLeft: MARGIN.left,
      ariaLabel: view.title,
      ariaDescription: describe || 'No figures for this selection.',
      x: { type: 'utc', label: null, domain: x.domain },
      y: { grid: true, label: view.yLabel, domain: y.domain },
      color: { type: 'ordinal', ...colourScale(view) },
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
          // One linked mark for every figure, in the view's order (the keyboard's order); a possibly incomplete
          // one is a square, hollowed by the mark below.
          symbol: (d: TimePoint) => (d.incomplete ? 'square' : d.approximate ? 'diamond' : 'circle'),
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
        // Possibly incomplete figures: a hollow square over the linked one, never on a line (see the module's
        // comment); the "?" follows with the other texts.
        Plot.dot(
          incomplete.filter((p) => solid.includes(p)),
          {
            x: 'mid',
            y: 'lo',
            r: 5,
            symbol: 'square',
            fill: 'var(--surface, #fff)',
            stroke: 'series',
            strokeWidth: 2,
            pointerEvents: 'none',
          },
        ),
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
        // Possibly incomplete: a "?" beside the point, unless its value label already ends in one.
        Plot.text(
          incomplete.filter((p) => !labels.some((l) => l.datum === p)),
          {
            x: 'mid',
            y: 'lo',
            dx: -9,
            dy: -9,
            text: () => '?',
            fontSize: 12,
            fontWeight: 'bold',
            fill: 'currentColor',
            pointerEvents: 'none',
          },
        ),
        // Few points: each carries its value (with its † where sources disagree), placed clear of the others.
        ...(Object.keys(SLOTS) as Slot[]).map((slot) =>
          Plot.text(
            labels.filter((l) => l.slot === slot).map((l) => l.datum),
            {
              x: 'mid',
              y: 'lo',
              ...SLOTS[slot],
              text: pointLabel,
              fontSize: 11,
              fill: 'currentColor',
              stroke: 'var(--surface, #fff)',
              strokeWidth: 3,
              paintOrder: 'stroke',
              pointerEvents: 'none',
            },
          ),
        ),
        Plot.text(labels.length ? [] : view.points.filter((p) => p.disagree), {
          x: 'mid',
          y: 'lo',
          dx: 8,
          dy: -8,
          text: () => '†',
          fontSize: 13,
          fill: 'currentColor',
          pointerEvents: 'none',
        }),
      ],
    }),
  );
}
