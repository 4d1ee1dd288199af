/** The part of Citation.js (@citation-js/core 0.8, no types of its own) that src/lib/export/cite-formats.ts uses. */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    /** The entries as CSL-JSON items. */
    data: Record<string, unknown>[];
    format(name: string, options?: Record<string, unknown>): unknown;
  }
}
/** Registers the BibTeX formats with @citation-js/core when imported. */
declare module '@citation-js/plugin-bibtex';
/** Registers the RIS formats with @citation-js/core when imported. */
declare module '@citation-js/plugin-ris';
