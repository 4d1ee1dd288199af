/**
 * What every component of a page reads, provided once through Svelte's context by the page (App.svelte or
 * Embed.svelte) instead of threaded as props: the explorer state, the data it is drawn from, the figure whose
 * details are open, and, on the embed page, what the embed shows. Read-only getters: components change the
 * state through the explorer's methods and `pick`.
 */
import { getContext, setContext } from 'svelte';
import type { Figure } from '../data/schema.ts';
import type { FigureNote, NotesOf } from '../data/load.ts';
import type { Fact } from '../query/resolve.ts';
import type { Context } from '../views/context.ts';
import type { Citation } from '../words/citation.ts';
import type { Release } from './release.svelte.ts';
import type { Explorer } from './explorer.svelte.ts';
import type { StartUp, Step } from './start-up.svelte.ts';

/**
 * On the embed page: the address of the same view in the explorer. (Which parts show is said by
 * <html data-show>, see app.css.)
 */
export interface Embedded {
  exploreHref: string;
}

export interface Page {
  readonly explorer: Explorer;
  /** The dataset in use and its resolved facts. */
  readonly ctx: Context;
  /** The citation of the view, for "Cite this view"; '' where there is none (the embed). */
  readonly citation: Citation;
  /** The figure whose details are open, if any. */
  readonly picked: Fact | null;
  /** Opens a figure's details; absent where figures have no details (the embed). */
  readonly pick?: (id: string | null) => void;
  /** Set on the embed page; null in the explorer. */
  readonly embedded: Embedded | null;
  /** The data release shown (src/lib/release); absent where none is named (a component test). */
  readonly release?: Release;
  /**
   * The figures' notes and evidence, where the page shows them (the explorer reads them just after its first
   * chart, see src/lib/data/load.ts `loadNotes`): whether they are in, a promise of them for what must wait
   * (the downloads), and a figure's. Absent where none are shown (the embed).
   */
  readonly notes?: Notes;
  /** How far the page's start-up has gone; absent where everything is drawn at once (a component test). */
  readonly startUp?: StartUp;
}

export interface Notes {
  readonly state: 'loading' | 'ready' | 'failed';
  /** Resolves once the figures' notes are in; rejects if they could not be read. */
  readonly ready: Promise<void>;
  /** A figure's note and evidence: its own ('' for a published figure) until they are in. */
  readonly of: NotesOf;
}

/** A figure's note and evidence as the page has them. */
export const noteOf = (page: Page | undefined, f: Figure): FigureNote => (page?.notes ? page.notes.of(f) : f);

/**
 * Whether the figures' notes are still to come ('loading') or could not be read ('failed'), where the page
 * reads them after its first chart; null where they are in or the figures carry their own.
 */
export function notesPending(page: Page | undefined, ctx: Context): 'loading' | 'failed' | null {
  if (ctx.ds.notes || !page?.notes || page.notes.state === 'ready') return null;
  return page.notes.state;
}

/** Whether the page's start-up has run `step` (./start-up.svelte.ts); true where there is none. */
export const reached = (page: Page | undefined, step: Step): boolean => page?.startUp?.reached(step) ?? true;

const KEY = Symbol('page');

/** Called once by the page component, with getters over its own state. */
export const providePage = (page: Page): void => void setContext(KEY, page);

/** The page, where there is one: a chart drawn alone (a component test) has none. */
export const pageIfAny = (): Page | undefined => getContext<Page | undefined>(KEY);

export function usePage(): Page {
  const page = getContext<Page | undefined>(KEY);
  if (!page) throw new Error('usePage() outside a page: App.svelte and Embed.svelte provide it');
  return page;
}
