/**
 * A Vite plugin giving the embed page a lighter figures file: `virtual:figures-lean.csv` is the URL of
 * data/figures.csv without its `note` and `evidence` columns, which the embed never shows (they are in each
 * figure's details, in the explorer). About two thirds of the file's gzip weight. Built from the one data file
 * at build time, so the two can never disagree; in development it is the full file itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import type { Plugin, ResolvedConfig } from 'vite';

export const LEAN_FIGURES_ID = 'virtual:figures-lean.csv';
/** The columns the embed does without. */
export const LEAN_DROPS = ['note', 'evidence'] as const;

/** The figures CSV without {@link LEAN_DROPS}; every other cell exactly as written. */
export function leanFiguresCSV(text: string): string {
  const table = aq.fromCSV(text, { autoType: false });
  const keep = table.columnNames().filter((c) => !(LEAN_DROPS as readonly string[]).includes(c));
  const csv = table.select(keep).toCSV();
  return csv.endsWith('\n') ? csv : `${csv}\n`;
}

export function leanFigures(): Plugin {
  let config: ResolvedConfig;
  const resolved = `\0${LEAN_FIGURES_ID}`;
  return {
    name: 'lean-figures',
    configResolved(c) {
      config = c;
    },
    resolveId(id) {
      return id === LEAN_FIGURES_ID ? resolved : null;
    },
    load(id) {
      if (id !== resolved) return null;
      const file = join(config.root, 'data', 'figures.csv');
      if (config.command === 'serve') return `export { default } from ${JSON.stringify(`${file}?url`)};`;
      this.addWatchFile(file);
      const ref = this.emitFile({
        type: 'asset',
        name: 'figures-lean.csv',
        source: leanFiguresCSV(readFileSync(file, 'utf8')),
      });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
