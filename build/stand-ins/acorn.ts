/**
 * Stands in for acorn, which Arquero uses only to parse expression strings and non-escaped functions.
 * This app never hands Arquero an expression to parse (src/lib/query/columnar.ts): text from a file or a
 * link can never become code, and the browser does not download a JavaScript parser (35 kB gzip).
 */
export function parse(): never {
  throw new Error(
    'Arquero expressions are not parsed in this app: filter and aggregate with src/lib/query/columnar.ts',
  );
}
