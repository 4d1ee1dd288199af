/** Names shared by the build-time render (build/render.ts), its head guard and the pages' start. */

/** The class on <html> that says the prerendered markup does not fit this address. */
export const NO_PRERENDER = 'no-prerender';
/** The attribute of the element holding the prerendered markup. */
export const PRERENDERED_ATTR = 'data-prerendered';

/** What the build-time render gives the chart components through Svelte's context. */
export const PRERENDER = Symbol('prerender');

export interface Prerender {
  /** A document to draw charts into: jsdom's, at build time. */
  document: Document;
  /** The width the charts are drawn at; the SVG scales down to narrower columns until the app redraws it. */
  width: number;
  /** The charts drawn, in the order of their hosts in the markup (the render fills each host with its chart). */
  charts: Element[];
}
