/**
 * A page's start-up in tasks of its own, so that none holds the page long: reading the data, making its
 * context (every row resolved into facts), laying out the first view, then drawing its charts. Where no
 * prerendered markup is on screen, the view is laid out hidden, its charts waiting (`Page.chartsWait`), and
 * shown in the task that draws them: no frame shows the view without its chart, and nothing on screen moves.
 */
import type { Dataset } from '../data/load.ts';
import { contextOf } from '../views/context.ts';

/**
 * Ends the current task and goes on in a new one, so that the browser can take input and paint between two
 * pieces of start-up work (reading the data, making the context, drawing the first chart) rather than run
 * them as one long task: `scheduler.yield()` where the browser has it (Chromium: the rest runs before other
 * queued tasks), otherwise a message on a MessageChannel (no timer clamping).
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

/** Runs `run` in a task of its own after this one ({@link nextTask}); returns a function that cancels it. */
export function nextTaskThen(run: () => void): () => void {
  let live = true;
  void nextTask().then(() => {
    if (live) run();
  });
  return () => void (live = false);
}

/**
 * Makes the dataset's context in a task of its own, between the task that read the data and the one that
 * draws the first chart, which then finds it made ({@link contextOf}).
 */
export async function withContext(ds: Dataset): Promise<Dataset> {
  await nextTask();
  contextOf(ds);
  await nextTask();
  return ds;
}
