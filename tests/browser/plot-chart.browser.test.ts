/**
 * PlotChart in real Chromium, in bits-ui's order: axe first, then the keyboard, then what the reader sees.
 * The charts are the real chart functions on view models built from the frozen fixture dataset
 * (tests/fixtures/dataset/, served by Vite).
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { userEvent } from 'vitest/browser';
import axe from 'axe-core';
import PlotChart from '../../src/components/PlotChart.svelte';
import { platformChart } from '../../src/lib/charts/platforms.ts';
import { timeChart } from '../../src/lib/charts/time.ts';
import { forcesChart } from '../../src/lib/charts/forces.ts';
import { chartFixtures, type ChartFixtures } from '../support/chart-fixtures.ts';
import { fixtureDataset } from './fixture.ts';

let fx: ChartFixtures;
beforeAll(async () => {
  fx = chartFixtures(await fixtureDataset());
});

const LABEL = 'Platform records: use arrow keys to move between bars';
const platforms = (w: number) => platformChart(fx.platformPanel, { width: w });

/** Renders PlotChart and waits for the chart it mounts (the width is measured first). */
async function mount(props: { render: (w: number) => Element; onpick?: (id: string) => void }) {
  const screen = await render(PlotChart, { label: LABEL, ...props });
  await expect.poll(() => screen.container.querySelectorAll('svg').length).toBe(1);
  const host = screen.container.querySelector<HTMLElement>('.plot-host')!;
  const marks = () => [...host.querySelectorAll<SVGElement>('[data-tip]')];
  const tooltip = () => screen.container.querySelector('[role="tooltip"]');
  return { ...screen, host, marks, tooltip };
}

const tipOf = (el: Element) => el.getAttribute('data-tip') ?? '';

/** Buttons before and after the chart, to see where Tab goes in and out. */
function fence(container: HTMLElement) {
  const before = document.createElement('button');
  before.textContent = 'before';
  const after = document.createElement('button');
  after.textContent = 'after';
  container.before(before);
  container.after(after);
  return { before, after };
}
afterEach(() => {
  for (const b of document.querySelectorAll('body > button')) b.remove();
});

describe('PlotChart', () => {
  it('has no axe violations', async () => {
    const { container } = await mount({ render: platforms });
    const results = await axe.run(container);
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });

  it('is reached by Tab at exactly one mark, and Tab leaves it', async () => {
    const { container, marks } = await mount({ render: platforms });
    const { before, after } = fence(container);
    expect(marks().map((m) => m.getAttribute('tabindex'))).toEqual(['0', '-1', '-1', '-1']);
    before.focus();
    await userEvent.tab();
    expect(document.activeElement).toBe(marks()[0]);
    await userEvent.tab();
    expect(document.activeElement).toBe(after);
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(marks()[0]);
  });

  it('moves focus between marks with the arrow keys, Home and End, keeping one tab stop', async () => {
    const { marks } = await mount({ render: platforms });
    const [first, second, , last] = marks();
    first!.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(second);
    await userEvent.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(first);
    await userEvent.keyboard('{ArrowLeft}'); // stays at the first
    expect(document.activeElement).toBe(first);
    await userEvent.keyboard('{End}');
    expect(document.activeElement).toBe(last);
    await userEvent.keyboard('{ArrowDown}'); // stays at the last
    expect(document.activeElement).toBe(last);
    expect(marks().map((m) => m.getAttribute('tabindex'))).toEqual(['-1', '-1', '-1', '0']);
    await userEvent.keyboard('{Home}');
    expect(document.activeElement).toBe(first);
    expect(marks().filter((m) => m.getAttribute('tabindex') === '0')).toEqual([first]);
  });

  it('names each mark by its tooltip text; linked marks stay links, others are images', async () => {
    const { marks } = await mount({ render: (w) => timeChart(fx.timeCovered, { width: w }) });
    const all = marks();
    expect(all.length).toBe(fx.timeCovered.points.length);
    for (const m of all) expect(m.getAttribute('aria-label')).toBe(tipOf(m));
    const linked = all.filter((m) => m.hasAttribute('data-figure'));
    const plain = all.filter((m) => !m.hasAttribute('data-figure'));
    expect(linked.length).toBeGreaterThan(0);
    expect(plain.length).toBe(8); // the totals of the selected forces
    for (const m of linked) expect([m.tagName.toLowerCase(), m.getAttribute('role')]).toEqual(['a', null]);
    for (const m of plain) expect(m.getAttribute('role')).toBe('img');
  });

  it('shows the focused mark’s tooltip text, and hides it when focus leaves', async () => {
    const { container, marks, tooltip } = await mount({ render: platforms });
    const { after } = fence(container);
    expect(tooltip()).toBeNull();
    marks()[0]!.focus();
    await expect.poll(() => tooltip()?.textContent).toBe(tipOf(marks()[0]!));
    await userEvent.keyboard('{ArrowRight}');
    await expect.poll(() => tooltip()?.textContent).toBe(tipOf(marks()[1]!));
    expect(tipOf(marks()[1]!)).toContain('source:');
    after.focus();
    await expect.poll(() => tooltip()).toBeNull();
  });

  it('shows the same tooltip on hover, and hides it when the pointer leaves', async () => {
    const { container, marks, tooltip } = await mount({ render: platforms });
    const { after } = fence(container);
    const mark = marks()[2]!;
    await userEvent.hover(mark.querySelector('rect')!);
    await expect.poll(() => tooltip()?.textContent).toBe(tipOf(mark));
    await userEvent.hover(after);
    await expect.poll(() => tooltip()).toBeNull();
  });

  it('calls onpick with the figure id when a linked mark is clicked', async () => {
    const onpick = vi.fn();
    const { marks } = await mount({ render: platforms, onpick });
    const mark = marks().find((m) => tipOf(m).includes('"Snapchat"'))!;
    await userEvent.click(mark.querySelector('rect')!);
    expect(onpick).toHaveBeenCalledExactlyOnceWith(mark.getAttribute('data-figure'));
    expect(mark.getAttribute('data-figure')).toBe(
      fx.platformPanel.bars.find((b) => b.label === 'Snapchat')?.fact.preferred.id,
    );
    // The link's default (a jump to #figure-…) is prevented: the page stays where it is.
    expect(location.hash).toBe('');
  });

  it('calls onpick when a focused linked mark is activated with Enter', async () => {
    const onpick = vi.fn();
    const { marks } = await mount({ render: platforms, onpick });
    marks()[1]!.focus();
    await userEvent.keyboard('{Enter}');
    expect(onpick).toHaveBeenCalledExactlyOnceWith(marks()[1]!.getAttribute('data-figure'));
  });

  it('does not call onpick for a mark without a figure (a total)', async () => {
    const onpick = vi.fn();
    const { marks } = await mount({ render: (w) => timeChart(fx.timeLikeForLike, { width: w }), onpick });
    const total = marks().find((m) => !m.hasAttribute('data-figure'))!;
    expect(tipOf(total)).toMatch(/^Total of 3 selected forces/);
    await userEvent.click(total);
    expect(onpick).not.toHaveBeenCalled();
  });

  it('draws at the width it is given, and replaces the chart when the render function changes', async () => {
    const first = vi.fn(platforms);
    const screen = await mount({ render: first });
    const width = screen.container.querySelector<HTMLElement>('.plot-chart')!.clientWidth;
    expect(width).toBeGreaterThan(0);
    expect(first).toHaveBeenLastCalledWith(Math.round(width));
    const old = screen.container.querySelector('svg');
    await screen.rerender({ render: (w: number) => forcesChart(fx.forces, { width: w }) });
    await expect
      .poll(() => screen.container.querySelector('svg')?.getAttribute('aria-label'))
      .toBe('Offences by police force, 2017/18');
    expect(screen.container.querySelectorAll('svg')).toHaveLength(1);
    expect(old?.isConnected).toBe(false);
    // The new chart's marks are wired the same way: one tab stop, named by their tooltips.
    const marks = screen.marks();
    expect(fx.forces.bars).toHaveLength(10); // the fixture's ten forces with a 2017/18 figure
    expect(marks).toHaveLength(fx.forces.bars.length);
    expect(marks.filter((m) => m.getAttribute('tabindex') === '0')).toHaveLength(1);
    expect(screen.host.getAttribute('role')).toBe('group');
    expect(screen.host.getAttribute('aria-label')).toBe(LABEL);
  });
});
