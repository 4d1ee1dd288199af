/**
 * A page's first charts, drawn in a task after the one that lays the page out (./start-up.ts): `waiting` while
 * the page is laid out (Page.chartsWait: the charts wait, the view panel is hidden), then `draw` clears it in a
 * task of its own. Where the page is laid out beside its prerendered markup, `draw` also swaps the markup for
 * it in that task (src/lib/prerender/start.ts).
 */
import { flushSync } from 'svelte';
import { nextTaskThen } from './start-up.ts';

export class FirstDraw {
  #waiting = $state(false);

  get waiting(): boolean {
    return this.#waiting;
  }

  /** The page about to be laid out draws no chart until {@link draw}. In the browser only: the build-time render draws its own. */
  hold(): void {
    this.#waiting = typeof window !== 'undefined';
  }

  /** Draws the charts in a task after this one, then calls `shown` in that same task. */
  draw(shown: () => void = () => {}): void {
    nextTaskThen(() => {
      this.#waiting = false;
      flushSync();
      shown();
    });
  }
}
