/**
 * The built pages hold their default chart as markup (build/render.ts). That markup is only true for the
 * default view: a link with filters or another view needs the app. The decision is made by a small inline
 * script first in the page's <head>, before any markup or stylesheet (see {@link headGuard}): when the markup
 * does not fit, it marks <html> with NO_PRERENDER and a style hides the markup, so it is never seen; the app
 * then draws the page itself.
 */
import { PARTS, PYM_KEYS, THEMES } from '../embed/params.ts';
import { NO_PRERENDER, PRERENDERED_ATTR } from './context.ts';
import { loadDeferred, type Deferred } from './loader.ts';

/**
 * For each URL key the markup can ignore or shows as it is: the values that fit, '*' for any value, or
 * `{ list }` for a comma-separated list of those values (an embed's `show=`).
 */
export type Allowed = Readonly<
  Record<string, readonly string[] | '*' | { readonly list: readonly string[] }>
>;

/** The default view, spelt out: what the markup shows. */
const DEFAULT_VIEW: Allowed = { view: ['time'], per: ['count'] };

export const EXPLORER_ALLOWED: Allowed = DEFAULT_VIEW;
/**
 * The embed's markup also fits any theme and any parts to show (both set on <html> before the paint: the
 * parts are hidden by app.css), and what a pym.js parent adds.
 */
export const EMBED_ALLOWED: Allowed = {
  ...DEFAULT_VIEW,
  theme: THEMES,
  show: { list: [...PARTS, 'none'] },
  ...Object.fromEntries(PYM_KEYS.map((k) => [k, '*'])),
};

/**
 * Whether the prerendered default view is what the app would show for this address: every key must be
 * allowed, once, with an allowed value. Self-contained (no outside names): the head script is this
 * function's own source.
 */
export function prerenderFits(search: string, allowed: Allowed): boolean {
  const seen: string[] = [];
  for (const [key, value] of new URLSearchParams(search)) {
    if (seen.indexOf(key) >= 0 || !Object.prototype.hasOwnProperty.call(allowed, key)) return false;
    const values = allowed[key];
    if (!values) return false;
    if (Array.isArray(values)) {
      if (values.indexOf(value) < 0) return false;
    } else if (values !== '*') {
      const list = (values as { list: readonly string[] }).list;
      for (const item of value.split(',')) if (item.trim() && list.indexOf(item.trim()) < 0) return false;
    }
    seen.push(key);
  }
  return true;
}

/** The longest the app waits for the markup's first frame before it loads anyway. */
export const FRAME_WAIT_MS = 1000;

/**
 * The inline script and style a page's <head> starts with. The script decides with {@link prerenderFits}
 * (on the embed it also sets the theme and the parts to show from the address, so the markup has the right
 * colours and parts at the first paint); any failure counts as "does not fit". Then it has the app's script and data requested
 * ({@link loadDeferred}): at once when the markup does not fit, and when it does, once the HTML is parsed and
 * its first frame painted, so the app does not compete with the first chart (fetched and compiled beside the
 * browser's first style and layout of the page, they made that one long task, and delayed the frame). A page
 * that paints no frame (hidden) loads at once; one whose frame never comes
 * (an iframe the browser throttles) after {@link FRAME_WAIT_MS}.
 *
 * Figures of the person's own kept in this browser are not looked for here: reading storage before the
 * markup delayed every reader's first chart (and after the markup a script
 * waits for the stylesheets). Someone who kept their own figures sees the published default chart until the
 * app starts, which then adds theirs (or shows only theirs, as they chose).
 */
export function headGuard(page: 'explorer' | 'embed', deferred: Deferred): string {
  const allowed = page === 'embed' ? EMBED_ALLOWED : EXPLORER_ALLOWED;
  const theme =
    page === 'embed'
      ? `var q=new URLSearchParams(location.search),t=q.get("theme"),s=q.get("show");` +
        `h.dataset.theme=${JSON.stringify(THEMES)}.indexOf(t)>=0?t:"auto";` +
        `if(s!==null)h.dataset.show=s.split(",").map(function(p){return p.trim()})` +
        `.filter(function(p){return ${JSON.stringify(PARTS)}.indexOf(p)>=0}).join(" ");`
      : '';
  const script =
    `(function(){var h=document.documentElement,f=false;` +
    `try{${theme}f=(${prerenderFits.toString()})(location.search,${JSON.stringify(allowed)})}catch(e){}` +
    `var load=function(){(${loadDeferred.toString()})(${JSON.stringify(deferred)})};` +
    `if(f)document.addEventListener("DOMContentLoaded",function(){` +
    // After the first frame: rAF runs before the frame is painted, the timer's task after it. A page nobody
    // can see (a tab in the background) paints no frame, so it loads at once; a frame that never comes (an
    // iframe out of view the browser throttles) is waited for FRAME_WAIT_MS at most.
    `if(document.visibilityState!=="visible")load();` +
    `else{var go=false,once=function(){if(!go){go=true;load()}};` +
    `requestAnimationFrame(function(){setTimeout(once,0)});setTimeout(once,${FRAME_WAIT_MS})}});` +
    `else{h.classList.add(${JSON.stringify(NO_PRERENDER)});load()}})()`;
  const style =
    `[${PRERENDERED_ATTR}]{display:contents}` + `html.${NO_PRERENDER} [${PRERENDERED_ATTR}]{display:none}`;
  return `<style>${style}</style><script>${script}</script>`;
}
