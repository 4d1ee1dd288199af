/**
 * The one security policy (build/csp.ts) and what is generated from it: the pages' <meta>, `_headers`, the
 * committed nginx config and the per-build nginx map. They must agree, and deploy/nginx.conf must be what the
 * generator writes (`npm run publish:config`).
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import {
  addMetaPolicy,
  checkMetaPolicy,
  COMMON_HEADERS,
  headersFile,
  inlineScripts,
  metaPolicy,
  policy,
  scriptHash,
  SUB_PATH,
  type BuiltPage,
} from '../../build/csp.ts';
import { nginxConf, nginxCspMap } from '../../build/nginx-conf.ts';
import { NGINX_CONF, renderSite } from '../../build/nginx.ts';
import { precompressFile } from '../../build/precompress.ts';
import { publishDir } from '../../build/publish.ts';

const page = (head: string, body = '<div id="app"></div>') =>
  `<!doctype html>\n<html>\n  <head>\n    <meta charset="UTF-8" />\n${head}\n  </head>\n  <body>${body}</body>\n</html>\n`;

describe('script hashes', () => {
  it('hashes a script body as CSP does (the example of the CSP specification)', () => {
    expect(scriptHash("alert('Hello, world.');")).toBe(
      "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='",
    );
  });

  it('finds every inline script, as the parser gives its text, and no script with src', () => {
    const html = page(
      '<script>a()</script><script type="module" crossorigin src="./x.js"></script>',
      '<SCRIPT type="module">\r\nb()\r\n</SCRIPT ><script src=y.js></script><script>c("</scr"+"ipt>")</script>',
    );
    expect(inlineScripts(html)).toEqual(['a()', '\nb()\n', 'c("</scr"+"ipt>")']);
  });
});

describe('the meta policy', () => {
  const html = page('    <style>x{}</style><script>one()</script>', '<script>two()</script>');

  it('comes right after <meta charset>, before any script, and hashes exactly the inline scripts', () => {
    const out = addMetaPolicy(html);
    expect(out.hashes).toEqual([scriptHash('one()'), scriptHash('two()')]);
    expect(out.html).toMatch(
      /<meta charset="UTF-8" \/>\n {4}<meta http-equiv="Content-Security-Policy" content="/,
    );
    expect(out.html.indexOf('Content-Security-Policy')).toBeLessThan(out.html.indexOf('<script'));
    const meta = metaPolicy(out.html)!;
    const scriptSrc = meta.split('; ').find((d) => d.startsWith('script-src '))!;
    expect(scriptSrc).toBe(`script-src 'self' ${out.hashes.join(' ')}`);
    expect(() => checkMetaPolicy(out.html)).not.toThrow();
  });

  it('forbids inline script and eval, and allows what the app needs', () => {
    const meta = metaPolicy(addMetaPolicy(html).html)!;
    const directives = new Map(meta.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(meta).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    // Browsers ignore (and complain of) frame-ancestors in a <meta>: headers only.
    expect(directives.has('frame-ancestors')).toBe(false);
  });

  it('fails a page with an inline script the policy does not hash, or a script before the policy', () => {
    const { html: out } = addMetaPolicy(html);
    expect(() => checkMetaPolicy(out.replace('</body>', '<script>evil()</script></body>'))).toThrow(
      /inline script .* is not in the policy/,
    );
    expect(() =>
      checkMetaPolicy(out.replace('<meta charset="UTF-8" />', '<script src="a.js"></script>')),
    ).toThrow(/before the policy/);
    expect(() => checkMetaPolicy(html)).toThrow(/no Content-Security-Policy/);
    expect(() => addMetaPolicy(out)).toThrow(/already has/);
  });
});

type Headers = Record<string, string>;

/** `_headers` as Netlify and Cloudflare Pages read it: for a URL path, the headers of every rule that matches. */
function netlify(text: string, path: string): Headers {
  const rules: { pattern: string; headers: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const [, name, value] = /^\s+([^:]+):\s*(.*)$/.exec(line)!;
      rules.at(-1)!.headers.push([name!, value!]);
    }
  }
  const out: Headers = {};
  for (const { pattern, headers } of rules) {
    const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    if (!re.test(path)) continue;
    for (const [n, v] of headers) {
      // Two matching rules setting one header would be joined by the host: never let that happen.
      expect(out[n], `${n} set twice for ${path}`).toBeUndefined();
      out[n] = v;
    }
  }
  return out;
}

const unquote = (s: string) => (s.startsWith('"') ? s.slice(1, -1).replace(/\\(.)/g, '$1') : s);

/** The nginx config's headers for a request URI ($uri), with its maps and the included per-build map. */
function nginx(conf: string, included: Record<string, string>, uri: string, status = 200): Headers {
  const expanded = conf.replace(/^\s*include (\S+);$/gm, (line, file: string) => included[file] ?? line);
  const vars = new Map<string, string>();
  for (const m of expanded.matchAll(/map \$uri \$(\w+) \{([\s\S]*?)\n\}/g)) {
    let value: string | undefined;
    let fallback = '';
    for (const entry of m[2]!.matchAll(/^\s*(\S+) ("(?:[^"\\]|\\.)*"|\S+);$/gm)) {
      const [, key, raw] = entry;
      if (key === 'default') fallback = unquote(raw!);
      else if (value === undefined && key!.startsWith('~') && new RegExp(key!.slice(1)).test(uri))
        value = unquote(raw!);
    }
    vars.set(m[1]!, value ?? fallback);
  }
  const out: Headers = {};
  for (const m of expanded.matchAll(/^\s*add_header (\S+) ("(?:[^"\\]|\\.)*"|\S+)( always)?;$/gm)) {
    if (status >= 400 && !m[3]) continue;
    const value = m[2]!.startsWith('$') ? vars.get(m[2]!.slice(1))! : unquote(m[2]!);
    if (value) out[m[1]!] = value;
  }
  return out;
}

describe('the headers, wherever they are set', () => {
  const pages: BuiltPage[] = [
    { file: 'index.html', hashes: [scriptHash('explorer()')] },
    { file: 'embed.html', hashes: [scriptHash('embed()')] },
  ];
  const files = [
    'assets/app-AbCd_123.js',
    'assets/figures-XyZ-9876.csv',
    'embed.html',
    'index.html',
    'template.csv',
  ];
  const headers = headersFile(pages, files);
  const root = '/srv/foi';
  const conf = renderSite(nginxConf(), '80', root);
  const included = { [`${root}/_nginx-csp.map`]: nginxCspMap(pages) };

  it('deploy/nginx.conf is what build/csp.ts writes (else run `npm run publish:config`)', async () => {
    expect(await readFile(NGINX_CONF, 'utf8')).toBe(nginxConf());
  });

  const common = Object.fromEntries(COMMON_HEADERS);
  const cases: [file: string, urls: string[], csp: string, cache: string][] = [
    ['index.html', ['/', '/index.html'], policy(pages[0]!.hashes, "'self'"), 'no-cache'],
    ['embed.html', ['/embed.html'], policy(pages[1]!.hashes, '*'), 'no-cache'],
    [
      'assets/app-AbCd_123.js',
      ['/assets/app-AbCd_123.js'],
      policy([], "'self'"),
      'public, max-age=31536000, immutable',
    ],
    [
      'assets/figures-XyZ-9876.csv',
      ['/assets/figures-XyZ-9876.csv'],
      policy([], "'self'"),
      'public, max-age=31536000, immutable',
    ],
    ['template.csv', ['/template.csv'], policy([], "'self'"), 'no-cache'],
  ];

  it.each(cases)(
    '%s: the same headers from _headers and nginx, at the root and under a sub-path',
    (file, urls, csp, cache) => {
      const expected = { 'Content-Security-Policy': csp, ...common, 'Cache-Control': cache };
      for (const url of urls) expect(netlify(headers, url)).toEqual(expected);
      // nginx serves `/` as /index.html (index), and the sub-path by alias.
      expect(nginx(conf, included, `/${file}`)).toEqual(expected);
      expect(nginx(conf, included, `${SUB_PATH}${file}`)).toEqual(expected);
    },
  );

  it('the header policy of a page is its meta policy, with frame-ancestors', () => {
    for (const p of pages) {
      const { html } = addMetaPolicy(
        page(`<script>${p.file === 'index.html' ? 'explorer()' : 'embed()'}</script>`),
      );
      const meta = metaPolicy(html)!;
      const header = nginx(conf, included, `/${p.file}`)['Content-Security-Policy']!;
      expect(header).toBe(`${meta}; frame-ancestors ${p.file === 'embed.html' ? '*' : "'self'"}`);
      expect(netlify(headers, `/${p.file}`)['Content-Security-Policy']).toBe(header);
    }
  });

  it('Netlify and Cloudflare Pages serve pages without .html too: the same headers there', () => {
    expect(netlify(headers, '/embed')).toEqual(netlify(headers, '/embed.html'));
  });

  it('nginx keeps the security headers on errors, but never caches one for a year', () => {
    const missing = nginx(conf, included, '/assets/gone-AbCd_123.js', 404);
    expect(missing).toEqual({ 'Content-Security-Policy': policy([], "'self'"), ...common });
  });
});

describe('the build step (build/publish.ts)', () => {
  it('adds the policy to every page, writes _headers and the nginx map, and precompresses', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'publish-'));
    try {
      await mkdir(join(dir, 'assets'));
      await writeFile(join(dir, 'index.html'), page('<script>x()</script>'));
      await writeFile(join(dir, 'assets', 'app-AbCd_123.js'), 'console.log(1);'.repeat(100));
      const { pages, compressed } = await publishDir(dir);
      expect(pages).toEqual([{ file: 'index.html', hashes: [scriptHash('x()')] }]);
      const html = await readFile(join(dir, 'index.html'), 'utf8');
      expect(() => checkMetaPolicy(html)).not.toThrow();
      expect(await readFile(join(dir, '_headers'), 'utf8')).toBe(
        headersFile(pages, ['assets/app-AbCd_123.js', 'index.html']),
      );
      expect(await readFile(join(dir, '_nginx-csp.map'), 'utf8')).toBe(nginxCspMap(pages));
      expect(compressed.map((c) => c.file)).toEqual(['assets/app-AbCd_123.js', 'index.html']);
      expect(gunzipSync(await readFile(join(dir, 'index.html.gz'))).toString()).toBe(html);
      expect(brotliDecompressSync(await readFile(join(dir, 'index.html.br'))).toString()).toBe(html);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails on a file in assets/ that is not named by its hash: it would be cached for a year', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'publish-'));
    try {
      await mkdir(join(dir, 'assets'));
      await writeFile(join(dir, 'index.html'), page(''));
      await writeFile(join(dir, 'assets', 'logo.svg'), '<svg/>');
      await expect(publishDir(dir)).rejects.toThrow(/assets\/logo\.svg .* unhashed/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes no compressed copy that would not be smaller', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'publish-'));
    try {
      await writeFile(join(dir, 'a.json'), '{}');
      expect(await precompressFile(join(dir, 'a.json'))).toEqual({ size: 2, br: null, gz: null });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
