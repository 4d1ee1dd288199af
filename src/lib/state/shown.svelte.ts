/**
 * What the explorer shows: the published figures with the person's own as they chose (./yours.svelte.ts),
 * their context, and the one filter state over them, which keeps the view a person has when the figures change.
 */
import type { Dataset } from '../data/load.ts';
import { contextInTasks, contextOf, type Context } from '../views/context.ts';
import { Explorer } from './explorer.svelte.ts';
import type { Release } from './release.svelte.ts';
import { nextTask } from './start-up.svelte.ts';
import { YourFigures } from './yours.svelte.ts';

export class ShownFigures {
  explorer = $state<Explorer | undefined>();
  ctx = $state.raw<Context | undefined>();
  /** The published figures, as read. */
  published = $state.raw<Dataset | undefined>();
  readonly yours = new YourFigures();
  #changes = 0;

  constructor(private readonly release: Release) {}

  /** The start-up's layout step: the published figures, as read. */
  layout(ds: Dataset): void {
    this.published = ds;
    this.use(ds);
  }

  /** Puts the published figures, with the person's own, in use. */
  use(ds: Dataset, shown = this.yours.over(ds)): void {
    this.ctx = contextOf(shown);
    const query = this.explorer
      ? `?${this.explorer.query}`
      : typeof location === 'undefined'
        ? ''
        : location.search;
    this.explorer = new Explorer(shown, query);
    this.release.attach(this.explorer);
  }

  /**
   * After the person's figures change: merged, resolved and drawn in tasks of their own, so that a large
   * file's rows do not hold the page in one. A later change overtakes an earlier one still under way.
   */
  async useYours(ds: Dataset): Promise<void> {
    const change = ++this.#changes;
    const shown = this.yours.over(ds);
    await nextTask();
    await contextInTasks(shown, nextTask);
    await nextTask();
    if (change === this.#changes && this.published === ds) this.use(ds, shown);
  }

  /** The start-up's later step: figures the person kept in this browser, if any. */
  async restore(ds: Dataset): Promise<void> {
    if ((await this.yours.restore(ds)) && this.published === ds) this.use(ds);
  }
}
