/**
 * A page's start-up, in order. Both pages (App.svelte, Embed.svelte) run it, and what their components draw
 * follows the step it has reached ({@link StartUp.reached}):
 *
 *   1. read     the figures: the pack the page ships, or the release its address pins;
 *   2. context  every row resolved into facts (src/lib/views/context.ts);
 *   3. layout   the page laid out hidden, its charts waiting: beside the prerendered markup where that is on
 *               screen, in place of the loading message otherwise;
 *   4. draw     its charts drawn and the page shown, the markup swapped for it, in one task: no frame shows
 *               a view without its chart;
 *   5. notes    once that frame is painted: the figures' notes asked for (the pack leaves them out; nothing
 *               waits for them but what shows them);
 *   6. filters  the filter sidebar's controls;
 *   7. later    the parts a first chart does not need: the import panel, the embed dialog, the other views'
 *               code, the figures a person kept in this browser.
 *
 * Each step runs in a task of its own, so that none holds the page long. The build-time render has its
 * figures already and renders the page as the draw step leaves it: the markup a browser lays out first is the
 * look the live page takes over, without the filters' hundred controls.
 */
import { flushSync } from 'svelte';
import type { Dataset } from '../data/load.ts';
import { NO_PRERENDER, PRERENDERED_ATTR } from '../prerender/context.ts';
import { contextOf } from '../views/context.ts';

export const STEPS = ['read', 'context', 'layout', 'draw', 'notes', 'filters', 'later'] as const;
export type Step = (typeof STEPS)[number];

/** What a page does at the steps that are its own. */
export interface PageSteps {
  read: () => Promise<Dataset>;
  /** Lays the page out for the dataset (its charts wait for the draw step). */
  layout: (ds: Dataset) => void;
  /** Shows why the figures could not be read, with a way to try again. */
  failed: (e: unknown) => void;
  /** Starts reading the figures' notes; the steps after it do not wait for them. */
  notes?: (ds: Dataset) => Promise<void>;
  later?: (ds: Dataset) => Promise<void>;
}

/** The attribute of the element a page is mounted in beside its prerendered markup; "waiting" while hidden. */
const LIVE_ATTR = 'data-live';

/** Where a page is in its start-up. */
export class StartUp {
  /**
   * One flag per step, so that what waits for a step (a chart waits for `draw`) runs again when that step is
   * reached, not at every later step.
   */
  #reached = $state(STEPS.map(() => false));

  /** `drawn`: the steps up to the draw step are done (the build-time render). */
  constructor(drawn = false) {
    if (drawn) this.#reach(STEPS.indexOf('draw') + 1);
  }

  /** True once `step` has run. */
  reached(step: Step): boolean {
    return this.#reached[STEPS.indexOf(step)]!;
  }

  /** Marks the first `count` steps as run, and the others as not. */
  #reach(count: number): void {
    STEPS.forEach((_, i) => (this.#reached[i] = i < count));
  }

  /** Runs the steps from the first; a page calls it again to try again after a failed read. */
  async run(page: PageSteps): Promise<void> {
    this.#reach(0);
    let ds: Dataset;
    try {
      ds = await page.read();
    } catch (e) {
      page.failed(e);
      flushSync();
      showPage();
      return;
    }
    this.#reach(1);
    await nextTask();
    contextOf(ds);
    this.#reach(2);
    await nextTask();
    page.layout(ds);
    flushSync();
    this.#reach(3);
    await nextTask();
    this.#reach(4);
    flushSync();
    showPage();
    await painted();
    void page.notes?.(ds);
    this.#reach(5);
    await nextTask();
    this.#reach(6);
    await nextTask();
    this.#reach(7);
    await page.later?.(ds);
  }
}

/**
 * Mounts a page (`mount`, Svelte's): beside its prerendered markup, hidden until the draw step swaps the two,
 * where the markup is on screen; in place of the page's content otherwise.
 */
export function mountPage(target: HTMLElement, mount: (target: HTMLElement) => unknown): void {
  const markup = target.querySelector(`[${PRERENDERED_ATTR}]`);
  if (markup && !document.documentElement.classList.contains(NO_PRERENDER)) {
    const page = document.createElement('div');
    page.setAttribute(LIVE_ATTR, 'waiting');
    target.append(page);
    mount(page);
  } else {
    target.replaceChildren();
    mount(target);
  }
}

/** The live page on screen: the markup it was laid out beside goes. `<html data-app="live">` says so. */
function showPage(): void {
  document.querySelector(`[${PRERENDERED_ATTR}]`)?.remove();
  document.querySelector(`[${LIVE_ATTR}]`)?.setAttribute(LIVE_ATTR, '');
  document.documentElement.dataset.app = 'live';
}

/**
 * Ends the current task and goes on in a new one, so that the browser can take input and paint between two
 * steps: `scheduler.yield()` where the browser has it, otherwise a message on a MessageChannel (which, unlike
 * a timer, is not clamped).
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Calls `run` once the next frame has been painted (a frame's callback runs before its paint, a timer set
 * there after it); returns a function that cancels it if it has not run yet.
 */
export function afterPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(run)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

const painted = (): Promise<void> => new Promise((resolve) => afterPaint(resolve));
