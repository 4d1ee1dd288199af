/**
 * On a page with prerendered markup, the app's script and the data preloads are requested once the markup has
 * been parsed, not from the <head>: fetching and compiling the app while the HTML
 * was parsed delayed the first chart, and made the app live barely sooner. The build (build/prerender.ts) takes Vite's tags out of the <head>; the head guard
 * (./guard.ts) calls {@link loadDeferred} with them.
 */

/**
 * What the <head> would have loaded: module scripts, the chunks the entry imports before the entry (each then
 * evaluated in a task of its own), and the data preloads.
 */
export type Deferred = readonly (readonly ['script' | 'preload', string])[];

/**
 * Adds the tags to <head>, each with crossorigin as Vite writes them (a fetch() from the same origin sends
 * credentials "same-origin", so a data preload must say crossorigin to be used). Self-contained (no outside
 * names): the inline script is this function's own source.
 */
export function loadDeferred(list: Deferred): void {
  for (const [kind, href] of list) {
    if (kind === 'script') {
      const script = document.createElement('script');
      script.type = 'module';
      script.crossOrigin = '';
      script.src = href;
      // In the order of the list, each in a task of its own (a module's imports are evaluated before it, so
      // the chunks listed before the entry are evaluated apart from it, and the longest task is shorter).
      script.async = false;
      // The app's script, or a file it imports, could not be fetched: say so rather than leave a page that
      // looks ready and does nothing.
      script.onerror = () => {
        // Once, however many of the scripts failed.
        if (document.querySelector('[data-script-failed]')) return;
        const note = document.createElement('p');
        note.dataset.scriptFailed = '';
        note.className = 'notice';
        note.setAttribute('role', 'alert');
        note.textContent =
          "This page's script could not be loaded, so nothing on it responds. Reload the page to try again.";
        document.body.prepend(note);
      };
      document.head.appendChild(script);
    } else {
      const link = document.createElement('link');
      link.rel = kind;
      link.crossOrigin = '';
      link.setAttribute('as', 'fetch');
      link.href = href;
      document.head.appendChild(link);
    }
  }
}
