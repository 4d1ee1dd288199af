/**
 * The embed page's own URL keys (theme, which parts show) beside the explorer's. pym.js parents add their
 * own query parameters; they are expected, not bad input.
 */
import { fromQuery, readableQuery, toQuery, type Vocabulary } from '../state/url.ts';
import { withRelease } from '../release/pin.ts';
import { type Ignored } from '../views/state.ts';
import { type View, type ViewState } from '../views/state.ts';

export const THEMES = ['auto', 'light', 'dark', 'transparent'] as const;
export type Theme = (typeof THEMES)[number];
export const PARTS = ['title', 'notes', 'source', 'link'] as const;
export type Part = (typeof PARTS)[number];
export const EMBED_KEYS = ['theme', 'show'] as const;
/** Added by a pym.js parent to the child's URL. */
export const PYM_KEYS = ['initialWidth', 'childId', 'parentTitle', 'parentUrl'] as const;
/** The views an embed can show: the charts. */
export const EMBED_VIEWS: readonly View[] = ['time', 'platforms', 'forces'];

export interface EmbedOptions {
  theme: Theme;
  show: ReadonlySet<Part>;
  /** The id a pym.js parent gave this child, when it opened it. */
  pymId: string | null;
}

export const defaultEmbedOptions = (): EmbedOptions => ({ theme: 'auto', show: new Set(PARTS), pymId: null });

/** Reads the embed page's URL: the explorer's state plus the embed's own options, with what it ignored. */
export function readEmbedQuery(
  query: string,
  vocab: Vocabulary,
): { state: ViewState; options: EmbedOptions; ignored: Ignored[] } {
  const { state, ignored } = fromQuery(query, vocab, [...EMBED_KEYS, ...PYM_KEYS]);
  const options = defaultEmbedOptions();
  const params = new URLSearchParams(query);
  const theme = params.get('theme');
  if (theme !== null) {
    if ((THEMES as readonly string[]).includes(theme)) options.theme = theme as Theme;
    else
      ignored.push({
        key: 'theme',
        value: theme.slice(0, 80),
        reason: 'expected auto, light, dark or transparent',
      });
  }
  const show = params.get('show');
  if (show !== null) {
    const parts = show
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    // "none" keeps no part: what embedQuery writes for a chart alone.
    for (const p of parts)
      if (p !== 'none' && !(PARTS as readonly string[]).includes(p))
        ignored.push({ key: 'show', value: p.slice(0, 80), reason: 'no such part' });
    options.show = new Set(parts.filter((p): p is Part => (PARTS as readonly string[]).includes(p)));
  }
  const id = params.get('childId');
  // pym ids become part of a message string: keep them to safe characters.
  if (id !== null && /^[\w-]{1,64}$/.test(id)) options.pymId = id;
  if (!EMBED_VIEWS.includes(state.view)) {
    ignored.push({
      key: 'view',
      value: state.view,
      reason: 'an embed shows a chart: over time, platforms or forces',
    });
    state.view = 'time';
  }
  return { state, options, ignored };
}

/**
 * The embed page's query for a state and options; defaults left out. `data` pins a data release
 * (`data=<release id>`, last; the explorer's key, see src/lib/release/pin.ts); null shows the latest figures.
 */
export function embedQuery(
  state: ViewState,
  vocab: Vocabulary,
  options: Pick<EmbedOptions, 'theme' | 'show'> & { data?: string | null },
): string {
  const q = new URLSearchParams(toQuery(state, vocab));
  if (options.theme !== 'auto') q.set('theme', options.theme);
  if (options.show.size !== PARTS.length)
    q.set('show', PARTS.filter((p) => options.show.has(p)).join(',') || 'none');
  return withRelease(readableQuery(q), options.data ?? null);
}
