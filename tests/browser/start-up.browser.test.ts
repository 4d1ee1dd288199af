/**
 * The start-up (src/lib/state/start-up.svelte.ts) in real Chromium: its steps in their order, each in a task of
 * its own, what waits for a step run again only when it is reached, the markup swapped for the live page in
 * the task that draws, and a failed read shown rather than left hidden.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { flushSync } from 'svelte';
import { STEPS, StartUp, mountPage, type Step } from '../../src/lib/state/start-up.svelte.ts';
import { PRERENDERED_ATTR } from '../../src/lib/prerender/context.ts';
import { contextOf } from '../../src/lib/views/context.ts';
import { fixtureDataset } from './fixture.ts';
import Harness from './StartUpHarness.svelte';

/** A page with prerendered markup in its mount point, as the build writes it. */
function pageWithMarkup(): HTMLElement {
  const target = document.createElement('div');
  target.innerHTML = `<div ${PRERENDERED_ATTR}><svg id="markup"></svg></div>`;
  document.body.append(target);
  return target;
}

afterEach(() => {
  document.body.replaceChildren();
  delete document.documentElement.dataset.app;
});

describe('the start-up', () => {
  it('runs read, context, layout, draw, notes, filters, later in order', async () => {
    const ds = await fixtureDataset();
    const startUp = new StartUp();
    const seen: { at: string; reached: Step[] }[] = [];
    const note = (at: string): void =>
      void seen.push({ at, reached: STEPS.filter((s) => startUp.reached(s)) });
    await startUp.run({
      read: async () => (note('read'), ds),
      layout: () => {
        expect(contextOf(ds)).toBe(contextOf(ds)); // made before, kept
        note('layout');
      },
      failed: () => note('failed'),
      notes: async () => note('notes'),
      later: async () => note('later'),
    });
    expect(seen.map((s) => [s.at, s.reached])).toEqual([
      ['read', []],
      ['layout', ['read', 'context']],
      ['notes', ['read', 'context', 'layout', 'draw']],
      ['later', [...STEPS]],
    ]);
    expect(STEPS.every((s) => startUp.reached(s))).toBe(true);
  });

  it('runs what waits for a step again when that step is reached, not at every step after it', async () => {
    const ds = await fixtureDataset();
    const startUp = new StartUp();
    const runs: boolean[] = [];
    await render(Harness, { startUp, onrun: (drawn) => runs.push(drawn) });
    await startUp.run({ read: async () => ds, layout: () => {}, failed: () => {} });
    flushSync();
    // A chart drawn at every later step (notes, filters, later) would have been drawn four times.
    expect(runs).toEqual([false, true]);
  });

  it('lays the page out hidden beside the markup and swaps the two when it draws', async () => {
    const ds = await fixtureDataset();
    const target = pageWithMarkup();
    let live: HTMLElement | undefined;
    mountPage(target, (t) => (live = t));
    expect(live!.getAttribute('data-live')).toBe('waiting');
    expect(target.querySelector('#markup')).not.toBeNull();
    const startUp = new StartUp();
    const atLayout: unknown[] = [];
    await startUp.run({
      read: async () => ds,
      layout: () => atLayout.push(target.querySelector('#markup'), live!.getAttribute('data-live')),
      failed: () => {},
      notes: async () => {
        expect(target.querySelector('#markup')).toBeNull();
        expect(live!.getAttribute('data-live')).toBe('');
        expect(document.documentElement.dataset.app).toBe('live');
      },
    });
    expect(atLayout).toEqual([expect.any(SVGElement), 'waiting']);
  });

  it('mounts in place of the markup where the address hides it, and shows a failed read', async () => {
    const target = pageWithMarkup();
    document.documentElement.classList.add('no-prerender');
    let live: HTMLElement | undefined;
    mountPage(target, (t) => (live = t));
    document.documentElement.classList.remove('no-prerender');
    expect(live).toBe(target);
    expect(target.querySelector('#markup')).toBeNull();

    const beside = pageWithMarkup();
    mountPage(beside, (t) => (live = t));
    const errors: unknown[] = [];
    const startUp = new StartUp();
    await startUp.run({
      read: () => Promise.reject(new Error('offline')),
      layout: () => errors.push('laid out'),
      failed: (e) => errors.push(e),
    });
    expect(errors).toEqual([new Error('offline')]);
    expect(beside.querySelector('#markup')).toBeNull();
    expect(live!.getAttribute('data-live')).toBe('');
    expect(startUp.reached('read')).toBe(false);
  });
});
