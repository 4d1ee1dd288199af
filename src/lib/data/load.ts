/**
 * The one loader of the dataset: the explorer, the embed page, the build-time render, the tests and the
 * benchmark all call it. The data are the CSV files of data/; the pages load them packed into one JSON file
 * (./packed.ts), made at build time by this module's CSV reading and made back into the same tables by
 * Arquero (`aq.table`), the figures' notes following in a file of their own ({@link loadNotes}). CSV files
 * are read whole (fetch in the browser, the file system in Node) and parsed by Arquero's fromCSV with type
 * inference off, so that dates stay text and only `value` becomes a number.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Figure } from './schema.ts';
import { readNotes, unpackTables, type FigureNote, type Tables } from './packed.ts';
import { buildDataset, type Dataset } from './dataset.ts';

export { buildDataset, figureObjects, makePeriod, type Dataset } from './dataset.ts';

/** Where each data file is: URLs in the browser, paths or URLs in Node. */
export interface DataFiles {
  figures: string;
  sources: string;
  areas: string;
  periods: string;
  platforms: string;
  labels: string;
  population: string;
}

/** The file names of the dataset in data/. */
export const DATA_FILES: { readonly [K in keyof DataFiles]: string } = {
  figures: 'figures.csv',
  sources: 'sources.csv',
  areas: 'areas.csv',
  periods: 'periods.csv',
  platforms: 'platforms.csv',
  labels: 'platform-labels.csv',
  population: 'population.csv',
};

/** The dataset's files in a folder (Node: a path to data/). */
export function dataFilesIn(dir: string): DataFiles {
  const at = (name: string) => `${dir.replace(/\/$/, '')}/${name}`;
  return Object.fromEntries(
    Object.entries(DATA_FILES).map(([k, name]) => [k, at(name)]),
  ) as unknown as DataFiles;
}

/** Parses a `value` cell: a number, or null where the cell is empty. */
export function parseValue(text: string | null | undefined): number | null {
  if (text == null || text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

const csvOptions = { autoType: false } as const;

/** Reads a data file's whole text. */
export type ReadText = (path: string) => Promise<string>;

/**
 * The browser's reader: the file's whole text, then parsed at once. Not Arquero's streaming `loadCSV`, which
 * (arquero 8.0.3) misreads a row when a network chunk ends inside a quoted cell: `npm run bench` served the
 * figures in 997-byte chunks and got 47 rows wrong. Node callers (tests, the build) pass a file reader.
 */
export const fetchText: ReadText = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${url}`);
  return response.text();
};

export async function loadTable(path: string, read: ReadText = fetchText): Promise<ColumnTable> {
  return aq.fromCSV(await read(path), csvOptions);
}

/** Reads a figures file into the typed figures table. */
export async function loadFigures(path: string, read: ReadText = fetchText): Promise<ColumnTable> {
  return figuresFromCSV(await read(path));
}

/** Builds the typed figures table from CSV text. */
export function figuresFromCSV(text: string): ColumnTable {
  return aq.fromCSV(text, { ...csvOptions, parse: { value: parseValue } });
}

/** Reads the CSV files into their tables. */
export async function readTables(files: DataFiles, read: ReadText = fetchText): Promise<Tables> {
  const [figures, sources, areas, periods, platforms, labels, population] = await Promise.all([
    loadFigures(files.figures, read),
    loadTable(files.sources, read),
    loadTable(files.areas, read),
    loadTable(files.periods, read),
    loadTable(files.platforms, read),
    loadTable(files.labels, read),
    loadTable(files.population, read),
  ]);
  return { figures, sources, areas, periods, platforms, labels, population };
}

/**
 * Where a dataset is: its CSV files (an earlier release's published files, the tests' fixtures), or one
 * packed file (./packed.ts: what the pages load), with the figures' notes in a file of their own when the pack
 * leaves them out.
 */
export type DataSource = DataFiles | { readonly packed: string; readonly notes?: string };

export async function loadDataset(source: DataSource, read: ReadText = fetchText): Promise<Dataset> {
  return buildDataset(
    'packed' in source ? unpackTables(await read(source.packed)) : await readTables(source, read),
  );
}

export type { FigureNote };

/** A figure's note and evidence. */
export type NotesOf = (f: Figure) => FigureNote;

/** The figure's own note and evidence: what a figure read with them (or the person's own) carries. */
export const ownNotes: NotesOf = (f) => f;

/**
 * The note and evidence of the dataset's figures, read from their own pack (./packed.ts `packNotes`): a
 * look-up by figure id, so that the dataset, its resolved facts and the charts drawn from them stay as they
 * are when the notes come. A figure the pack does not name (the person's own) keeps its own.
 */
export async function loadNotes(ds: Dataset, url: string, read: ReadText = fetchText): Promise<NotesOf> {
  if (ds.notes) return ownNotes;
  const byId = readNotes(ds.figures, await read(url));
  return (f) => byId.get(f.id) ?? f;
}
