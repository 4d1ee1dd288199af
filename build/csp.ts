/**
 * The one source of the site's security policy and response headers. From it come:
 * - the `<meta http-equiv="Content-Security-Policy">` of every built page, with the sha256 of the page's inline
 *   script computed from the final HTML ({@link addMetaPolicy}, run by build/publish.ts);
 * - `_headers` in dist/, for hosts that read it (Netlify, Cloudflare Pages) ({@link headersFile});
 * - the nginx config committed as deploy/nginx.conf (./nginx-conf.ts), and the per-build map it includes from
 *   the copy of dist/ for the pages' hashes (the same module).
 * A unit test (tests/unit/csp.test.ts) fails when deploy/nginx.conf drifts from this file:
 * `npm run publish:config` rewrites it.
 */
import { createHash } from 'node:crypto';

type Directives = readonly (readonly [name: string, sources: readonly string[]])[];

/** Every page's policy, as the `<meta>` tag carries it; script-src gets the page's inline script hashes. */
export const DIRECTIVES: Directives = [
  ['default-src', ["'self'"]],
  // Scripts: the app's own files, and the page's inline head script by its hash. No 'unsafe-inline', no
  // 'unsafe-eval': the app compiles no code at run time.
  ['script-src', ["'self'"]],
  // Styles: Observable Plot writes a <style> element and style attributes into every chart it draws, and
  // Svelte components set style attributes (bar widths, legend swatches); the head guard's <style> comes with
  // the build. Hashes cannot cover style attributes, so inline styles stay allowed: CSS cannot run script.
  ['style-src', ["'self'", "'unsafe-inline'"]],
  // data: for the page's empty icon; blob: for the PNG export, which draws the chart's SVG into a canvas.
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['connect-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'self'"]],
  ['form-action', ["'none'"]],
];

/** Who may frame a page (a header only: browsers ignore frame-ancestors in a <meta> policy). */
export function frameAncestors(page: string): string {
  return /(^|\/)embed\.html$/.test(page) ? '*' : "'self'";
}

/** Headers every response gets. */
export const COMMON_HEADERS: readonly (readonly [string, string])[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  // Nothing on the site uses these features; the embed cannot be granted them by a host page either.
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
];

export const CACHE_HASHED = 'public, max-age=31536000, immutable';
export const CACHE_OTHER = 'no-cache';

/** Vite writes the files it hashes into assets/, named `name-XXXXXXXX.ext` (8 characters of base64url). */
export const ASSETS_DIR = 'assets';
/** Each data release's files, under releases/<release id>/ (build/releases.ts): named by the release, never changed. */
export const RELEASE_FILE = /^releases\/[^/]+\/[^/]+$/;
/** Files that never change under their name: cached for a year. */
export const isImmutable = (file: string): boolean =>
  file.startsWith(`${ASSETS_DIR}/`) || RELEASE_FILE.test(file);
export const isHashedName = (name: string): boolean => /-[A-Za-z0-9_-]{8}\.[A-Za-z0-9]+$/.test(name);

/** The example sub-path under which deploy/nginx.conf also serves the site. */
export const SUB_PATH = '/tools/foi/';
/** Files the build writes for hosts, not for readers; nginx refuses them. */
export const HEADERS_FILE = '_headers';
export const NGINX_MAP_FILE = '_nginx-csp.map';

/** The CSP source for a script body: `'sha256-…'` of its UTF-8 bytes, as browsers hash an inline script. */
export function scriptHash(body: string): string {
  return `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
}

/**
 * The bodies of the inline scripts of a page (every <script> without src), as the HTML parser gives them
 * (line breaks normalised). Script text ends at the first `</script`, as in the parser.
 */
export function inlineScripts(html: string): string[] {
  const bodies: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (!/\ssrc\s*=/i.test(` ${m[1]}`)) bodies.push(m[2]!.replace(/\r\n?/g, '\n'));
  }
  return bodies;
}

/** The policy with these script hashes; with frame-ancestors when given (headers only). */
export function policy(hashes: readonly string[], ancestors?: string): string {
  const parts = DIRECTIVES.map(([name, sources]) =>
    [name, ...sources, ...(name === 'script-src' ? hashes : [])].join(' '),
  );
  if (ancestors) parts.push(`frame-ancestors ${ancestors}`);
  return parts.join('; ');
}

const META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"\s*\/?>/i;
const CHARSET = /<meta charset="[^"]*"\s*\/?>/i;

/**
 * Puts the policy, with the hash of every inline script of the page, right after `<meta charset>` (before
 * any script: a policy applies only to what follows it). Returns the page and its hashes.
 */
export function addMetaPolicy(html: string): { html: string; hashes: string[] } {
  if (META.test(html)) throw new Error('csp: the page already has a Content-Security-Policy <meta>');
  if (!CHARSET.test(html)) throw new Error('csp: no <meta charset> in the page');
  const hashes = [...new Set(inlineScripts(html).map(scriptHash))];
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(hashes)}" />`;
  const out = html.replace(CHARSET, (m) => `${m}\n    ${meta}`);
  checkMetaPolicy(out);
  return { html: out, hashes };
}

/** The page's meta policy, or null. */
export function metaPolicy(html: string): string | null {
  return META.exec(html)?.[1] ?? null;
}

/**
 * Throws unless the page has the policy before its first script, and the policy hashes every inline script
 * of the page (the build fails on a page whose inline script the policy would block).
 */
export function checkMetaPolicy(html: string): void {
  const meta = META.exec(html);
  if (!meta) throw new Error('csp: no Content-Security-Policy <meta> in the page');
  const firstScript = html.search(/<script\b/i);
  if (firstScript >= 0 && firstScript < meta.index)
    throw new Error('csp: a <script> comes before the policy');
  const scriptSrc = meta[1]!.split(';').find((d) => d.trim().startsWith('script-src '));
  const allowed = new Set(scriptSrc?.trim().split(/\s+/).slice(1));
  for (const body of inlineScripts(html)) {
    const hash = scriptHash(body);
    if (!allowed.has(hash)) throw new Error(`csp: an inline script (${hash}) is not in the policy`);
  }
}

/** A built page: its path in dist/ (e.g. "embed.html") and its inline scripts' hashes. */
export interface BuiltPage {
  file: string;
  hashes: readonly string[];
}

/**
 * The headers of one file of dist/ (by its path in dist/), pages with their hashes. Files in assets/ are all
 * named by their content (build/publish.ts fails the build otherwise).
 */
export function headersFor(file: string, pages: readonly BuiltPage[]): [string, string][] {
  const page = pages.find((p) => p.file === file);
  const hashed = isImmutable(file);
  return [
    ['Content-Security-Policy', policy(page?.hashes ?? [], frameAncestors(file))],
    ...COMMON_HEADERS.map(([n, v]): [string, string] => [n, v]),
    ['Cache-Control', hashed ? CACHE_HASHED : CACHE_OTHER],
  ];
}

/** The URL paths at which Netlify and Cloudflare Pages serve a file (both serve `x.html` at `/x` too). */
function urlPaths(file: string): string[] {
  if (file === 'index.html') return ['/', '/index.html'];
  if (file.endsWith('/index.html')) return [`/${file.slice(0, -'index.html'.length)}`, `/${file}`];
  if (file.endsWith('.html')) return [`/${file}`, `/${file.slice(0, -'.html'.length)}`];
  return [`/${file}`];
}

/**
 * `_headers` for Netlify and Cloudflare Pages: the common headers on every path, then one rule per file
 * outside assets/ and one for assets/. Both hosts merge the headers of every rule a path matches (and join
 * a header two rules set), so no header is set by two rules that can match the same path.
 */
export function headersFile(pages: readonly BuiltPage[], files: readonly string[]): string {
  const block = (path: string, headers: readonly (readonly [string, string])[]) =>
    [path, ...headers.map(([n, v]) => `  ${n}: ${v}`)].join('\n');
  const specific = (file: string) => headersFor(file, pages).filter(([n]) => !COMMON.has(n));
  const rules = [
    block('/*', COMMON_HEADERS),
    block(`/${ASSETS_DIR}/*`, [
      ['Content-Security-Policy', policy([], frameAncestors(ASSETS_DIR))],
      ['Cache-Control', CACHE_HASHED],
    ]),
  ];
  for (const file of [...files].filter((f) => !f.startsWith(`${ASSETS_DIR}/`)).sort())
    for (const path of urlPaths(file)) rules.push(block(path, specific(file)));
  return `# Written by the build from build/csp.ts: the headers of each file, for Netlify and Cloudflare Pages.\n${rules.join('\n\n')}\n`;
}
const COMMON = new Set(COMMON_HEADERS.map(([n]) => n));
