/** What every view component is given: the state, the data, and the figure-details wiring. */
import type { Fact } from '../../lib/query/resolve.ts';
import type { Explorer } from '../../lib/state/explorer.svelte.ts';
import type { Context } from '../../lib/views/context.ts';
import type { Citation } from '../../lib/words/citation.ts';

export interface ViewProps {
  explorer: Explorer;
  ctx: Context;
  /** The citation of the view, for its "Cite this view" button. */
  citation: Citation;
  /** The figure whose details are open, if any. */
  picked: Fact | null;
  onpick: (id: string) => void;
  onclosepick: () => void;
  /** Set on the embed page: which parts show and the link back. No downloads or details there. */
  embedded?: { show: ReadonlySet<string>; exploreHref: string } | null;
}
