/**
 * A value that follows another one frame late. For a secondary chart: a change then redraws the main chart
 * in the frame it was made in, and the secondary chart in the next, rather than both in one long frame.
 * Where effects do not run (the build-time render) it stays the first value, which is then the current one.
 */
import { untrack } from 'svelte';

export function afterFrame<T>(get: () => T): { readonly current: T } {
  let current = $state.raw(untrack(get));
  $effect(() => {
    const next = get();
    if (next === untrack(() => current)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => (current = next))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  });
  return {
    get current() {
      return current;
    },
  };
}
