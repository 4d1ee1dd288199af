/**
 * The person's own figures: none, in memory, or kept in this browser's storage when they asked
 * (src/lib/import/persistence.ts), shown beside the published figures or instead of them. The import's code
 * is fetched only when it is needed: to look for kept figures once the first chart is drawn, or to keep them.
 */
import type { Dataset } from '../data/load.ts';
import type { ImportedData } from '../import/import.ts';
import { withImported } from '../import/merge.ts';
import type { YoursMode } from '../import/persistence.ts';

const persistence = () => import('../import/persistence.ts');

export class YourFigures {
  // Raw: every figure of a file read as it is; a deep proxy would stand between each read and its value.
  #data = $state.raw<ImportedData | null>(null);
  #mode = $state<YoursMode>('beside');
  #remembered = $state(false);

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

  /** Brings back figures kept in this browser, checked again against the published ones; true if any. */
  async restore(published: Dataset): Promise<boolean> {
    const { browserStorage, restoreYours } = await persistence();
    const kept = restoreYours(browserStorage(), published);
    if (!kept) return false;
    this.#data = kept.data;
    this.#mode = kept.mode;
    this.#remembered = true;
    return true;
  }

  /** Uses these figures, and keeps them in this browser or forgets any kept, as the person chose. */
  async apply(data: ImportedData, mode: YoursMode, remember: boolean, published: Dataset): Promise<void> {
    this.#data = data;
    this.#mode = mode;
    const { browserStorage, saveYours } = await persistence();
    if (remember) this.#remembered = saveYours(browserStorage(), data, mode, published);
    else await this.forget();
  }

  async discard(): Promise<void> {
    this.#data = null;
    await this.forget();
  }

  /** The dataset to show: the published figures, with these beside them or instead of them. */
  over(published: Dataset): Dataset {
    return this.#data ? withImported(published, this.#data, this.#mode) : published;
  }

  private async forget(): Promise<void> {
    this.#remembered = false;
    const { browserStorage, forgetYours } = await persistence();
    forgetYours(browserStorage());
  }
}
