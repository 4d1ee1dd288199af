// @vitest-environment jsdom
/**
 * The stamped SVG download: real charts drawn from the frozen fixture, stacked under the title and subtitle and
 * above the notes, source line and URL, all as text (never markup), sized to hold everything.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureDataset } from '../support/dataset.ts';
import { chartFixtures, WIDTH, type ChartFixtures } from '../support/chart-fixtures.ts';
import { platformChart } from '../../src/lib/charts/platforms.ts';
import { timeChart } from '../../src/lib/charts/time.ts';
import { stampedSvg, svgText, wrap, type Stamp } from '../../src/lib/export/stamped.ts';

let fx: ChartFixtures;
beforeAll(async () => {
  fx = chartFixtures(await fixtureDataset());
});

const chart = (build: (o: { width: number; document: Document }) => Element) =>
  build({ width: WIDTH, document }) as SVGSVGElement;

const NOTE =
  'Platform records are not offences: one offence can involve several platforms, so records can add up to ' +
  'more than the offences. Combined labels are shown as published and never split.';

const stamp = (over: Partial<Stamp> = {}): Stamp => ({
  title: 'Platforms recorded in offences: Hampshire',
  subtitle: 'Times each platform or label was recorded, as published.',
  notes: [NOTE, 'Marked bars (†) have sources that disagree.'],
  source: 'On the Wight, Portsmouth News, Basingstoke Gazette',
  url: 'https://example.org/explorer/?view=platforms&force=hampshire',
  ...over,
});

/** The stamped text lines (direct children of the outer svg), with their size, weight, colour and y. */
const lines = (svg: SVGSVGElement) =>
  [...svg.children]
    .filter((el) => el.tagName.toLowerCase() === 'text')
    .map((t) => ({
      text: t.textContent,
      size: Number(t.getAttribute('font-size')),
      weight: Number(t.getAttribute('font-weight')),
      fill: t.getAttribute('fill'),
      y: Number(t.getAttribute('y')),
    }));
const nested = (svg: SVGSVGElement) =>
  [...svg.children].filter((el): el is SVGSVGElement => el.tagName.toLowerCase() === 'svg');

describe('stampedSvg', () => {
  it('stamps the title, subtitle, wrapped notes, source line and URL around one chart, in that order', () => {
    const platforms = chart((o) => platformChart(fx.platformPanel, o));
    const svg = stampedSvg([platforms], stamp());
    expect(svg.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    const text = lines(svg);
    // The 182-character note wraps at spaces into lines of at most 104 characters (640 px, 11 px type).
    const noteLines = wrap(NOTE, 104);
    expect(noteLines).toHaveLength(2);
    expect(noteLines.join(' ')).toBe(NOTE);
    expect(text.map((t) => t.text)).toEqual([
      'Platforms recorded in offences: Hampshire',
      'Times each platform or label was recorded, as published.',
      ...noteLines,
      'Marked bars (†) have sources that disagree.',
      'Source: On the Wight, Portsmouth News, Basingstoke Gazette',
      'https://example.org/explorer/?view=platforms&force=hampshire',
    ]);
    expect(text.map((t) => [t.size, t.weight, t.fill])).toEqual([
      [17, 700, '#111111'],
      [13, 400, '#333333'],
      [11, 400, '#333333'],
      [11, 400, '#333333'],
      [11, 400, '#333333'],
      [11, 600, '#111111'],
      [11, 400, '#1a4f8b'],
    ]);
    // Lines go down the page; the chart sits between the subtitle and the first note.
    const ys = text.map((t) => t.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    const [copy] = nested(svg);
    const top = Number(copy!.getAttribute('y'));
    const height = Number(platforms.getAttribute('height'));
    expect(top).toBeCloseTo(16 + 17 * 1.35 + 13 * 1.35 + 8, 6);
    expect(text[1]!.y).toBeLessThan(top);
    expect(text[2]!.y).toBeCloseTo(top + height + 8 + 11 * 1.35, 6);
  });

  it('stacks several charts one under the other and sizes the image to hold them all', () => {
    const platforms = chart((o) => platformChart(fx.platformPanel, o));
    const time = chart((o) => timeChart(fx.timeNational, o));
    const svg = stampedSvg([platforms, time], stamp({ notes: [] }));
    const copies = nested(svg);
    expect(copies.map((c) => c.getAttribute('aria-label'))).toEqual([
      platforms.getAttribute('aria-label'),
      time.getAttribute('aria-label'),
    ]);
    const [first, second] = copies.map((c) => Number(c.getAttribute('y')));
    expect(second! - first!).toBe(Number(platforms.getAttribute('height')) + 8);
    for (const c of copies) {
      expect(c.getAttribute('x')).toBe('0');
      expect(c.getAttribute('color')).toBe('#111111');
    }
    // The charts are copied: the originals stay where they were, unmoved.
    expect(platforms.parentNode).toBeNull();
    expect(platforms.hasAttribute('y')).toBe(false);
    // Below the second chart: the source line and the URL, then a margin; the height holds it all.
    const text = lines(svg);
    expect(text.slice(-2).map((t) => t.text)).toEqual([
      'Source: On the Wight, Portsmouth News, Basingstoke Gazette',
      'https://example.org/explorer/?view=platforms&force=hampshire',
    ]);
    const bottom = second! + Number(time.getAttribute('height')) + 8 + 2 * 11 * 1.35 + 12;
    expect(svg.getAttribute('width')).toBe(String(WIDTH));
    expect(svg.getAttribute('height')).toBe(String(Math.ceil(bottom)));
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${WIDTH} ${Math.ceil(bottom)}`);
  });

  it('is never narrower than 480 px, and writes text from the data as text, not markup', () => {
    const narrow = chart((o) => platformChart(fx.platformPanel, { ...o, width: 320 }));
    const svg = stampedSvg([narrow], stamp({ title: '<b onload="x()">Hampshire</b> & "Kent"' }));
    expect(svg.getAttribute('width')).toBe('480');
    expect(lines(svg)[0]!.text).toBe('<b onload="x()">Hampshire</b> & "Kent"');
    expect(svg.querySelector('b')).toBeNull();
    const file = svgText(svg);
    expect(file.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(file).toContain('&lt;b onload="x()"&gt;Hampshire&lt;/b&gt; &amp; "Kent"');
  });
});
