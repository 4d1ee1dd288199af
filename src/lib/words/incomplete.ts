/** The words for a figure flagged `possibly_incomplete` (data/figures.csv `completeness`), one wording everywhere. */

/** The word every chart, table, tooltip, download and embed uses. */
export const INCOMPLETE_WORD = 'possibly incomplete';

/** The flag's meaning in words, for legends and notes. */
export const INCOMPLETE_MEANING =
  'possibly incomplete: its source, or a cross-check of the data, says it may count less than its area and period hold (see its note)';
