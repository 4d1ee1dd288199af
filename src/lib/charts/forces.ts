/** Forces side by side: ranked bars for one period, and the tile map of the 43 forces of England and Wales. */
import * as Plot from '@observablehq/plot';
import type { ForcesView } from '../views/forces.ts';
import { FORCE_SCHEME, NO_DATA_COLOUR } from './domains.ts';
import { barOutlines, figureHref, finish, type ChartOptions } from './common.ts';
import { formatNumber } from '../words/numbers.ts';

const BAR = '#0072B2';
const SELECTED = '#D55E00';

export function forcesChart(
  view: ForcesView,
  { width, document }: ChartOptions,
): SVGSVGElement | HTMLElement {
  const bars = view.bars;
  const max = Math.max(1, ...bars.map((b) => b.lo));
  return finish(
    Plot.plot({
      document,
      width,
      height: 40 + bars.length * 20,
      marginLeft: 150,
      marginRight: 56,
      ariaLabel: view.title,
      ariaDescription: bars
        .map(
          (b) =>
            `${b.name} ${b.atLeast ? 'at least ' : ''}${formatNumber(b.lo)}${b.incomplete ? ' (possibly incomplete)' : ''}`,
        )
        .join(', '),
      x: { label: view.measure, grid: true, domain: [0, max * 1.08], nice: true },
      y: { label: null, domain: bars.map((b) => b.name) },
      marks: [
        Plot.barX(bars, {
          x: 'lo',
          y: 'name',
          fill: (d) => (d.selected ? SELECTED : BAR),
          title: 'tip',
          href: figureHref,
        }),
        Plot.text(bars, {
          x: 'lo',
          y: 'name',
          dx: 4,
          textAnchor: 'start',
          fill: 'currentColor',
          pointerEvents: 'none',
          text: (d) =>
            `${d.approximate ? '≈' : ''}${formatNumber(d.lo)}${d.atLeast ? '+' : ''}${d.incomplete ? '?' : ''}${d.disagree ? ' †' : ''}${d.user ? ' (your data)' : ''}`,
        }),
        ...barOutlines(bars, 'name'),
        Plot.ruleX([0]),
      ],
    }),
  );
}

/** Text on a tile must stay readable on its fill. */
const darkFill = (value: number | null, thresholds: readonly number[]) =>
  value !== null && value >= thresholds[2]!;

export function tileMap(view: ForcesView, { width, document }: ChartOptions): SVGSVGElement | HTMLElement {
  const cols = 7;
  const rows = 9;
  const size = Math.min(56, Math.floor((width - 20) / cols));
  return finish(
    Plot.plot({
      document,
      width: size * cols + 20,
      height: size * rows + 20,
      margin: 10,
      ariaLabel: `Tile map of the 43 forces of England and Wales, ${view.period?.label ?? ''}`,
      ariaDescription: view.tiles
        .map(
          (t) =>
            `${t.name}: ${t.value === null ? 'no data' : formatNumber(t.value)}${t.incomplete ? ' (possibly incomplete)' : ''}`,
        )
        .join(', '),
      x: { axis: null, domain: Array.from({ length: cols }, (_, i) => i), padding: 0.06 },
      y: { axis: null, domain: Array.from({ length: rows }, (_, i) => i), padding: 0.06 },
      color: {
        type: 'threshold',
        domain: [...view.thresholds],
        range: FORCE_SCHEME,
        unknown: NO_DATA_COLOUR,
      },
      marks: [
        Plot.cell(view.tiles, {
          x: 'col',
          y: 'row',
          fill: (d) => d.value,
          stroke: (d) => (d.selected ? SELECTED : 'none'),
          strokeWidth: 3,
          rx: 3,
          title: 'tip',
          href: figureHref,
        }),
        Plot.cell(
          view.tiles.filter((t) => t.user),
          {
            x: 'col',
            y: 'row',
            fill: 'none',
            stroke: 'currentColor',
            strokeDasharray: '3 2',
            strokeWidth: 2,
            inset: 3,
            pointerEvents: 'none',
          },
        ),
        Plot.text(view.tiles, {
          x: 'col',
          y: 'row',
          text: (d) => (d.incomplete ? `${d.short}?` : d.short),
          fontSize: Math.max(9, size / 5),
          fontWeight: 600,
          fill: (d) => (darkFill(d.value, view.thresholds) ? '#ffffff' : '#111111'),
          // The tile beneath takes the pointer: hover and click reach its tooltip and figure.
          pointerEvents: 'none',
        }),
      ],
    }),
  );
}

/** The fixed legend of the tile map, as data for an HTML legend (never rescaled by a filter). */
export function tileLegend(t: readonly number[]): { label: string; colour: string }[] {
  return [
    { label: `under ${t[0]}`, colour: FORCE_SCHEME[0]! },
    ...t.slice(0, -1).map((lo, i) => ({ label: `${lo} to under ${t[i + 1]}`, colour: FORCE_SCHEME[i + 1]! })),
    { label: `${t[t.length - 1]} or more`, colour: FORCE_SCHEME[t.length]! },
    { label: 'no data', colour: NO_DATA_COLOUR },
  ];
}
