/**
 * The data release a page shows, given to its components with the page (src/lib/state/page.ts): which release, whether
 * the address pins it, and (for an earlier release) the current one beside it, to say what changed. The explorer
 * and the embed page create one each; a component rendered without one (a test) shows no release.
 */
import { current as indexCurrent } from '../../../data/releases/index.json';
import { loadDataset, type DataSource, type Dataset } from '../data/load.ts';
import type { Explorer } from './explorer.svelte.ts';
import type { Ignored } from '../views/state.ts';
import { makeContext, type Context } from '../views/context.ts';
import type { ReleaseInfo } from '../release/id.ts';
import { resolvePin } from '../release/pin.ts';

/** The release the pages were built with (data/releases/index.json, written by `npm run release`). */
export const CURRENT_RELEASE: ReleaseInfo = indexCurrent;

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return response.json();
}

export class Release {
  readonly current: ReleaseInfo = CURRENT_RELEASE;
  /** The release the page shows. */
  shown: ReleaseInfo = $state(CURRENT_RELEASE);
  /** The release the address pins, once checked (the shown one); null on an unpinned page. */
  pin: string | null = $state(null);
  /** The current release, loaded beside an earlier one that is shown: to say what changed. */
  currentCtx: Context | null = $state.raw(null);
  /** A pin that could not be used, for the page's notice of ignored keys. */
  ignored: Ignored[] = [];
  private reported = false;
  private readonly search: string;
  private readonly lean: boolean;

  /** `search`: the page's query; `lean`: the embed's figures file. */
  constructor(search: string, lean = false) {
    this.search = search;
    this.lean = lean;
  }

  /** An earlier release than the current one is shown. */
  get earlier(): boolean {
    return this.shown.id !== this.current.id;
  }

  /**
   * Loads the dataset the address asks for: the current release's `files` (the page's bundled assets), or an
   * earlier release's published files together with the current ones (to say what changed).
   */
  async load(files: DataSource): Promise<Dataset> {
    const pin = await resolvePin(this.search, {
      current: this.current,
      base: document.baseURI,
      lean: this.lean,
      fetchJson,
    });
    this.ignored = pin.ignored;
    if (pin.kind === 'earlier') {
      const [ds, current] = await Promise.all([loadDataset(pin.files), loadDataset(files)]);
      this.currentCtx = makeContext(current);
      this.shown = pin.release;
      this.pin = pin.release.id;
      return ds;
    }
    this.pin = pin.kind === 'current' ? pin.release.id : null;
    return loadDataset(files);
  }

  /** Gives the page's filter state the pin (kept in its URL) and, once, what the pin could not use. */
  attach(explorer: Explorer): void {
    explorer.adoptRelease(this.pin, this.reported ? [] : this.ignored);
    this.reported = true;
  }
}
