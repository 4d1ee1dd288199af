/**
 * On a page with prerendered markup, the app's script and the data preloads are requested once the markup has
 * been parsed, not from the <head>: fetching and compiling the app (some 150 kB of JavaScript) while the HTML
 * was parsed delayed the first chart by a third or more in `npm run bench`, and made the app live barely
 * sooner. The build (build/prerender.ts) takes Vite's tags out of the <head>; the head guard
 * (./guard.ts) calls {@link loadDeferred} with them.
 */

/** What the <head> would have loaded, in its order: the entry script, module preloads and data preloads. */
export type Deferred = readonly (readonly ['script' | 'modulepreload' | 'preload', string])[];

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
      // The app's script, or a file it imports, could not be fetched: say so rather than leave a page that
      // looks ready and does nothing.
      script.onerror = () => {
        const note = document.createElement('p');
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
      if (kind === 'preload') link.setAttribute('as', 'fetch');
      link.href = href;
      document.head.appendChild(link);
    }
  }
}
