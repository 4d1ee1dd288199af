/**
 * The floor of the interaction benchmark, built by bench/floor.ts into its own module and added to the built
 * explorer's page by bench/interaction.ts. It loads the same figures with the app's own loader and draws the
 * chart the app draws first after a change, with the app's own modules: the view model (src/lib/views), then
 * the chart function (src/lib/charts) and the marks' decoration, put into the host as PlotChart.svelte does.
 * Nothing of the app is exposed or changed; the state comes from the address the app writes.
 */
import { decorateMarks } from '../../src/lib/charts/common.ts';
import { forcesChart } from '../../src/lib/charts/forces.ts';
import { platformChart } from '../../src/lib/charts/platforms.ts';
import { timeChart } from '../../src/lib/charts/time.ts';
import { bundledFiles } from '../../src/lib/data/bundled.ts';
import { loadDataset } from '../../src/lib/data/load.ts';
import { vocabularyOf } from '../../src/lib/state/explorer.svelte.ts';
import { fromQuery, type Vocabulary } from '../../src/lib/state/url.ts';
import { makeContext, type Context } from '../../src/lib/views/context.ts';
import { forcesView } from '../../src/lib/views/forces.ts';
import { platformView } from '../../src/lib/views/platforms.ts';
import type { ViewState } from '../../src/lib/views/state.ts';
import { timeView } from '../../src/lib/views/time.ts';

type Render = (width: number) => Element;

/**
 * The chart drawn within the frame of a change (the others follow a frame later; see
 * src/components/views/*View.svelte): Over time's chart, the first platform panel's, the forces' bars.
 * null where the view draws none (nothing to show, or a view without a chart).
 */
function firstChart(ctx: Context, state: ViewState): Render | null {
  switch (state.view) {
    case 'time': {
      const view = timeView(ctx, state);
      return view.points.length ? (width) => timeChart(view, { width }) : null;
    }
    case 'platforms': {
      const panel = platformView(ctx, state).panels[0];
      return panel && panel.bars.length ? (width) => platformChart(panel, { width }) : null;
    }
    case 'forces': {
      const view = forcesView(ctx, state);
      return view.bars.length ? (width) => forcesChart(view, { width }) : null;
    }
    default:
      return null;
  }
}

export interface Floor {
  ready: Promise<void>;
  /** Builds the view model for an address's query: the time it took, and whether there is a chart. */
  prepare(query: string): { model: number; chart: boolean };
  /** Draws the prepared chart into the host at the host's width, replacing what is there. */
  draw(host: HTMLElement): void;
}

let ctx: Context | undefined;
let vocab: Vocabulary | undefined;
let prepared: Render | null = null;

const floor: Floor = {
  ready: loadDataset(bundledFiles).then((ds) => {
    ctx = makeContext(ds);
    vocab = vocabularyOf(ds);
  }),
  prepare(query) {
    if (!ctx || !vocab) throw new Error('the floor is not ready');
    const t0 = performance.now();
    prepared = firstChart(ctx, fromQuery(query.replace(/^\?/, ''), vocab).state);
    return { model: performance.now() - t0, chart: prepared !== null };
  },
  draw(host) {
    if (!prepared) throw new Error('nothing prepared');
    host.replaceChildren(decorateMarks(prepared(Math.round(host.clientWidth))));
  },
};

(window as unknown as { __benchFloor: Floor }).__benchFloor = floor;
