/**
 * What checking one imported row gives (./rows.ts): a figure and where it came from, or every reason it is
 * not one; and the defaults for what a row leaves out.
 */
import type { Dataset } from '../data/load.ts';
import type { Figure, PlatformLabel, SourceKind } from '../data/schema.ts';

/**
 * What imported rows are checked against: the published areas and platform labels, nothing else of the
 * dataset. Small, and plain Maps, so that it can be handed to a worker (./worker.ts).
 */
export type ImportReference = Pick<Dataset, 'areas' | 'labels'>;

/** Why a cell keeps its row out. `value` is the cell as written (clipped to 200 characters). */
export interface CellProblem {
  column: string;
  reason: string;
  value?: string;
}

export interface CellWarning {
  column: string;
  message: string;
}

/** Where an accepted row's figure came from, before sources get ids. */
export interface RowSource {
  url: string;
  name: string;
  date: string;
  kind: SourceKind;
  /** Whether the row said the kind itself. */
  kindGiven: boolean;
}

export type RowOutcome =
  | {
      ok: true;
      figure: Omit<Figure, 'id' | 'source'>;
      source: RowSource;
      unknownLabel?: string;
      warnings: CellWarning[];
    }
  | { ok: false; problems: CellProblem[] };

/** The id of the source of rows that name no source_url or source_name. */
export const USER_SOURCE = 'user';

/**
 * The mapping for a platform label the dataset lacks. It names no platform, so no platform or owner filter
 * selects it (like "Social media (any)"); its rows show when no platform filter is set. Scope "any" is the
 * only scope the label rules allow without platforms; the schema has no "unknown" scope.
 */
export const labelForUnknown = (label: string): PlatformLabel => ({
  label,
  platforms: [],
  owners: [],
  scope: 'any',
});

/** The default kind of an undescribed source: the lowest rank of the preference rule (see import.ts). */
export const DEFAULT_SOURCE_KIND: SourceKind = 'news';

export const clip = (text: string, max = 200): string =>
  text.length > max ? text.slice(0, max - 1) + '…' : text;
