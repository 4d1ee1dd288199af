/**
 * A Vite plugin that lets Arquero run under the site's Content-Security-Policy (build/csp.ts): no
 * 'unsafe-eval'. Row objects (`table.objects()` and `table.object(row)`) are built by code that Arquero
 * generates and compiles with `Function(...)`, which the policy blocks; the app reads every table through
 * `objects()`. The bundle builds them with a closure instead, reading the same columns the same way
 * (`data[name][row]` for array columns, `data[name].at(row)` otherwise, as the generated code does). The
 * function is matched exactly: a new Arquero that changes it fails the build rather than ship it unchanged.
 *
 * (Data files are never `data:` URLs inside a script, and the app reads them whole with fetch(), not with
 * Arquero's `loadCSV`: nothing else of Arquero's needs changing. vite.config.ts keeps them files.)
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

export const PATCHES: Readonly<Record<'rowObjects', Patch>> = {
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
};

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
      return null;
    },
  };
}
