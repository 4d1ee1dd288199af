/**
 * The address follows the explorer's state, and the Back and Forward buttons restore it. Writes wait a moment
 * after the last change so that history calls never sit between an input and its frame. A change of view adds
 * a history entry (so Back returns to the previous view); filter changes replace the entry. A reload or a new
 * tab must see the latest state: a pending write is made before the page goes.
 */
import type { View } from '../views/state.ts';
import type { Explorer } from './explorer.svelte.ts';

export const URL_DELAY_MS = 120;

/** Binds the explorer (as it is at each moment) to the address; call while a component is set up. */
export function bindHistory(current: () => Explorer | undefined): void {
  let lastView: View | undefined;
  let pending: { timer: ReturnType<typeof setTimeout>; push: boolean } | undefined;

  const addressOf = (explorer: Explorer) =>
    `${location.pathname}${explorer.query ? `?${explorer.query}` : ''}${location.hash}`;
  const write = (push: boolean, url: string) =>
    push ? history.pushState(null, '', url) : history.replaceState(null, '', url);
  const cancel = () => {
    if (pending) clearTimeout(pending.timer);
    pending = undefined;
  };

  $effect(() => {
    const explorer = current();
    if (!explorer) return;
    const url = addressOf(explorer);
    const view = explorer.state.view;
    const push = (pending?.push ?? false) || (lastView !== undefined && view !== lastView);
    cancel();
    lastView = view;
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    pending = {
      push,
      timer: setTimeout(() => {
        pending = undefined;
        write(push, url);
      }, URL_DELAY_MS),
    };
  });

  $effect(() => {
    const onpopstate = () => {
      cancel();
      const explorer = current();
      explorer?.restore(location.search);
      lastView = explorer?.state.view;
    };
    const onpagehide = () => {
      const explorer = current();
      if (!explorer || !pending) return;
      const { push } = pending;
      cancel();
      write(push, addressOf(explorer));
    };
    addEventListener('popstate', onpopstate);
    addEventListener('pagehide', onpagehide);
    return () => {
      removeEventListener('popstate', onpopstate);
      removeEventListener('pagehide', onpagehide);
    };
  });
}
