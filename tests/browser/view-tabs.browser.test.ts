/** ViewTabs in real Chromium, in bits-ui's order: axe first, then the keyboard, then what the reader sees. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import axe from 'axe-core';
import Harness from './ViewTabsHarness.svelte';
import { VIEWS, VIEW_NAMES, type View } from '../../src/lib/views/state.ts';

async function mount(initial: View = 'time') {
  const onchange = vi.fn<(view: View) => void>();
  const screen = await render(Harness, { initial, onchange });
  const tabs = () => [...screen.container.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const tab = (v: View) => screen.container.querySelector<HTMLButtonElement>(`#tab-${v}`)!;
  /** Waits until `v` is the selected tab, the one tab stop, and has focus. */
  const settled = async (v: View) => {
    await expect.poll(() => document.activeElement).toBe(tab(v));
    expect(tabs().filter((t) => t.getAttribute('aria-selected') === 'true')).toEqual([tab(v)]);
    expect(tabs().filter((t) => t.tabIndex === 0)).toEqual([tab(v)]);
  };
  return { ...screen, onchange, tabs, tab, settled };
}

afterEach(() => {
  for (const b of document.querySelectorAll('body > button')) b.remove();
});

describe('ViewTabs', () => {
  it('has no axe violations', async () => {
    const { container } = await mount('forces');
    const results = await axe.run(container);
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });

  it('is one tab stop: Tab enters at the selected tab and leaves the list', async () => {
    const { container, tab } = await mount('platforms');
    const before = document.createElement('button');
    before.textContent = 'before';
    const after = document.createElement('button');
    after.textContent = 'after';
    container.before(before);
    container.after(after);
    before.focus();
    await userEvent.tab();
    expect(document.activeElement).toBe(tab('platforms'));
    await userEvent.tab(); // on to the tab panel (tabindex -1: not a stop), then past it
    expect(document.activeElement).toBe(after);
  });

  it('moves the selection with the arrow keys, wrapping at the ends, and with Home and End', async () => {
    const { onchange, tab, settled } = await mount('time');
    tab('time').focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(onchange).toHaveBeenLastCalledWith('platforms');
    await settled('platforms');
    await userEvent.keyboard('{ArrowRight}');
    expect(onchange).toHaveBeenLastCalledWith('forces');
    await settled('forces');
    await userEvent.keyboard('{ArrowLeft}');
    expect(onchange).toHaveBeenLastCalledWith('platforms');
    await settled('platforms');
    await userEvent.keyboard('{Home}');
    expect(onchange).toHaveBeenLastCalledWith('time');
    await settled('time');
    await userEvent.keyboard('{ArrowLeft}');
    expect(onchange).toHaveBeenLastCalledWith('sources');
    await settled('sources');
    await userEvent.keyboard('{ArrowRight}');
    expect(onchange).toHaveBeenLastCalledWith('time');
    await settled('time');
    await userEvent.keyboard('{End}');
    expect(onchange).toHaveBeenLastCalledWith('sources');
    await settled('sources');
    expect(onchange).toHaveBeenCalledTimes(7);
  });

  it('ignores other keys', async () => {
    const { onchange, tab } = await mount('table');
    tab('table').focus();
    await userEvent.keyboard('{ArrowDown}{ArrowUp}x');
    expect(onchange).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(tab('table'));
  });

  it('shows every view by name, in order, with only the chosen one selected', async () => {
    const { tabs } = await mount('coverage');
    expect(tabs().map((t) => t.textContent?.trim())).toEqual(VIEWS.map((v) => VIEW_NAMES[v]));
    expect(tabs().map((t) => t.getAttribute('aria-selected'))).toEqual(
      VIEWS.map((v) => String(v === 'coverage')),
    );
    expect(tabs().map((t) => t.getAttribute('tabindex'))).toEqual(
      VIEWS.map((v) => (v === 'coverage' ? '0' : '-1')),
    );
    for (const t of tabs()) expect(t.getAttribute('aria-controls')).toBe('view-panel');
    await expect.element(page.getByRole('tablist', { name: 'Views' })).toBeVisible();
    await expect.element(page.getByRole('tab', { name: 'Coverage', selected: true })).toBeVisible();
  });

  it('selects a view on click', async () => {
    const { onchange, tab, tabs } = await mount('time');
    await userEvent.click(tab('sources'));
    expect(onchange).toHaveBeenCalledExactlyOnceWith('sources');
    await expect.poll(() => tabs().filter((t) => t.ariaSelected === 'true')).toEqual([tab('sources')]);
    await expect.element(page.getByRole('tabpanel', { name: 'Sources and notes' })).toBeVisible();
  });
});
