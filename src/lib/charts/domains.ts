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
/** Series colours for areas in the over-time chart, in selection order (Okabe–Ito without yellow). */
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

/** The colour of a label: its platform's for one platform, its owner's for one owner, else the mixed colour. */
export function labelColour(label: PlatformLabel | undefined): string {
  if (!label) return MIXED_COLOUR;
  if (label.scope === 'platform' && label.platforms[0])
    return PLATFORM_COLOURS[label.platforms[0]] ?? MIXED_COLOUR;
  if (label.owners.length === 1 && label.owners[0]) return OWNER_COLOURS[label.owners[0]] ?? MIXED_COLOUR;
  return MIXED_COLOUR;
}

/** Tile map colours for fixed thresholds (src/lib/views/forces.ts): the same legend for every filter. */
export const FORCE_SCHEME = ['#eef4fb', '#c6dbef', '#9ecae1', '#4292c6', '#2171b5', '#08306b'];
