/**
 * The dataset the app works on, made from the data files' tables (./load.ts reads them): the figures as an
 * Arquero table, and sources, areas, periods, platforms, labels and population as typed look-ups.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { FIGURE_COLUMNS } from './schema.ts';
import type { Area, Figure, Period, Platform, PlatformLabel, Population, Source } from './schema.ts';
import { NOTE_COLUMNS, type Tables } from './packed.ts';
import { compareCodes } from './order.ts';
import { rowsOf } from './rows.ts';

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

type Row = Record<string, unknown>;

export function buildDataset(tables: Tables): Dataset {
  // Empty text cells become '' (not null), column by column: no expression is parsed.
  const text = (name: string) =>
    Array.from(tables.figures.array(name) as ArrayLike<unknown>, (v) => (v == null ? '' : String(v)));
  const present = new Set(tables.figures.columnNames());
  // `completeness` came with the release of 2026-12-04: an earlier release's figures have none (nothing
  // flagged), and get the column empty, so that every release's table has the same columns.
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
  // The columns in the schema's order (any others after them), whatever release the files are from.
  const names = filled.columnNames();
  const figures = FIGURE_COLUMNS.every((c) => names.includes(c))
    ? filled.select([
        ...FIGURE_COLUMNS,
        ...names.filter((c) => !(FIGURE_COLUMNS as readonly string[]).includes(c)),
      ])
    : filled;
  const rows = (table: ColumnTable) => rowsOf<Row>(table);
  const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((x) => [x.id, x]));
  const sources = byId(
    rows(tables.sources).map((r): Source => ({
      id: asText(r.id),
      url: asText(r.url),
      kind: asText(r.kind) as Source['kind'],
      publisher: asText(r.publisher),
      date: asText(r.date),
    })),
  );
  const areas = byId(
    rows(tables.areas).map((r): Area => {
      const [col, row] = [asText(r.tile_col), asText(r.tile_row)];
      return {
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
    }),
  );
  const periods = rows(tables.periods)
    .map((r) => makePeriod(asText(r.start), asText(r.end), asText(r.label), asText(r.short), asText(r.kind)))
    .sort((a, b) => compareCodes(a.start, b.start) || compareCodes(a.end, b.end));
  const platforms = byId(
    rows(tables.platforms).map((r): Platform => ({
      id: asText(r.id),
      name: asText(r.name),
      owner: asText(r.owner),
      owner_name: asText(r.owner_name),
    })),
  );
  const labels = new Map(
    rows(tables.labels).map((r): [string, PlatformLabel] => [
      asText(r.label),
      {
        label: asText(r.label),
        platforms: list(r.platforms),
        owners: list(r.owners),
        scope: asText(r.scope) as PlatformLabel['scope'],
      },
    ]),
  );
  const population = new Map(
    rows(tables.population).map((r): [string, Population] => [
      asText(r.area),
      {
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
      },
    ]),
  );
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
export const figureObjects = (table: ColumnTable): Figure[] => rowsOf<Figure>(table);
