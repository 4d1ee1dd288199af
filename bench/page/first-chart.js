// Added to every page of the first-chart benchmark with page.addInitScript (plain browser JavaScript, run as
// is, before the page's own scripts). Records performance.now() (time since navigation start) when an <svg>
// first appears inside '#view-panel' (dom) and when the frame after it has been rendered (frame).
(() => {
  const mark = { dom: null, frame: null };
  window.__benchFirstChart = mark;
  const observer = new MutationObserver((records) => {
    if (mark.dom !== null) return;
    const added = records.some((r) =>
      [...r.addedNodes].some((n) => n.nodeType === 1 && (n.localName === 'svg' || n.querySelector('svg'))),
    );
    if (!added || !document.querySelector('#view-panel svg')) return;
    mark.dom = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        mark.frame = performance.now();
        channel.port1.close();
      };
      channel.port2.postMessage(0);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
})();
