/**
 * The embed page reports its height to the host page that frames it (./resize.ts has the message formats),
 * and answers a pym.js parent's width messages with its height again. Nothing is sent when not framed.
 */
import { PYM_KEYS } from './params.ts';
import { pymWidth, reportHeight, type Reporter } from './resize.ts';

/** This page's own address, without what a pym.js parent added (which names the host page). */
function ownUrl(): string {
  const url = new URL(location.href);
  for (const key of PYM_KEYS) url.searchParams.delete(key);
  return url.href;
}

/** Call while the embed page is set up: reports `root`'s height while the page is framed. */
export function bindHostHeight(root: () => HTMLElement | undefined, pymId: () => string | null): void {
  $effect(() => {
    const el = root();
    if (!el || window.parent === window) return;
    const id = pymId();
    const reporter: Reporter = reportHeight(el, ownUrl(), id, (m) => window.parent.postMessage(m, '*'));
    const onmessage = (event: MessageEvent) => {
      if (event.source === window.parent && id && pymWidth(event.data, id) !== null) reporter.resend();
    };
    window.addEventListener('message', onmessage);
    return () => {
      window.removeEventListener('message', onmessage);
      reporter.stop();
    };
  });
}
