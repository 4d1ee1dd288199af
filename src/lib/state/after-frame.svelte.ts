/**
 * A value that follows another one frame late, for secondary charts: a new view, or a change, draws the main
 * chart in its own frame and the secondary ones in the next, rather than all in one long frame. Nothing
 * (undefined) until the frame after mount; where effects do not run (the build-time render) it stays so, and
 * secondary charts are left to the app.
 */
import { untrack } from 'svelte';
import { afterPaint } from './start-up.svelte.ts';

export function afterFrame<T>(get: () => T): { readonly current: T | undefined } {
  let current = $state.raw<T | undefined>(undefined);
  $effect(() => {
    const next = get();
    if (next === untrack(() => current)) return;
    return afterPaint(() => (current = next));
  });
  return {
    get current() {
      return current;
    },
  };
}
