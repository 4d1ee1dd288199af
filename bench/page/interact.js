// Injected into the built explorer by bench/interaction.ts (plain browser JavaScript, run as is).
// Each step is started at the beginning of a frame (inside a requestAnimationFrame callback), so that no
// idle wait for the next vsync is counted. Per step it records, with performance.now():
//   dom:   from just before the control is changed to the new <svg> appearing in '#view-panel'
//          (MutationObserver);
//   frame: to the end of the frame that holds the new <svg> (a MessageChannel task posted from that frame's
//          requestAnimationFrame callback runs after the frame's style, layout and paint).
// With the floor harness in the page (window.__benchFloor, bench/floor/harness.ts), after each step that
// redrew a chart it waits for the app to write the new state into the address, builds the same view model
// from that address (timed apart: `model`), then at the start of a frame draws the same first chart into the
// same host, timed the same way (floor.dom, floor.frame), and puts the app's chart back.
(() => {
  const text = (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

  // step.kind: 'tab' (a role=tab button), 'year' (the "From" or "to" select), else a checkbox by its label.
  function control(step) {
    if (step.kind === 'tab') {
      const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => text(t) === step.name);
      if (!tab) throw new Error(`no tab "${step.name}"`);
      return tab;
    }
    for (const label of document.querySelectorAll('label')) {
      const input = label.querySelector('input, select');
      if (!input) continue;
      const name = step.kind === 'year' ? text(label).split(' ')[0] : text(label);
      if (name === step.name) return input;
    }
    throw new Error(`no control labelled "${step.name}"`);
  }

  function act(el, step) {
    if (step.kind === 'year') {
      el.value = step.value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    } else el.click();
  }

  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const idle = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  function measure(step, maxFrames) {
    return new Promise((resolve) => {
      requestAnimationFrame(() => {
        const panel = document.querySelector('#view-panel');
        const el = control(step);
        let dom = -1;
        const observer = new MutationObserver((records) => {
          if (dom >= 0) return;
          for (const r of records)
            for (const n of r.addedNodes)
              if (n.nodeType === 1 && (n.localName === 'svg' || n.querySelector('svg'))) {
                dom = performance.now();
                return;
              }
        });
        observer.observe(panel, { childList: true, subtree: true });
        const channel = new MessageChannel();
        let frames = 0;
        let t0 = 0;
        channel.port1.onmessage = () => {
          const now = performance.now();
          if (dom >= 0 || frames >= maxFrames) {
            observer.disconnect();
            channel.port1.close();
            resolve(
              dom >= 0 ? { dom: dom - t0, frame: now - t0, frames } : { dom: null, frame: null, frames },
            );
            return;
          }
          frames++;
          requestAnimationFrame(() => channel.port2.postMessage(0));
        };
        t0 = performance.now();
        act(el, step);
        channel.port2.postMessage(0);
      });
    });
  }

  async function measureFloor(floor, before, options) {
    // The app writes its address a moment after the last change (src/lib/state/history.svelte.ts).
    const waited = performance.now();
    while (location.search === before && performance.now() - waited < options.addressMs) await idle(10);
    // Unchanged after that long: the change left the state as it was (a select set to its own value), and the
    // address is still the state's.
    const query = location.search;
    const { model, chart } = floor.prepare(query);
    const host = document.querySelector('#view-panel .plot-host');
    if (!chart || !host) return { query, model, dom: null, frame: null, same: false };
    const kept = [...host.childNodes];
    await frame();
    const timed = await new Promise((resolve) => {
      requestAnimationFrame(() => {
        const t0 = performance.now();
        floor.draw(host);
        const dom = performance.now() - t0;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          resolve({ dom, frame: performance.now() - t0 });
        };
        channel.port2.postMessage(0);
      });
    });
    const same = kept.length === 1 && host.firstElementChild?.outerHTML === kept[0].outerHTML;
    host.replaceChildren(...kept);
    return { query, model, ...timed, same };
  }

  // Runs the steps in order until `target` of them have redrawn a chart; a step after which no new <svg>
  // appears within `maxFrames` frames is returned with dom and frame null.
  window.__benchInteract = async (steps, options) => {
    const floor = window.__benchFloor ?? null;
    if (floor) await floor.ready;
    const out = [];
    let redrawn = 0;
    let settled = true;
    for (const step of steps) {
      if (redrawn >= options.target) break;
      // A step without a floor phase may leave the address to be written: let it land before the next one.
      await idle(settled ? options.pauseMs : options.settleMs);
      await frame();
      const before = location.search;
      const r = await measure(step, options.maxFrames);
      if (r.dom !== null) redrawn++;
      const f = floor && r.dom !== null ? await measureFloor(floor, before, options) : null;
      settled = f !== null;
      out.push({ ...step, ...r, floor: f });
    }
    return out;
  };
})();
