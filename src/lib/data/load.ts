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
import { FIGURE_COLUMNS } from './schema.ts';
import type { Area, Figure, Period, Platform, PlatformLabel, Population, Source } from './schema.ts';
import { NOTE_COLUMNS, readNotes, unpackTables, type FigureNote, type Tables } from './packed.ts';
import { compareCodes } from './order.ts';

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

export interface Dataset {
  /** Every figure row, columns as in {@link Figure}. Never mutated. */
  figures: ColumnTable;
  sources: ReadonlyMap<string, Source>;
  /** In file order: the 43 forces of England and Wales, the other forces, then regions and countries. */
  areas: ReadonlyMap<string, Area>;
  /** Sorted by start, then end. */
  periods: readonly Period[];
  periodByKey: ReadonlyMap<string, Period>;
  periodById: ReadonlyMap<string, Period>;
  platforms: ReadonlyMap<string, Platform>;
  labels: ReadonlyMap<string, PlatformLabel>;
  /** Children by force area (the 43 forces of England and Wales only), keyed by area id, in file order. */
  population: ReadonlyMap<string, Population>;
  /**
   * Whether the figures carry their notes and evidence. The pages' pack leaves them out (no chart shows
   * them): they are '' and this is false, and what shows them looks them up in the notes {@link loadNotes}
   * reads, saying they are still to come until then rather than show none.
   */
  notes: boolean;
}

const asText = (v: unknown): string => (v == null ? '' : String(v));
const list = (v: unknown): string[] => asText(v).split(';').filter(Boolean);

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

type Row = Record<string, unknown>;

export function buildDataset(tables: Tables): Dataset {
  // Empty text cells become '' (not null), column by column: no expression is parsed.
  const text = (name: string) =>
    Array.from(tables.figures.array(name) as ArrayLike<unknown>, (v) => (v == null ? '' : String(v)));
  const present = new Set(tables.figures.columnNames());
  // `completeness` came with the release of 2026-12-04: an earlier release's figures have none (nothing
  // flagged), and get the column empty, in its place, so that every release's table has the same columns.
  const filled = tables.figures.assign(
    aq.table(
      Object.fromEntries(
        ['category', 'completeness', 'share_base', 'note', 'evidence'].map((c) => [
          c,
          present.has(c) ? text(c) : new Array<string>(tables.figures.numRows()).fill(''),
        ]),
      ),
    ),
  );
  const names = filled.columnNames();
  const figures = FIGURE_COLUMNS.every((c) => names.includes(c))
    ? filled.select([
        ...FIGURE_COLUMNS,
        ...names.filter((c) => !(FIGURE_COLUMNS as readonly string[]).includes(c)),
      ])
    : filled;
  const sources = new Map<string, Source>();
  for (const r of tables.sources.objects() as Row[]) {
    const s: Source = {
      id: asText(r.id),
      url: asText(r.url),
      kind: asText(r.kind) as Source['kind'],
      publisher: asText(r.publisher),
      date: asText(r.date),
    };
    sources.set(s.id, s);
  }
  const areas = new Map<string, Area>();
  for (const r of tables.areas.objects() as Row[]) {
    const col = asText(r.tile_col);
    const row = asText(r.tile_row);
    const a: Area = {
      id: asText(r.id),
      name: asText(r.name),
      type: asText(r.type) as Area['type'],
      region: asText(r.region),
      nation: asText(r.nation),
      ew43: asText(r.ew43) === '1',
      tile: col && row ? { col: Number(col), row: Number(row), label: asText(r.tile_label) } : null,
      members: list(r.members),
      aliases: list(r.aliases),
      note: asText(r.note),
    };
    areas.set(a.id, a);
  }
  const periods = (tables.periods.objects() as Row[])
    .map((r) => makePeriod(asText(r.start), asText(r.end), asText(r.label), asText(r.short), asText(r.kind)))
    .sort((a, b) => compareCodes(a.start, b.start) || compareCodes(a.end, b.end));
  const platforms = new Map<string, Platform>();
  for (const r of tables.platforms.objects() as Row[]) {
    const p: Platform = {
      id: asText(r.id),
      name: asText(r.name),
      owner: asText(r.owner),
      owner_name: asText(r.owner_name),
    };
    platforms.set(p.id, p);
  }
  const labels = new Map<string, PlatformLabel>();
  for (const r of tables.labels.objects() as Row[]) {
    const l: PlatformLabel = {
      label: asText(r.label),
      platforms: list(r.platforms),
      owners: list(r.owners),
      scope: asText(r.scope) as PlatformLabel['scope'],
    };
    labels.set(l.label, l);
  }
  const population = new Map<string, Population>();
  for (const r of tables.population.objects() as Row[]) {
    const p: Population = {
      area: asText(r.area),
      reference_date: asText(r.reference_date),
      children_under_16: Number(asText(r.children_under_16)),
      children_under_18: Number(asText(r.children_under_18)),
      all_ages: Number(asText(r.all_ages)),
      source_name: asText(r.source_name),
      source_url: asText(r.source_url),
      licence: asText(r.licence),
      credit: asText(r.credit),
      method: asText(r.method),
    };
    population.set(p.area, p);
  }
  return {
    figures,
    sources,
    areas,
    periods,
    periodByKey: new Map(periods.map((p) => [p.key, p])),
    periodById: new Map(periods.map((p) => [p.id, p])),
    platforms,
    labels,
    population,
    notes: NOTE_COLUMNS.every((c) => present.has(c)),
  };
}

export function makePeriod(start: string, end: string, label: string, short: string, kind: string): Period {
  const fy = kind === 'financial_year';
  return {
    id: fy
      ? `${start.slice(0, 4)}-${String((Number(start.slice(0, 4)) + 1) % 100).padStart(2, '0')}`
      : `${start}_${end}`,
    key: `${start}..${end}`,
    start,
    end,
    label,
    short: short || label,
    kind: kind as Period['kind'],
  };
}

/** The figures table as typed objects. */
export function figureObjects(table: ColumnTable): Figure[] {
  return table.objects() as unknown as Figure[];
}
