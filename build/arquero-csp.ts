/**
 * A Vite plugin that lets Arquero run under the site's Content-Security-Policy (build/csp.ts): no
 * 'unsafe-eval', and fetches from the site only (connect-src 'self'). It changes two functions of Arquero in
 * the bundle, each matched exactly: a new Arquero that changes one fails the build rather than ship it
 * unchanged.
 *
 * - Row objects: `table.objects()` and `table.object(row)` build their objects with code that Arquero
 *   generates and compiles with `Function(...)`, which the policy blocks; the app reads every data file
 *   through `objects()`. The bundle builds them with a closure instead, reading the same columns the same
 *   way (`data[name][row]` for array columns, `data[name].at(row)` otherwise, as the generated code does).
 * - Small data files: Vite inlines the CSV files under 4 kB into the script as `data:` URLs, which the app
 *   loads (`aq.loadCSV`) with `fetch()`, which connect-src 'self' blocks. The bundle decodes a `data:` URL
 *   itself; every other URL is fetched as before.
 *
 * The end-to-end tests fail on any policy violation (tests/e2e/publish.e2e.test.ts).
 */
import type { Plugin } from 'vite';

export interface Patch {
  /** The module of Arquero's source that the patch applies to. */
  module: RegExp;
  /** The code replaced, exactly as Arquero has it, and its replacement. */
  from: string;
  to: string;
}

export const PATCHES: Readonly<Record<'rowObjects' | 'dataUrls', Patch>> = {
  rowObjects: {
    module: /[\\/]node_modules[\\/]arquero[\\/]src[\\/]expression[\\/]row-object\.js$/,
    from: `export function rowObjectBuilder(table, props) {
  return compile.expr(rowObjectCode(table, props));
}`,
    to: `export function rowObjectBuilder(table, props = table.columnNames()) {
  const fields = [];
  for (const prop of entries(props)) {
    const [name, key] = isArray(prop) ? prop : [prop, prop];
    fields.push([key, name, isArrayType(table.column(name))]);
  }
  return (row, data) => {
    const o = {};
    for (const [key, name, array] of fields) o[key] = array ? data[name][row] : data[name].at(row);
    return o;
  };
}
import { isArrayType } from '../util/is-array-type.js';`,
  },
  dataUrls: {
    module: /[\\/]node_modules[\\/]arquero[\\/]src[\\/]format[\\/]stream[\\/]byte-stream-web\.js$/,
    from: `  const s = await fetch(url, fopt).then(r => r.body);`,
    to: `  const s = String(url).startsWith('data:')
    ? new Blob([dataUrlBytes(String(url))]).stream()
    : await fetch(url, fopt).then(r => r.body);`,
  },
};

/** The bytes of a `data:` URL (RFC 2397), base64 or percent-encoded. Self-contained: appended to the module. */
export function dataUrlBytes(url: string): Uint8Array {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || comma < 0) throw new Error('not a data: URL');
  const body = url.slice(comma + 1);
  if (/;base64$/i.test(url.slice(0, comma))) return Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  return new TextEncoder().encode(decodeURIComponent(body));
}

/** Applies the patch to the module's code; throws when Arquero's code is not the one it replaces. */
export function patch(code: string, { from, to }: Patch): string {
  if (!code.includes(from))
    throw new Error(
      `vendor patch: the code to replace is not there (a new version of the package?):\n${from}`,
    );
  return code.replace(from, () => to);
}

export function arqueroUnderCsp(): Plugin {
  return {
    name: 'arquero-under-csp',
    enforce: 'pre',
    transform(code, id) {
      if (PATCHES.rowObjects.module.test(id)) return { code: patch(code, PATCHES.rowObjects), map: null };
      if (PATCHES.dataUrls.module.test(id))
        return { code: `${patch(code, PATCHES.dataUrls)}\n${dataUrlBytes.toString()}\n`, map: null };
      return null;
    },
  };
}
