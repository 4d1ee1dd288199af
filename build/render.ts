/**
 * The build-time render (run by the prerender plugin, build/prerender.ts, through Vite's server
 * renderer): the explorer and the embed page at their default view, with the bundled figures, as HTML. Each
 * built page then shows its first chart as soon as the HTML arrives; the app replaces the markup once it runs.
 */
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { JSDOM } from 'jsdom';
import App from '../src/App.svelte';
import Embed from '../src/Embed.svelte';
import { loadDataset, type Dataset } from '../src/lib/data/load.ts';
import { PACKED } from './packed-data.ts';
import { PRERENDER, type Prerender } from '../src/lib/prerender/context.ts';

export { headGuard } from '../src/lib/prerender/guard.ts';

/**
 * The widths the charts are drawn at: the explorer's chart column in a 1280-pixel-wide window, and a typical
 * embed in an article column. Elsewhere the SVG scales until the app redraws it at the real width.
 */
export const PRERENDER_WIDTHS = { explorer: 924, embed: 640 } as const;

/** Svelte's hydration markers: nothing hydrates this markup, so they are left out. */
const MARKERS = /<!--(?:\[-?\d*!?|\]|[a-z0-9]{0,12})-->/g;

/** Renders a page component, then puts each chart drawn into its host, in order. */
function renderPage(page: Component<{ preloaded?: Dataset }>, preloaded: Dataset, width: number): string {
  const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
  const at: Prerender = { document, width, charts: [] };
  const { body } = render(page, { props: { preloaded }, context: new Map([[PRERENDER, at]]) });
  // Svelte's own server output (its text escaped), from the bundled data and no address, parsed by jsdom at
  // build time with scripts off: only to find the chart hosts. Nothing from a URL or a reader comes in here.
  const holder = document.createElement('div');
  holder.innerHTML = body.replace(MARKERS, '');
  const hosts = holder.querySelectorAll('.plot-host');
  if (hosts.length !== at.charts.length)
    throw new Error(`prerender: ${at.charts.length} charts drawn for ${hosts.length} chart hosts`);
  hosts.forEach((host, i) => host.append(at.charts[i]!));
  return holder.innerHTML;
}

/** The two pages' markup, from the dataset in `dataDir` (the project's data/). */
export async function prerenderPages(dataDir: string): Promise<{ explorer: string; embed: string }> {
  // The pack both pages load for their first chart, read by the loader the pages run (build/packed-data.ts).
  const { file, make } = PACKED['virtual:packed-dataset'];
  const preloaded = await loadDataset({ packed: file }, () => make(dataDir));
  return {
    explorer: renderPage(App, preloaded, PRERENDER_WIDTHS.explorer),
    embed: renderPage(Embed, preloaded, PRERENDER_WIDTHS.embed),
  };
}
