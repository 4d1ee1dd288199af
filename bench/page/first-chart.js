// Added to every page of the first-chart benchmark with page.addInitScript (plain browser JavaScript, run as
// is, before the page's own scripts). Records performance.now() (time since navigation start) when a visible
// <svg> first appears inside '#view-panel' (dom), when the frame after it has been rendered (frame), and when the
// app runs with its chart on screen (live: <html data-app="live"> and a chart; the static page has no app).
// It also records the page's long tasks (Long Tasks API, main-thread tasks over 50 ms) and, to name the script
// behind them, its long animation frames (their `scripts`). It reports TAIL_MS after the app is live (on a static
// page: after the first chart's frame) with one console line, "bench:first-chart {json}": the benchmark waits
// for that line rather than polling the page, which would run the tool's own scripts in the page while it loads.
(() => {
  const TAIL_MS = 500;
  const mark = { dom: null, frame: null, live: null, tasks: [], scripts: [] };
  let reported = false;
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
  const finish = () => {
    // The app's pages start with a script (the head guard, which adds the module scripts, at the default
    // addresses after the first frame); the static page has none.
    const app = document.scripts.length > 0;
    if (reported || mark.frame === null || (mark.live === null && app)) return;
    reported = true;
    setTimeout(
      () => console.debug(`bench:first-chart ${JSON.stringify(mark)}`),
      mark.live === null ? 0 : TAIL_MS,
    );
  };
  const observer = new MutationObserver((records) => {
    if (mark.dom === null) {
      // A chart came, or <html> changed (the app going live).
      const changed = records.some(
        (r) =>
          r.type === 'attributes' ||
          [...r.addedNodes].some(
            (n) => n.nodeType === 1 && (n.localName === 'svg' || n.querySelector('svg')),
          ),
      );
      // On screen: prerendered markup the page hides (html.no-prerender: it does not fit the address) does not
      // count. Checked from the markup, not with layout, so the check itself costs the page nothing.
      const hidden = document.documentElement.classList.contains('no-prerender');
      const shown =
        changed &&
        [...document.querySelectorAll('#view-panel svg')].some(
          (svg) => !hidden || !svg.closest('[data-prerendered]'),
        );
      if (shown) {
        mark.dom = performance.now();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            mark.frame = performance.now();
            channel.port1.close();
            finish();
          };
          channel.port2.postMessage(0);
        });
      }
    }
    if (
      mark.live === null &&
      document.documentElement.dataset.app === 'live' &&
      document.querySelector('#view-panel .plot-host svg')
    ) {
      mark.live = performance.now();
      observer.disconnect();
      finish();
    }
  });
  observer.observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['data-app'],
  });
})();
