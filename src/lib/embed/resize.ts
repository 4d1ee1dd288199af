/**
 * The embed page tells its parent window how tall it is, in the three formats host pages understand: the
 * project's own message, the `iframe.resize` string Datawrapper and Flourish hosts listen for, and pym.js's
 * height message when a pym.js parent opened it. Messages carry the height and the embed's own URL, nothing else.
 */

export const OWN_MESSAGE = 'foi-explorer:resize';

export interface OwnMessage {
  type: typeof OWN_MESSAGE;
  height: number;
  src: string;
}

const PYM = 'xPYMx';
export const pymMessage = (id: string, type: string, value: string | number): string =>
  ['pym', id, type, value].join(PYM);

/** The messages one height change sends, in order. */
export function heightMessages(height: number, src: string, pymId: string | null): (OwnMessage | string)[] {
  const messages: (OwnMessage | string)[] = [
    { type: OWN_MESSAGE, height, src },
    JSON.stringify({ context: 'iframe.resize', height, src }),
  ];
  if (pymId) messages.push(pymMessage(pymId, 'height', height));
  return messages;
}

/** Reads a pym.js width message for this child; null for anything else. */
export function pymWidth(data: unknown, pymId: string): number | null {
  if (typeof data !== 'string') return null;
  const parts = data.split(PYM);
  if (parts.length !== 4 || parts[0] !== 'pym' || parts[1] !== pymId || parts[2] !== 'width') return null;
  const width = Number(parts[3]);
  return Number.isFinite(width) && width > 0 ? width : null;
}

export interface Reporter {
  /** Sends the current height again, even if unchanged (pym.js asks after each width message). */
  resend(): void;
  stop(): void;
}

/**
 * Watches `element` and posts its height to the parent at most once per frame, only when it changes.
 * `post` receives each message; in the page it is `(m) => parent.postMessage(m, '*')` (the height of a
 * public chart is not a secret, and the host's origin is unknown to the embed).
 */
export function reportHeight(
  element: Element,
  src: string,
  pymId: string | null,
  post: (message: OwnMessage | string) => void,
  win: Pick<
    Window,
    'requestAnimationFrame' | 'cancelAnimationFrame' | 'setTimeout' | 'clearTimeout'
  > = window,
): Reporter {
  let last = -1;
  let frame = 0;
  let timer: number | undefined;
  const measure = () => Math.ceil(element.getBoundingClientRect().height);
  const send = (force: boolean) => {
    if (frame) win.cancelAnimationFrame(frame);
    if (timer !== undefined) win.clearTimeout(timer);
    frame = 0;
    timer = undefined;
    const height = measure();
    if (height <= 0 || (height === last && !force)) return;
    last = height;
    for (const m of heightMessages(height, src, pymId)) post(m);
  };
  // At most once per frame; a browser that does not render an off-screen iframe runs no frames for it, so a
  // timer stands in, and the host still learns the height before the reader scrolls to the chart.
  const schedule = () => {
    if (frame || timer !== undefined) return;
    frame = win.requestAnimationFrame(() => send(false));
    timer = win.setTimeout(() => send(false), FALLBACK_MS);
  };
  const observer = new ResizeObserver(schedule);
  observer.observe(element);
  schedule();
  return {
    resend: () => send(true),
    stop: () => {
      observer.disconnect();
      if (frame) win.cancelAnimationFrame(frame);
      if (timer !== undefined) win.clearTimeout(timer);
    },
  };
}

/** How long a height change waits for a frame before it is sent anyway. */
export const FALLBACK_MS = 250;
