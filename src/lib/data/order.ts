/**
 * Orders two texts by their UTF-16 code units, as `<` does: for ids, ISO dates and codes, whose written order
 * is their order. Names a person reads (forces, platforms) are ordered with `localeCompare`.
 */
export const compareCodes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What an id may hold. */
export const ID_PATTERN = /^[a-z0-9-]+$/;
