/**
 * Fixed domains handed to every chart, so that a filter never recolours a platform, reorders periods or
 * rescales a legend. Colours follow the Okabe–Ito palette (safe for the common colour-vision deficiencies);
 * grey is kept for "no data" alone.
 */
import type { PlatformLabel } from '../data/schema.ts';

export const PLATFORM_COLOURS: Readonly<Record<string, string>> = {
  facebook: '#0072B2',
  messenger: '#56B4E9',
  instagram: '#CC79A7',
  whatsapp: '#009E73',
  snapchat: '#E69F00',
  kik: '#D55E00',
  twitter: '#882255',
};

export const OWNER_COLOURS: Readonly<Record<string, string>> = {
  meta: '#6F4FC2',
  snap: '#E69F00',
  kik: '#D55E00',
  x: '#882255',
};

/** A label covering platforms of several owners, or any platform. */
export const MIXED_COLOUR = '#8C6D1F';
export const NO_DATA_COLOUR = '#9a9a9a';
/** Series colours for areas in the over-time chart, given out along the view's colour order (src/lib/views/time.ts) (Okabe–Ito without yellow). */
export const SERIES_COLOURS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#882255',
  '#6F4FC2',
];

/** The over-time chart's total of the selected forces: the text colour, unlike any area's, in light and dark. */
export const TOTAL_COLOUR = 'currentColor';

/**
 * The fixed colour scale of the over-time chart, a domain of every area and the total with a range of one
 * colour each. The `reserved` areas (the national headline totals, drawn by default) take the first colours,
 * one each, which no other area shares; every other area takes the remaining colours in turn along
 * the view's colour order (`areaColourOrder` in src/lib/views/context.ts); the total of the selected forces is drawn in the text colour. A colour depends on
 * the dataset's areas alone, never on the selection, so adding or removing a series never recolours another.
 * With six colours in turn, a region's forces never share one (no region has more than six), nor does a
 * region's total with its forces, but for the East of England's total and Suffolk, its sixth force. Chosen over
 * a hash of the id, which is as stable but gives Kent and Surrey, or Wales and South Wales, one colour.
 */
export function seriesColourScale(
  order: readonly string[],
  reserved: readonly string[],
  total: string,
): { domain: string[]; range: string[] } {
  const kept = order.filter((id) => reserved.includes(id));
  const turn = SERIES_COLOURS.slice(kept.length);
  const rest = order.filter((id) => !kept.includes(id));
  return {
    domain: [...kept, ...rest, total],
    range: [
      ...kept.map((_, i) => SERIES_COLOURS[i]!),
      ...rest.map((_, i) => turn[i % turn.length]!),
      TOTAL_COLOUR,
    ],
  };
}

/**
 * The key of a label's colour: its platform for one platform ("facebook"), its owner for one owner
 * ("owner:meta"), else "mixed". Charts draw the key through {@link LABEL_COLOUR_SCALE}.
 */
export function labelColourKey(label: PlatformLabel | undefined): string {
  if (!label) return MIXED_KEY;
  const platform = label.platforms[0];
  if (label.scope === 'platform' && platform && platform in PLATFORM_COLOURS) return platform;
  const owner = label.owners[0];
  if (label.owners.length === 1 && owner && owner in OWNER_COLOURS) return `owner:${owner}`;
  return MIXED_KEY;
}
export const MIXED_KEY = 'mixed';

/** The fixed colour scale of platform labels: every platform, every owner, and the mixed colour. */
export const LABEL_COLOUR_SCALE: { readonly domain: string[]; readonly range: string[] } = {
  domain: [
    ...Object.keys(PLATFORM_COLOURS),
    ...Object.keys(OWNER_COLOURS).map((o) => `owner:${o}`),
    MIXED_KEY,
  ],
  range: [...Object.values(PLATFORM_COLOURS), ...Object.values(OWNER_COLOURS), MIXED_COLOUR],
};

/** The colour of a label: its platform's for one platform, its owner's for one owner, else the mixed colour. */
export function labelColour(label: PlatformLabel | undefined): string {
  return LABEL_COLOUR_SCALE.range[LABEL_COLOUR_SCALE.domain.indexOf(labelColourKey(label))] ?? MIXED_COLOUR;
}

/** Tile map colours for fixed thresholds (src/lib/views/forces.ts): the same legend for every filter. */
export const FORCE_SCHEME = ['#eef4fb', '#c6dbef', '#9ecae1', '#4292c6', '#2171b5', '#08306b'];
