/**
 * Starts a page's app over its prerendered markup (build/render.ts). When the markup is on screen (it fits
 * the address, see ./guard.ts), the figures are loaded first and the markup is swapped for the live app within
 * one task, so no frame shows a loading message in between. Otherwise the app starts at once and shows its
 * own loading state. Either way <html data-app="live"> says the app is running.
 */
import { flushSync } from 'svelte';
import { NO_PRERENDER, PRERENDERED_ATTR } from './context.ts';

export function startOver<D>(
  target: HTMLElement,
  load: () => Promise<D>,
  start: (target: HTMLElement, preloaded?: D) => void,
): void {
  const shown =
    target.querySelector(`[${PRERENDERED_ATTR}]`) !== null &&
    !document.documentElement.classList.contains(NO_PRERENDER);
  const go = (preloaded?: D) => {
    target.replaceChildren();
    start(target, preloaded);
    flushSync();
    document.documentElement.dataset.app = 'live';
  };
  // A failed load starts the app without figures: it tries again itself and shows the error with a retry.
  if (shown) load().then(go, () => go());
  else go();
}
