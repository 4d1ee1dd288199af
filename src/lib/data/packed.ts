/**
 * The dataset in one file: each table of ./load.ts as Arquero's column JSON (`toJSON` with
 * `type: 'columns'`), keyed as the files are in ./load.ts. The build packs the CSV files of data/
 * (build/packed-data.ts) and the page makes Arquero tables of the pack's column arrays (`aq.table`): one
 * request instead of seven, and `JSON.parse` instead of a CSV parser before the first chart. A unit test
 * holds the tables read from the pack equal to the tables read from the CSV files, cell for cell.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';

/** The tables of a dataset, in the order of its files (./load.ts `DATA_FILES`). */
const TABLES = ['figures', 'sources', 'areas', 'periods', 'platforms', 'labels', 'population'] as const;

/** The dataset's tables, one per file, as read: the CSV files or the packed file give the same. */
export type Tables = Record<(typeof TABLES)[number], ColumnTable>;

/** Packs the tables into one JSON text; `drop` names figure columns left out (the embed's lean figures). */
export function packTables(tables: Tables, drop: readonly string[] = []): string {
  const parts = TABLES.map((name) => {
    const table = tables[name];
    const columns = table.columnNames().filter((c) => name !== 'figures' || !drop.includes(c));
    return `${JSON.stringify(name)}:${table.toJSON({ type: 'columns', columns })}`;
  });
  return `{${parts.join(',')}}`;
}

/**
 * The figures' columns no chart shows: a figure's note and where on its page it is. The pages' pack leaves them
 * out; the explorer reads them from their own small pack just after its first chart ({@link packNotes}).
 */
export const NOTE_COLUMNS = ['note', 'evidence'] as const;

/** The figures' notes as their own pack: the figure ids and {@link NOTE_COLUMNS}, in the figures' order. */
export function packNotes(figures: ColumnTable): string {
  return figures.toJSON({ type: 'columns', columns: ['id', ...NOTE_COLUMNS] });
}

/** A figure's note and evidence. */
export type FigureNote = { readonly [C in (typeof NOTE_COLUMNS)[number]]: string };

/**
 * The notes of {@link packNotes}'s pack by figure id; refused (an error) unless the pack has the same figures
 * in the same order.
 */
export function readNotes(figures: ColumnTable, text: string): Map<string, FigureNote> {
  const json = JSON.parse(text) as Record<string, unknown[] | undefined>;
  const ids = figures.array('id') as ArrayLike<unknown>;
  const theirs = json.id;
  if (!Array.isArray(theirs) || theirs.length !== ids.length || theirs.some((id, i) => id !== ids[i]))
    throw new Error('the notes are not those of these figures');
  const [note, evidence] = NOTE_COLUMNS.map((c) => {
    const values = json[c];
    if (!Array.isArray(values) || values.length !== ids.length)
      throw new Error(`the notes have no ${c} column`);
    return values.map((v) => (v == null ? '' : String(v)));
  });
  return new Map(theirs.map((id, i) => [String(id), { note: note![i]!, evidence: evidence![i]! }]));
}

/** Reads a packed dataset back into its tables (Arquero's `table` over the column arrays): every cell as packed. */
export function unpackTables(text: string): Tables {
  const json = JSON.parse(text) as Record<string, unknown>;
  const table = (name: (typeof TABLES)[number]): ColumnTable => {
    const columns = json[name];
    if (!columns || typeof columns !== 'object') throw new Error(`the packed dataset has no ${name} table`);
    return aq.table(columns as Record<string, unknown[]>);
  };
  return Object.fromEntries(TABLES.map((name) => [name, table(name)])) as unknown as Tables;
}
