// Added to every page the bench loads with page.addInitScript (plain browser JavaScript, run as is, before the
// page's own scripts). Records performance.now() (time since navigation start) when the app runs with its chart
// on screen (live: <html data-app="live"> and a chart in '#view-panel'), the page's long tasks (Long Tasks API,
// main-thread tasks over 50 ms) and, to name the script behind them, its long animation frames' scripts. It
// reports TAIL_MS after the app is live, so that tasks just after it count too, with one console line,
// "bench:load {json}": the bench waits for that line rather than polling the page, which would run the tool's
// own scripts in the page while it loads.
(() => {
  const TAIL_MS = 500;
  const mark = { live: null, tasks: [], scripts: [] };
  const observe = (type, keep) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(keep)).observe({ type, buffered: true });
    } catch {
      // An entry type this browser does not know: nothing recorded.
    }
  };
  observe('longtask', (e) => mark.tasks.push({ start: e.startTime, duration: e.duration }));
  observe('long-animation-frame', (frame) => {
    for (const s of frame.scripts ?? [])
      mark.scripts.push({
        start: s.startTime,
        duration: s.duration,
        url: s.sourceURL || '',
        fn: s.sourceFunctionName || '',
        invoker: s.invokerType || '',
      });
  });
  // Checked from the markup, not with layout, so that the check itself costs the page nothing.
  const observer = new MutationObserver(() => {
    if (
      document.documentElement.dataset.app !== 'live' ||
      !document.querySelector('#view-panel .plot-host svg')
    )
      return;
    mark.live = performance.now();
    observer.disconnect();
    setTimeout(() => console.debug(`bench:load ${JSON.stringify(mark)}`), TAIL_MS);
  });
  observer.observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['data-app'],
  });
})();
