/**
 * Platform records for one area and period: one bar per label as published; combined labels outlined. Every bar
 * carries its value as text, however many there are: each bar has a row of its own, so labels never collide.
 * Colours are fixed per platform and owner (src/lib/charts/domains.ts) and go through Plot's colour scale.
 */
import * as Plot from '@observablehq/plot';
import type { PlatformBar, PlatformPanel } from '../views/platforms.ts';
import { barOutlines, figureHref, finish, type ChartOptions } from './common.ts';
import { LABEL_COLOUR_SCALE, labelColourKey } from './domains.ts';
import { formatNumber } from '../words/numbers.ts';

/** A bar's key in the fixed label colour scale: its platform, its owner, or mixed (./domains.ts). */
const colourKey = (b: PlatformBar) => labelColourKey(b.mapping);

export const displayLabel = (bar: { label: string; combined: boolean }) =>
  bar.combined ? `${bar.label} (combined)` : bar.label;

/** Fits a label into `max` characters, cutting the raw label and keeping the "(combined)" mark whole. */
export function fitLabel(bar: { label: string; combined: boolean }, max: number): string {
  const full = displayLabel(bar);
  if (full.length <= max) return full;
  const suffix = bar.combined ? ' (combined)' : '';
  return `${bar.label.slice(0, Math.max(4, max - suffix.length - 1)).trimEnd()}…${suffix}`;
}

const CHAR_PX = 6.2;

export function platformChart(
  panel: PlatformPanel,
  { width, document }: ChartOptions,
): SVGSVGElement | HTMLElement {
  const bars = panel.bars.map((b) => ({ ...b, y: displayLabel(b) }));
  const single = bars.filter((b) => !b.combined);
  const combined = bars.filter((b) => b.combined);
  const longest = Math.max(8, ...bars.map((b) => b.y.length));
  const marginLeft = Math.min(Math.max(90, longest * CHAR_PX), width * 0.55);
  const maxChars = Math.floor((marginLeft - 12) / CHAR_PX);
  const tick = new Map(bars.map((b) => [b.y, fitLabel(b, maxChars)]));
  const max = Math.max(1, ...bars.map((b) => b.lo));
  return finish(
    Plot.plot({
      document,
      width,
      height: 40 + bars.length * 30,
      marginLeft,
      marginRight: 48,
      ariaLabel: `Platform records, ${panel.title}`,
      ariaDescription:
        bars
          .map((b) => `${displayLabel(b)}: ${b.atLeast ? 'at least ' : ''}${formatNumber(b.lo)}`)
          .join('; ') + `. Denominator: ${panel.denominator}.`,
      x: { label: 'Platform records', grid: true, domain: [0, max * 1.1], nice: true },
      y: {
        label: null,
        domain: bars.map((b) => b.y),
        tickFormat: (d: string) => tick.get(d) ?? d,
      },
      color: { type: 'ordinal', domain: LABEL_COLOUR_SCALE.domain, range: LABEL_COLOUR_SCALE.range },
      marks: [
        Plot.barX(single, { x: 'lo', y: 'y', fill: colourKey, title: 'tip', href: figureHref }),
        Plot.barX(combined, {
          x: 'lo',
          y: 'y',
          fill: colourKey,
          fillOpacity: 0.28,
          stroke: colourKey,
          strokeWidth: 2,
          strokeDasharray: '5 3',
          inset: 1,
          title: 'tip',
          href: figureHref,
        }),
        Plot.text(bars, {
          x: 'lo',
          y: 'y',
          text: (d) =>
            `${d.approximate ? '≈' : ''}${formatNumber(d.lo)}${d.atLeast ? '+' : ''}${d.incomplete ? '?' : ''}${d.disagree ? ' †' : ''}${d.user ? ' (your data)' : ''}`,
          dx: 4,
          textAnchor: 'start',
          fill: 'currentColor',
          pointerEvents: 'none',
        }),
        ...barOutlines(bars, 'y'),
        Plot.ruleX([0]),
      ],
    }),
  );
}
