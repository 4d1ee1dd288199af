/**
 * What a view is drawn from: the chosen view, areas, platforms, periods and measure. The views read it; the
 * explorer's state (src/lib/state) holds it and writes it to the URL.
 */

export const VIEWS = ['time', 'platforms', 'forces', 'table', 'coverage', 'sources'] as const;
export type View = (typeof VIEWS)[number];

export const VIEW_NAMES: Record<View, string> = {
  time: 'Over time',
  platforms: 'Platforms',
  forces: 'Forces',
  table: 'Table',
  coverage: 'Coverage',
  sources: 'Sources and notes',
};

export interface ViewState {
  view: View;
  /** Selected area ids, in the dataset's fixed order; empty = every area. */
  areas: string[];
  /** Platform ids and owner groups ("owner:meta"), in fixed order; empty = every platform. */
  platforms: string[];
  /** Selected period ids, in fixed order; empty = every period. */
  periods: string[];
  /** The one period the forces view and tile map show; null = chosen from the selection. */
  focus: string | null;
  /** Over time: only forces with a figure in every selected year. */
  likeForLike: boolean;
  /** Counts, or rates per 100,000 children under 16 or under 18. */
  per: Per;
}

export const PERS = ['count', 'u16', 'u18'] as const;
export type Per = (typeof PERS)[number];

/** A part of an address that could not become view state, with the reason; shown to the reader, never thrown. */
export interface Ignored {
  key: string;
  value: string;
  reason: string;
}
