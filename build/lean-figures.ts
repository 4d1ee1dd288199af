/**
 * The embed's lighter figures: data/figures.csv without its `note` and `evidence` columns, which the embed
 * never shows (they are in each figure's details, in the explorer); about two thirds of the file's gzip
 * weight. The embed's packed dataset leaves them out (./packed-data.ts), and each published release has a
 * `figures-lean.csv` for embeds that pin it (./releases.ts). Made from the one data file, so the two can
 * never disagree.
 */
import * as aq from 'arquero';
import { NOTE_COLUMNS } from '../src/lib/data/packed.ts';

/** The columns the embed does without. */
export const LEAN_DROPS = NOTE_COLUMNS;

/** The figures CSV without {@link LEAN_DROPS}; every other cell exactly as written. */
export function leanFiguresCSV(text: string): string {
  const table = aq.fromCSV(text, { autoType: false });
  const keep = table.columnNames().filter((c) => !(LEAN_DROPS as readonly string[]).includes(c));
  const csv = table.select(keep).toCSV();
  return csv.endsWith('\n') ? csv : `${csv}\n`;
}
