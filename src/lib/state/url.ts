/**
 * The view state and its URL serialisation: pure functions, round-trip tested. Defaults are left out of
 * the URL; unknown or stale values are dropped and reported, never thrown, never put into markup.
 */

import { PERS, VIEWS, type Ignored, type Per, type View, type ViewState } from '../views/state.ts';
import { RELEASE_KEY } from '../release/pin.ts';

/** The valid ids of each dimension, in their fixed display order. */
export interface Vocabulary {
  areas: readonly string[];
  platforms: readonly string[];
  periods: readonly string[];
  /** The periods selected when the URL names none. */
  defaultPeriods: readonly string[];
}

/** Query keys the explorer reads; the embed page adds its own. */
export const STATE_KEYS = ['view', 'force', 'platform', 'period', 'focus', 'ltl', 'per'] as const;

export function defaultState(vocab: Vocabulary): ViewState {
  return {
    view: 'time',
    areas: [],
    platforms: [],
    periods: [...vocab.defaultPeriods],
    focus: null,
    likeForLike: false,
    per: 'count',
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Keeps known values, in vocabulary order, once each. */
function ordered(values: Iterable<string>, known: readonly string[]): string[] {
  const set = new Set(values);
  return known.filter((k) => set.has(k));
}

/** The state as a query string ('' for the default view), keys in a fixed order. */
export function toQuery(state: ViewState, vocab: Vocabulary): string {
  const q = new URLSearchParams();
  if (state.view !== 'time') q.set('view', state.view);
  if (state.areas.length) q.set('force', ordered(state.areas, vocab.areas).join(','));
  if (state.platforms.length) q.set('platform', ordered(state.platforms, vocab.platforms).join(','));
  const periods = ordered(state.periods, vocab.periods);
  if (!sameList(periods, ordered(vocab.defaultPeriods, vocab.periods)))
    q.set('period', periods.length ? periods.join(',') : 'all');
  if (state.focus) q.set('focus', state.focus);
  if (state.likeForLike) q.set('ltl', '1');
  if (state.per !== 'count') q.set('per', state.per);
  return readableQuery(q);
}

/** URLSearchParams encodes the commas between ids; a comma is allowed in a query, and easier to read. */
export const readableQuery = (q: URLSearchParams): string => q.toString().replace(/%2C/gi, ',');

/**
 * Reads a query string into a valid state. Everything it cannot use is listed in `ignored` with the reason;
 * keys in `otherKeys` (e.g. the embed page's own) are left to their reader.
 */
export function fromQuery(
  query: string,
  vocab: Vocabulary,
  otherKeys: readonly string[] = [],
): { state: ViewState; ignored: Ignored[] } {
  const state = defaultState(vocab);
  const ignored: Ignored[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return { state, ignored: [{ key: '', value: String(query).slice(0, 80), reason: 'not a query string' }] };
  }
  const ignore = (key: string, value: string, reason: string) =>
    ignored.push({ key: key.slice(0, 40), value: value.slice(0, 80), reason });

  const listOf = (key: string, known: readonly string[], what: string): string[] | null => {
    const raw = params.getAll(key);
    if (raw.length === 0) return null;
    const values = raw
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
    const knownSet = new Set(known);
    for (const v of values) if (!knownSet.has(v) && v !== 'all') ignore(key, v, `no such ${what}`);
    return ordered(values, known);
  };

  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (seen.has(key)) continue;
    seen.add(key);
    if (!(STATE_KEYS as readonly string[]).includes(key) && key !== RELEASE_KEY && !otherKeys.includes(key))
      ignore(key, params.get(key) ?? '', 'unknown setting');
  }

  const view = params.get('view');
  if (view !== null) {
    if ((VIEWS as readonly string[]).includes(view)) state.view = view as View;
    else ignore('view', view, 'no such view');
  }
  const areas = listOf('force', vocab.areas, 'area');
  if (areas) state.areas = areas;
  const platforms = listOf('platform', vocab.platforms, 'platform');
  if (platforms) state.platforms = platforms;
  const periods = listOf('period', vocab.periods, 'period');
  if (periods) {
    const all = params.getAll('period').some((v) => v.split(',').includes('all'));
    if (periods.length) state.periods = periods;
    else if (all) state.periods = [];
    else ignore('period', params.get('period') ?? '', 'no known period left: showing the default years');
  }
  const focus = params.get('focus');
  if (focus !== null) {
    if (vocab.periods.includes(focus)) state.focus = focus;
    else ignore('focus', focus, 'no such period');
  }
  const ltl = params.get('ltl');
  if (ltl !== null) {
    if (ltl === '1' || ltl === '0') state.likeForLike = ltl === '1';
    else ignore('ltl', ltl, 'expected 1 or 0');
  }
  const per = params.get('per');
  if (per !== null) {
    if ((PERS as readonly string[]).includes(per)) state.per = per as Per;
    else ignore('per', per, 'expected count, u16 or u18');
  }
  return { state, ignored };
}
