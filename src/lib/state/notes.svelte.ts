/**
 * The figures' notes and evidence as the explorer has them: the pages' pack leaves them out (no chart shows
 * them), and the start-up's notes step reads them (src/lib/data/load.ts `loadNotes`), looked up by figure id so
 * that the figures, their facts and the charts stay as drawn when they come.
 */
import { loadNotes, ownNotes, type Dataset, type NotesOf } from '../data/load.ts';
import type { Notes } from './page.ts';

export class FigureNotes implements Notes {
  #state = $state<Notes['state']>('loading');
  #of = $state.raw<NotesOf>(ownNotes);
  readonly ready: Promise<void>;
  #settle!: { resolve: () => void; reject: (e: unknown) => void };

  constructor() {
    this.ready = new Promise<void>((resolve, reject) => (this.#settle = { resolve, reject }));
    this.ready.catch(() => {}); // a page that never asks for them has nothing to report
  }

  get state(): Notes['state'] {
    return this.#state;
  }

  /** A figure's note and evidence: its own until they are in, and for any figure they do not name (the person's). */
  readonly of: NotesOf = (f) => this.#of(f);

  /** Reads the notes of `ds` from `url`, where the dataset came without them. */
  async load(ds: Dataset, url: string | undefined): Promise<void> {
    try {
      if (url) this.#of = await loadNotes(ds, url);
      this.#state = 'ready';
      this.#settle.resolve();
    } catch (e) {
      this.#state = 'failed';
      this.#settle.reject(e);
    }
  }
}
