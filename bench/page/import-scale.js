// Injected into the built explorer by bench/import-scale.ts before the page loads (plain browser JavaScript,
// run as is). It records, with performance.now(), into window.__importScale:
//   chosen:   the file input's `change` event (a capturing listener, so before the app's own handler runs);
//   progress: whether a <progress> showed in the import panel before the report;
//   reported: the end of the frame that first shows the report's "Use these figures" button;
//   clicked:  the click on that button (a capturing listener);
//   drawn:    the end of the first frame after the click in which '#view-panel' holds a mark whose data-tip
//             starts "Your data:", the app's tooltip for an imported figure (src/lib/views/context.ts): the
//             chart redrawn from the merged figures, with the person's rows in it;
//   tasks:    every long task (over 50 ms) the browser reports, as [start, duration].
// "End of a frame": a MessageChannel task posted from that frame's requestAnimationFrame callback runs after
// the frame's style, layout and paint.
(() => {
  const state = { chosen: 0, progress: false, reported: 0, clicked: 0, drawn: 0, tasks: [] };
  let settleReport;
  let settleDrawn;
  state.report = new Promise((resolve) => (settleReport = resolve));
  state.redrawn = new Promise((resolve) => (settleDrawn = resolve));
  window.__importScale = state;

  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });

  const endOfFrame = (done) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(null);
    });
  const applyButton = () =>
    [...document.querySelectorAll('.import button')].find(
      (b) => b.textContent.trim() === 'Use these figures',
    );

  document.addEventListener(
    'change',
    (e) => {
      if (e.target instanceof HTMLInputElement && e.target.type === 'file' && !state.chosen)
        state.chosen = performance.now();
    },
    true,
  );
  document.addEventListener(
    'click',
    (e) => {
      if (state.reported && !state.clicked && e.target === applyButton()) state.clicked = performance.now();
    },
    true,
  );

  let waiting = false;
  const observer = new MutationObserver(() => {
    if (!state.chosen || waiting) return;
    if (!state.reported) {
      if (document.querySelector('.import progress')) state.progress = true;
      if (applyButton()) {
        waiting = true;
        endOfFrame((t) => {
          state.reported = t;
          waiting = false;
          settleReport();
        });
      }
    } else if (state.clicked && !state.drawn) {
      if (document.querySelector('#view-panel [data-tip^="Your data:"]')) {
        waiting = true;
        endOfFrame((t) => {
          state.drawn = t;
          observer.disconnect();
          settleDrawn();
        });
      }
    }
  });
  addEventListener('DOMContentLoaded', () =>
    observer.observe(document.documentElement, { childList: true, subtree: true }),
  );
})();
