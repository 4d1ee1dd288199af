/**
 * A pass-through in front of the nginx-served build for the cross-engine tests, on a port (an origin) of its
 * own: every response is nginx's, byte for byte and header for header, except that each HTML page gets one
 * same-origin classic script first in its head, /__probe.js, which the policy's script-src 'self' allows.
 *
 * Why: WebKitWebDriver speaks classic WebDriver only (no BiDi in WebKitGTK 2.50), so a test cannot add a script
 * before a page's own or hear its errors; MiniBrowser under automation does not write its console anywhere
 * either. The probe listens from the first byte on, the same way in every engine: uncaught errors, unhandled
 * rejections, console.error, Content-Security-Policy violations, and the prerendered markup and the live view
 * panel frame by frame (window.__probe). It can also hide a feature the engine has (scheduler.yield), to show
 * that the page works without it.
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';

export interface Probed {
  /** Uncaught errors, unhandled rejections, console.error calls: "kind: message". */
  errors: string[];
  /** Content-Security-Policy violations: "directive blocked-uri". */
  csp: string[];
  /** Whether the engine had scheduler.yield when the page started (before any hiding). */
  hadYield: boolean;
  /** The prerendered markup: added by the parser, frames where its chart was visible, frames where not. */
  prerender: { added: boolean; shownFrames: number; hiddenFrames: number };
  /** The live view panel over its first 30 frames: frames seen, frames where it was visible without its chart, frames with no chart at all after one was seen. */
  panel: { frames: number; chartless: number; lost: number };
}

/** The probe, as a classic script (it must run before any of the page's own, and never fail). */
const probe = (hide: readonly string[]) => `(function () {
  var p = window.__probe = {
    errors: [], csp: [], hadYield: !!(window.scheduler && typeof scheduler.yield === 'function'),
    prerender: { added: false, shownFrames: 0, hiddenFrames: 0 },
    panel: { frames: 0, chartless: 0, lost: 0 }
  };
  ${hide.includes('scheduler.yield') ? 'try { if (window.scheduler) delete Object.getPrototypeOf(scheduler).yield; } catch (e) {} try { delete window.scheduler; } catch (e) {}' : ''}
  addEventListener('error', function (e) { p.errors.push('error: ' + (e.message || (e.target && e.target.src) || e.type)); }, true);
  addEventListener('unhandledrejection', function (e) { p.errors.push('rejection: ' + (e.reason && e.reason.message || e.reason)); });
  var consoleError = console.error;
  console.error = function () { p.errors.push('console.error: ' + [].map.call(arguments, String).join(' ')); return consoleError.apply(console, arguments); };
  document.addEventListener('securitypolicyviolation', function (e) { p.csp.push(e.violatedDirective + ' ' + e.blockedURI); });
  var visible = function (el) { return el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : getComputedStyle(el).visibility !== 'hidden' && el.getClientRects().length > 0; };
  var live = function () { return [].filter.call(document.querySelectorAll('#view-panel'), function (el) { return !el.closest('[data-prerendered]'); })[0]; };
  var seen = false;
  var frame = function () {
    var markup = document.querySelector('[data-prerendered] svg');
    if (markup) { p.prerender.added = true; visible(markup) ? p.prerender.shownFrames++ : p.prerender.hiddenFrames++; }
    if ([].some.call(document.querySelectorAll('#view-panel svg'), visible)) seen = true; else if (seen) p.panel.lost++;
    var panel = live();
    if (panel) {
      p.panel.frames++;
      if (getComputedStyle(panel).visibility !== 'hidden' && !panel.querySelector('.plot-host svg')) p.panel.chartless++;
    }
    if (p.panel.frames < 30) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();
`;

export interface ProbeProxy {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** Features the probe hides from the next pages (e.g. "scheduler.yield"); empty for none. */
  hide: string[];
  close(): Promise<void>;
}

const TAG = '<script src="/__probe.js"></script>';

/** Puts the probe first in the head: after `<meta charset>` where there is one, so the charset stays first. */
export function injectProbe(html: string): string {
  const charset = /<meta charset=[^>]*>/i.exec(html);
  if (charset) return html.replace(charset[0], charset[0] + TAG);
  return html.replace(/<head[^>]*>/i, (head) => head + TAG);
}

export async function startProbeProxy(target: string): Promise<ProbeProxy> {
  const upstream = new URL(target);
  const state = { hide: [] as string[] };
  const server: Server = createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://x').pathname === '/__probe.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
      res.end(probe(state.hide));
      return;
    }
    // Uncompressed, so that the HTML can be read; every other header passes as nginx sent it.
    const headers: IncomingHttpHeaders = {
      ...req.headers,
      host: upstream.host,
      'accept-encoding': 'identity',
    };
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
      (answer) => {
        const type = String(answer.headers['content-type'] ?? '');
        if (!type.startsWith('text/html')) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const body = Buffer.from(injectProbe(Buffer.concat(chunks).toString('utf8')), 'utf8');
          res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'content-length': body.length });
          res.end(body);
        });
      },
    );
    forward.on('error', (e) => res.writeHead(502).end(e.message));
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('probe proxy: no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    get hide() {
      return state.hide;
    },
    set hide(features: string[]) {
      state.hide = features;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
