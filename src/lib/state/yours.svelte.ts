/**
 * The person's own figures: none, in memory, or kept in this browser's storage when they asked
 * (src/lib/import/persistence.ts), shown beside the published figures or instead of them.
 */
import type { Dataset } from '../data/load.ts';
import type { ImportedData } from '../import/import.ts';
import { withImported } from '../import/merge.ts';
import {
  browserStorage,
  forgetYours,
  restoreYours,
  saveYours,
  type YoursMode,
} from '../import/persistence.ts';

export class YourFigures {
  #data = $state<ImportedData | null>(null);
  #mode = $state<YoursMode>('beside');
  #remembered = $state(false);
  readonly #store = browserStorage();

  get data(): ImportedData | null {
    return this.#data;
  }
  get mode(): YoursMode {
    return this.#mode;
  }
  /** Whether they are kept in this browser's storage. */
  get remembered(): boolean {
    return this.#remembered;
  }

  /** Brings back figures kept in this browser, checked again against the published ones. */
  restore(published: Dataset): void {
    const kept = restoreYours(this.#store, published);
    if (!kept) return;
    this.#data = kept.data;
    this.#mode = kept.mode;
    this.#remembered = true;
  }

  /** Uses these figures, and keeps them in this browser or forgets any kept, as the person chose. */
  apply(data: ImportedData, mode: YoursMode, remember: boolean, published: Dataset): void {
    this.#data = data;
    this.#mode = mode;
    if (remember) this.#remembered = saveYours(this.#store, data, mode, published);
    else this.forget();
  }

  discard(): void {
    this.#data = null;
    this.forget();
  }

  /** The dataset to show: the published figures, with these beside them or instead of them. */
  over(published: Dataset): Dataset {
    return this.#data ? withImported(published, this.#data, this.#mode) : published;
  }

  private forget(): void {
    forgetYours(this.#store);
    this.#remembered = false;
  }
}
