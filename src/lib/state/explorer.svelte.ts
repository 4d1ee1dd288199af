/**
 * The one filter state of the explorer. Components read it; controls change it through its methods.
 * The URL is its serialisation (./url.ts).
 */
import type { Dataset } from '../data/load.ts';
import { OWNER_PREFIX } from '../query/filter.ts';
import { defaultState, fromQuery, toQuery, type Vocabulary } from './url.ts';
import { withRelease } from '../release/pin.ts';
import { type Ignored } from '../views/state.ts';
import { type Per, type View, type ViewState } from '../views/state.ts';

export function vocabularyOf(ds: Dataset): Vocabulary {
  const owners = [...new Set([...ds.platforms.values()].map((p) => p.owner))];
  return {
    areas: [...ds.areas.keys()],
    platforms: [...ds.platforms.keys(), ...owners.map((o) => OWNER_PREFIX + o)],
    periods: ds.periods.map((p) => p.id),
    defaultPeriods: ds.periods.filter((p) => p.kind === 'financial_year').map((p) => p.id),
  };
}

/** How an address becomes a state: the explorer's keys by default; the embed page adds its own. */
export type QueryReader = (query: string, vocab: Vocabulary) => { state: ViewState; ignored: Ignored[] };

export class Explorer {
  readonly ds: Dataset;
  readonly vocab: Vocabulary;
  #state: ViewState = $state() as ViewState;
  #ignored: Ignored[] = $state([]);
  #pin: string | null = $state(null);
  readonly #read: QueryReader;

  constructor(ds: Dataset, query = '', read: QueryReader = fromQuery) {
    this.ds = ds;
    this.vocab = vocabularyOf(ds);
    this.#read = read;
    this.restore(query);
  }

  /** The view state; change it through the methods below. */
  get state(): ViewState {
    return this.#state;
  }
  /** What the link asked for that could not be used, shown to the reader. */
  get ignored(): readonly Ignored[] {
    return this.#ignored;
  }

  /** The data release the address pins (`data=<id>`, checked by src/lib/release), kept in the URL; null when unpinned. */
  get pin(): string | null {
    return this.#pin;
  }

  get query(): string {
    return withRelease(toQuery(this.#state, this.vocab), this.#pin);
  }

  /** Takes the release the address pins, once it is checked, and what of the pin could not be used. */
  adoptRelease(pin: string | null, ignored: readonly Ignored[] = []): void {
    this.#pin = pin;
    if (ignored.length) this.#ignored = [...ignored, ...this.#ignored];
  }

  /** Replaces the whole state from a URL (the page's address, back and forward buttons). */
  restore(query: string): void {
    const { state, ignored } = this.#read(query, this.vocab);
    this.#state = state;
    this.#ignored = ignored;
  }

  private order(ids: Iterable<string>, known: readonly string[]): string[] {
    const set = new Set(ids);
    return known.filter((k) => set.has(k));
  }

  setView(view: View): void {
    this.state.view = view;
  }

  setAreas(ids: Iterable<string>): void {
    this.state.areas = this.order(ids, this.vocab.areas);
  }
  toggleArea(id: string, on: boolean): void {
    const set = new Set(this.state.areas);
    if (on) set.add(id);
    else set.delete(id);
    this.setAreas(set);
  }
  /** Adds (or, when all are already in, removes) every force of a region in one action. */
  toggleGroup(ids: readonly string[]): void {
    const set = new Set(this.state.areas);
    const all = ids.every((id) => set.has(id));
    for (const id of ids)
      if (all) set.delete(id);
      else set.add(id);
    this.setAreas(set);
  }

  setPlatforms(ids: Iterable<string>): void {
    this.state.platforms = this.order(ids, this.vocab.platforms);
  }
  togglePlatform(id: string, on: boolean): void {
    const set = new Set(this.state.platforms);
    if (on) set.add(id);
    else set.delete(id);
    this.setPlatforms(set);
  }

  setPeriods(ids: Iterable<string>): void {
    this.state.periods = this.order(ids, this.vocab.periods);
  }
  togglePeriod(id: string, on: boolean): void {
    const set = new Set(this.state.periods);
    if (on) set.add(id);
    else set.delete(id);
    this.setPeriods(set);
  }
  /** Sets the financial years to the range from..to (ids), keeping the other periods chosen; null clears them. */
  setYearRange(from: string | null, to: string | null): void {
    const years = this.ds.periods.filter((p) => p.kind === 'financial_year').map((p) => p.id);
    const others = this.state.periods.filter((id) => !years.includes(id));
    if (from === null || to === null) return this.setPeriods(others);
    let [i, j] = [years.indexOf(from), years.indexOf(to)];
    if (i > j) [i, j] = [j, i];
    this.setPeriods([...others, ...years.slice(i, j + 1)]);
  }
  setFocus(id: string | null): void {
    this.state.focus = id;
  }
  setLikeForLike(on: boolean): void {
    this.state.likeForLike = on;
  }
  setPer(per: Per): void {
    this.state.per = per;
  }

  resetAreas(): void {
    this.state.areas = [];
  }
  resetPlatforms(): void {
    this.state.platforms = [];
  }
  resetPeriods(): void {
    this.state.periods = [...this.vocab.defaultPeriods];
    this.state.focus = null;
  }
  resetAll(): void {
    this.#state = defaultState(this.vocab);
  }
  dismissIgnored(): void {
    this.#ignored = [];
  }
}
