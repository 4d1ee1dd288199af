/**
 * Orders two texts by their UTF-16 code units, as `<` does; for ids, ISO dates and codes. Not `localeCompare`:
 * a page's first locale-aware comparison loads the browser's collation data, 17 to 64 ms of one task on this
 * project's machine, before the app's first chart. For the texts compared with it the two orders agree: the
 * data check holds figure and source ids to lower-case letters, digits and hyphens, dates are digits and
 * hyphens, and where a name breaks a tie between bars of equal height (force names, platform labels) the
 * orders differ only between upper and lower case at the same place.
 */
export const compareCodes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What an id may hold, so that {@link compareCodes} orders ids as a person's locale would. */
export const ID_PATTERN = /^[a-z0-9-]+$/;
