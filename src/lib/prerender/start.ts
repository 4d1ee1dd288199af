/**
 * Starts a page's app over its prerendered markup (build/render.ts). When the markup is on screen (it fits
 * the address, see ./guard.ts), the figures are loaded first; then the live page is laid out hidden beside the
 * markup, its charts waiting, in one task, and its charts are drawn and the markup swapped for it in the next
 * (the page's `drawCharts`), so no frame shows a loading message or a page without its chart, and neither task
 * holds the page for both. Otherwise the app starts at once and shows its own loading state. Either way
 * <html data-app="live"> says the live page is on screen.
 */
import { flushSync } from 'svelte';
import { NO_PRERENDER, PRERENDERED_ATTR } from './context.ts';

/** The attribute of the element the live page is mounted in over the markup: "waiting" while it is hidden. */
const LIVE_ATTR = 'data-live';

/** What a page's component gives back (its exports, from Svelte's `mount`). */
export interface Started {
  /** Draws the page's charts in a task after this one, then calls `shown` in that same task. */
  drawCharts?: (shown: () => void) => void;
}

export function startOver<D>(
  target: HTMLElement,
  load: () => Promise<D>,
  /** Mounts the page; returns its component's exports (Svelte's `mount`), {@link Started} among them. */
  start: (target: HTMLElement, preloaded?: D) => unknown,
): void {
  const markup = target.querySelector(`[${PRERENDERED_ATTR}]`);
  const shown = markup !== null && !document.documentElement.classList.contains(NO_PRERENDER);
  const live = () => void (document.documentElement.dataset.app = 'live');
  const go = (preloaded?: D) => {
    target.replaceChildren();
    start(target, preloaded);
    flushSync();
    live();
  };
  // A failed load starts the app without figures: it tries again itself and shows the error with a retry.
  if (!shown) return go();
  load().then(
    (preloaded) => {
      const page = document.createElement('div');
      page.setAttribute(LIVE_ATTR, 'waiting');
      target.append(page);
      const started = start(page, preloaded) as Started | undefined;
      flushSync();
      const swap = () => {
        markup.remove();
        page.setAttribute(LIVE_ATTR, '');
        live();
      };
      if (started?.drawCharts) started.drawCharts(swap);
      else swap();
    },
    () => go(),
  );
}
