// @vitest-environment jsdom
/**
 * Snapshot tests of the chart functions (as Observable Plot's test/plot-snapshot.js): each chart is drawn on
 * fixed inputs from the frozen fixture dataset (tests/fixtures/dataset/), normalised (numbers rounded, generated ids tokenised, one element per
 * line) and compared with its stored SVG. A changed snapshot is a change to review, not to re-record by reflex.
 * Beside each snapshot, a few assertions that fail when a feature of the chart breaks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { figure, fixtureDataset, syntheticDataset } from '../support/dataset.ts';
import { makeContext } from '../../src/lib/views/context.ts';
import { timeView } from '../../src/lib/views/time.ts';
import { chartFixtures, normaliseSvg, WIDTH, type ChartFixtures } from '../support/chart-fixtures.ts';
import { MAX_LABELLED_POINTS, seriesColours, timeChart } from '../../src/lib/charts/time.ts';
import { platformChart } from '../../src/lib/charts/platforms.ts';
import { forcesChart, tileMap } from '../../src/lib/charts/forces.ts';
import { NO_DATA_COLOUR, PLATFORM_COLOURS } from '../../src/lib/charts/domains.ts';
import { FIGURE_HREF } from '../../src/lib/charts/common.ts';
import { figureObjects, type Dataset } from '../../src/lib/data/load.ts';
import { estimateOfFigure } from '../../src/lib/query/estimate.ts';
import { FORCES_BY_COUNT_1718 } from '../support/published.ts';

let ds: Dataset;
let fx: ChartFixtures;
beforeAll(async () => {
  ds = await fixtureDataset();
  fx = chartFixtures(ds);
});

/**
 * The forces of England and Wales with a usable 2017/18 offences figure, read from the figure rows themselves
 * (not through the view models): what the forces chart and the tile map must show.
 */
function forcesWithFigure2017(): { withFigure: string[]; without: string[] } {
  const ids = new Set(
    figureObjects(ds.figures)
      .filter(
        (f) =>
          f.measure === 'offences' &&
          f.period_start === '2017-04-03' &&
          f.period_end === '2018-03-31' &&
          estimateOfFigure(f) !== null,
      )
      .map((f) => f.area),
  );
  const forces = [...ds.areas.values()].filter((a) => a.ew43);
  return {
    withFigure: forces.filter((a) => ids.has(a.id)).map((a) => a.name),
    without: forces.filter((a) => !ids.has(a.id)).map((a) => a.name),
  };
}

function draw(build: (o: { width: number; document: Document }) => Element): SVGSVGElement {
  const el = build({ width: WIDTH, document });
  // None of these charts has a legend, so Plot returns the bare <svg> (no <figure> around it).
  expect(el.tagName.toLowerCase()).toBe('svg');
  return el as SVGSVGElement;
}

const snapshot = (svg: SVGSVGElement, name: string) =>
  expect(normaliseSvg(svg)).toMatchFileSnapshot(`./__snapshots__/${name}.svg`);

const tipOf = (el: Element) => el.getAttribute('data-tip') ?? '';
/** The value of an attribute as the element inherits it from its nearest ancestor that sets it. */
const inherited = (el: Element, name: string) => el.closest(`[${name}]`)?.getAttribute(name) ?? null;
const group = (svg: SVGSVGElement, label: string) => [...svg.querySelectorAll(`g[aria-label="${label}"]`)];
const texts = (g: Element | undefined) => [...(g?.querySelectorAll('text') ?? [])].map((t) => t.textContent);
const subpaths = (d: string | null) => (d ?? '').split('M').filter(Boolean).length;

/**
 * What every chart must hold: a name and description, no native <title> tooltips left, every labelled group
 * a role="group" (axe), and a non-empty tooltip on every mark that carries one. A mark linked to a figure
 * names that figure and its source; the other marks are returned for the chart's own checks.
 */
function expectAccessible(svg: SVGSVGElement, name: string): { linked: Element[]; unlinked: Element[] } {
  expect(svg.getAttribute('aria-label')).toBe(name);
  expect(svg.getAttribute('aria-description')?.trim()).toBeTruthy();
  expect(svg.querySelectorAll('title')).toHaveLength(0);
  const groups = [...svg.querySelectorAll('g[aria-label]')];
  expect(groups.length).toBeGreaterThan(0);
  for (const g of groups) expect(g.getAttribute('role'), g.getAttribute('aria-label') ?? '').toBe('group');
  const tips = [...svg.querySelectorAll('[data-tip]')];
  expect(tips.length).toBeGreaterThan(0);
  for (const m of tips) expect(tipOf(m).trim()).not.toBe('');
  const linked = tips.filter((m) => m.hasAttribute('data-figure'));
  for (const m of linked) {
    expect(tipOf(m)).toContain('source:');
    expect(m.tagName.toLowerCase()).toBe('a');
    expect(m.getAttribute('href')).toBe(FIGURE_HREF + m.getAttribute('data-figure'));
  }
  return { linked, unlinked: tips.filter((m) => !m.hasAttribute('data-figure')) };
}

describe('timeChart', () => {
  it('Hampshire and England and Wales, eight years and the first nine months', async () => {
    const view = fx.timeNational;
    const svg = draw((o) => timeChart(view, o));
    const { linked, unlinked } = expectAccessible(svg, view.title);
    // One linked dot per figure, in the view's order; no total (England and Wales is not a force).
    expect(linked.map((m) => m.getAttribute('data-figure'))).toEqual(
      view.points.map((p) => p.fact?.preferred.id),
    );
    expect(linked).toHaveLength(12);
    expect(unlinked).toHaveLength(0);
    expect(linked.filter((m) => tipOf(m).includes('First nine months'))).toHaveLength(2);
    // The nine months are drawn as a span (thicker rule) beside the years, never joined to them.
    const spans = group(svg, 'rule')
      .flatMap((g) => [...g.querySelectorAll('line')])
      .filter((l) => l.getAttribute('stroke-width') === '4');
    expect(spans).toHaveLength(2);
    // Hampshire's line breaks at 2021/22 (no figure) and at the possibly incomplete 2020/21 (18) and 2023/24 (95),
    // whose notes say "possibly partial": 2017/18 to 2019/20, then 2022/23 alone. "At least" figures get an
    // arrow each.
    const lines = group(svg, 'line')[0]!.querySelectorAll('path');
    expect(subpaths(lines[0]!.getAttribute('d'))).toBe(2);
    const incomplete = linked.filter((m) => tipOf(m).includes('possibly incomplete'));
    expect(incomplete.map((m) => m.getAttribute('data-figure'))).toEqual(['f0152', 'f0156', 'f0614']);
    const at = (m: Element) =>
      m
        .querySelector('path')!
        .getAttribute('transform')!
        .match(/translate\(([^)]*)\)/)![1]!;
    for (const m of incomplete) {
      // Drawn as a square, hollowed by an unlinked square at the same place, and on no line.
      expect(m.querySelector('path')!.getAttribute('d')).toMatch(/^M-[\d.]+,-[\d.]+h[\d.]+v[\d.]+h-[\d.]+Z$/);
      expect(
        svg.querySelector(`g[aria-label="dot"] path[transform="translate(${at(m)})"][stroke]`),
      ).not.toBeNull();
      for (const l of lines) expect(l.getAttribute('d')).not.toContain(at(m));
    }
    expect(texts(group(svg, 'text')[0])).toEqual(expect.arrayContaining(['18?', '95?', '5,441?']));
    expect(group(svg, 'arrow')[0]!.querySelectorAll('path')).toHaveLength(2);
    await snapshot(svg, 'time-national');
  });

  it('like for like: Hampshire left out, three forces and their total', async () => {
    const view = fx.timeLikeForLike;
    expect(view.dropped).toEqual(['Hampshire']);
    const svg = draw((o) => timeChart(view, o));
    const { linked, unlinked } = expectAccessible(svg, view.title);
    expect(linked).toHaveLength(21);
    expect(linked.some((m) => tipOf(m).startsWith('Hampshire'))).toBe(false);
    // The total covers every kept force in every year: solid points, no "n of m" labels, an unbroken line.
    expect(unlinked).toHaveLength(7);
    for (const m of unlinked)
      expect(tipOf(m)).toMatch(/^Total of 3 selected forces, .* · covers 3 of 3 forces$/);
    expect(svg.querySelectorAll('circle')).toHaveLength(0);
    const lines = [...group(svg, 'line')[0]!.querySelectorAll('path')];
    expect(lines).toHaveLength(4);
    for (const l of lines) expect(subpaths(l.getAttribute('d'))).toBe(1);
    await snapshot(svg, 'time-like-for-like');
  });

  it('without like for like: a total covering fewer forces is hollow and says how many', async () => {
    const view = fx.timeCovered;
    const svg = draw((o) => timeChart(view, o));
    const { unlinked } = expectAccessible(svg, view.title);
    const hollow = [...svg.querySelectorAll('circle[data-tip]')];
    expect(hollow.map(tipOf)).toEqual([
      'Total of 4 selected forces, 2021/22 · offences: 429 · covers 3 of 4 forces · missing: Hampshire',
      'Total of 4 selected forces, 2024/25 · offences: 200 or more · covers 1 of 4 forces · missing: Kent, Surrey, Sussex',
    ]);
    expect(unlinked).toHaveLength(8);
    expect(texts(group(svg, 'text')[0])).toEqual(['3 of 4', '1 of 4']);
    // No line through a partial total: the total's line breaks at 2021/22 and stops before 2024/25.
    const total = [...group(svg, 'line')[0]!.querySelectorAll('path')].at(-1)!;
    expect(subpaths(total.getAttribute('d'))).toBe(2);
    await snapshot(svg, 'time-covered');
  });
});

describe('timeChart encodings', () => {
  const at = (areas: string[], periods: string[] = []) =>
    timeView(fx.ctx, { ...fx.states.timeCovered, areas, ...(periods.length ? { periods } : {}) });
  /** The fill of an area's dots and the stroke of its line, as drawn. */
  const drawnColours = (svg: SVGSVGElement, name: string) => {
    const dots = [...svg.querySelectorAll(`a[data-tip^="${name}, "] path`)].map((d) =>
      d.getAttribute('fill'),
    );
    expect(dots.length, name).toBeGreaterThan(0);
    return new Set(dots);
  };

  it("Kent keeps its colour alone and beside Hampshire, and Hampshire's differs", () => {
    const alone = draw((o) => timeChart(at(['kent']), o));
    const beside = draw((o) => timeChart(at(['hampshire', 'kent']), o));
    const kent = drawnColours(alone, 'Kent');
    expect(kent.size).toBe(1);
    expect(drawnColours(beside, 'Kent')).toEqual(kent);
    expect(drawnColours(beside, 'Hampshire')).not.toEqual(kent);
    // The legend reads the same fixed scale as the chart.
    expect(seriesColours(at(['kent'])).get('kent')).toBe([...kent][0]);
    expect(seriesColours(at(['hampshire', 'kent', 'surrey'])).get('kent')).toBe([...kent][0]);
  });

  it('adding or removing a series never recolours another', () => {
    const one = seriesColours(at(['kent', 'sussex']));
    const more = seriesColours(at(['hampshire', 'kent', 'surrey', 'sussex', 'wales', 'england-and-wales']));
    for (const [id, colour] of one) if (id !== '__total') expect(more.get(id), id).toBe(colour);
    // A region's forces, and its published total beside them, never share a colour.
    const wales = seriesColours(at(['wales', 'dyfed-powys', 'gwent', 'north-wales', 'south-wales']));
    expect(new Set([...wales].filter(([id]) => id !== '__total').map(([, c]) => c)).size).toBe(5);
  });

  it('a one-period chart shows its value as text; a suppressed value is never a number', () => {
    const svg = draw((o) => timeChart(at(['hampshire'], ['2017-18']), o));
    const labels = [...svg.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
    expect(labels).toEqual(['152']);
    const many = draw((o) => timeChart(fx.timeLikeForLike, o));
    expect(fx.timeLikeForLike.points.length).toBeGreaterThan(MAX_LABELLED_POINTS);
    expect(texts(group(many, 'text')[0])).not.toContain('122');

    const sources = [
      { id: 's1', url: 'https://example.org/', kind: 'nspcc' as const, publisher: 'S', date: '' },
    ];
    const ds = syntheticDataset(
      [
        figure({ id: 'f1', area: 'a1', value: null, qualifier: 'suppressed' }),
        figure({ id: 'f2', area: 'a2', value: 40, qualifier: 'at_least' }),
      ],
      sources,
      2,
      [['2017-04-03', '2018-03-31']],
    );
    const ctx = makeContext(ds);
    const view = timeView(ctx, { ...fx.states.timeCovered, areas: ['a1', 'a2'], periods: [] });
    const svgSynthetic = draw((o) => timeChart(view, o));
    const words = [...svgSynthetic.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
    expect(words).toContain('40+');
    expect(words.some((w) => /^0/.test(w ?? ''))).toBe(false);
  });

  it('keeps its y axis when the same view model is drawn again (a tab switch) or at another width', () => {
    const ticks = (svg: SVGSVGElement) => texts(group(svg, 'y-axis tick label')[0]);
    const domain = (svg: Element) =>
      (svg as unknown as { scale(n: 'y'): { domain: number[] } }).scale('y').domain;
    const first = draw((o) => timeChart(fx.timeNational, o));
    const again = draw((o) => timeChart(fx.timeNational, o));
    expect(ticks(again)).toEqual(ticks(first));
    expect(domain(first)).toEqual([0, 6000]);
    expect(domain(timeChart(fx.timeNational, { width: 375, document }))).toEqual(domain(first));
  });
});

describe('platformChart', () => {
  it('Hampshire, first nine months: bars as published, combined labels outlined', async () => {
    const panel = fx.platformPanel;
    const svg = draw((o) => platformChart(panel, o));
    const { linked, unlinked } = expectAccessible(svg, `Platform records, ${panel.title}`);
    expect(unlinked).toHaveLength(0);
    expect(linked).toHaveLength(panel.bars.length);
    expect(svg.getAttribute('aria-description')).toContain(
      'Denominator: 67 platform records (cases where a platform was disclosed) for 62 offences.',
    );
    const ticks = texts(group(svg, 'y-axis tick label')[0]);
    expect(ticks).toEqual(expect.arrayContaining(['Facebook', 'Snapchat', 'Instagram/WhatsApp (combined)']));
    const bar = (label: string) => {
      const m = linked.find((x) => tipOf(x).includes(`platform records for "${label}":`));
      expect(m, label).toBeDefined();
      return m!.querySelector('rect')!;
    };
    // Single platforms: solid, in their fixed colour. Combined labels: dashed outline, never split.
    expect(inherited(bar('Facebook'), 'stroke-dasharray')).toBeNull();
    expect(bar('Facebook').getAttribute('fill')).toBe(PLATFORM_COLOURS.facebook);
    expect(inherited(bar('Snapchat'), 'stroke-dasharray')).toBeNull();
    expect(bar('Snapchat').getAttribute('fill')).toBe(PLATFORM_COLOURS.snapchat);
    expect(inherited(bar('Instagram/WhatsApp'), 'stroke-dasharray')).toBe('5 3');
    for (const b of panel.bars.filter((x) => x.combined))
      expect(inherited(bar(b.label), 'stroke-dasharray'), b.label).toBe('5 3');
    // Values as published; † where sources disagree.
    expect(texts(group(svg, 'text')[0])).toEqual(['27', '18', '17 †', '16']);
    await snapshot(svg, 'platforms-hampshire-nine-months');
  });
});

describe('forcesChart and tileMap, 2017/18', () => {
  it('forces ranked: one bar per force with a figure, largest first', async () => {
    const view = fx.forces;
    expect(view.period?.id).toBe('2017-18');
    const svg = draw((o) => forcesChart(view, o));
    const { linked, unlinked } = expectAccessible(svg, 'Offences by police force, 2017/18');
    expect(unlinked).toHaveLength(0);
    const { withFigure } = forcesWithFigure2017();
    expect(withFigure).toHaveLength(10);
    expect(linked).toHaveLength(withFigure.length);
    const names = texts(group(svg, 'y-axis tick label')[0]);
    expect(names).toEqual(view.bars.map((b) => b.name));
    expect([...names].sort()).toEqual([...withFigure].sort());
    expect(names).toEqual(FORCES_BY_COUNT_1718);
    const widths = linked.map((m) => Number(m.querySelector('rect')!.getAttribute('width')));
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
    // Sussex 2017/18 is published as 77 (NSPCC table) or 33 (a 2018 report): the one bar marked †.
    const labels = texts(group(svg, 'text')[0]);
    expect(labels.filter((t) => t?.endsWith('†'))).toEqual(['77 †']);
    await snapshot(svg, 'forces-2017-18');
  });

  it('tile map: 43 tiles, grey exactly where a force has no 2017/18 figure', async () => {
    const view = fx.forces;
    const svg = draw((o) => tileMap(view, o));
    const { linked, unlinked } = expectAccessible(
      svg,
      'Tile map of the 43 forces of England and Wales, 2017/18',
    );
    const cells = [...group(svg, 'cell')[0]!.querySelectorAll('rect')];
    expect(cells).toHaveLength(43);
    const { withFigure, without } = forcesWithFigure2017();
    expect(linked).toHaveLength(withFigure.length);
    const grey = cells.filter((c) => c.getAttribute('fill') === NO_DATA_COLOUR);
    expect(grey).toHaveLength(33);
    const nameOf = (c: Element) => tipOf(c.closest('[data-tip]')!).split(',')[0];
    const noFigure = [...without].sort();
    expect(noFigure).toContain('Bedfordshire');
    expect(noFigure).not.toContain('Cleveland');
    expect(grey.map(nameOf).sort()).toEqual(noFigure);
    expect([...view.missing].sort()).toEqual(noFigure);
    expect(unlinked.map(tipOf).sort()).toEqual(
      noFigure.map((n) => `${n}, 2017/18 · no data: no published figure`),
    );
    // Tiles with a figure are never grey, and every tile carries its unique short label.
    for (const m of linked) expect(m.querySelector('rect')!.getAttribute('fill')).not.toBe(NO_DATA_COLOUR);
    const short = texts(group(svg, 'text')[0]);
    expect(short).toHaveLength(43);
    expect(new Set(short).size).toBe(43);
    await snapshot(svg, 'tiles-2017-18');
  });
});
