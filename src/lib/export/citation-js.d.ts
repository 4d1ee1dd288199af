/** The part of Citation.js (@citation-js/core 0.8, no types of its own) that src/lib/export/cite-formats.ts uses. */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    /** The entries as CSL-JSON items. */
    data: Record<string, unknown>[];
    format(name: string, options?: Record<string, unknown>): unknown;
  }
  export const plugins: { add(ref: string, plugin: Record<string, unknown>): void };
}
/** The BibTeX plugin's writers and its settings, registered without its reader. */
declare module '@citation-js/plugin-bibtex/lib-mjs/output/index.js' {
  const output: Record<string, unknown>;
  export default output;
}
declare module '@citation-js/plugin-bibtex/lib-mjs/config.js' {
  const config: Record<string, unknown>;
  export default config;
}
/** Registers the BibTeX formats with @citation-js/core when imported. */
declare module '@citation-js/plugin-bibtex';
/** Registers the RIS formats with @citation-js/core when imported. */
declare module '@citation-js/plugin-ris';
