/**
 * What the downloads hold: the figures behind a view (preferred figure, alternatives, source, and rates when
 * rates are shown) and the full dataset (every row). Each column is written once, in {@link FIGURE_COLUMNS};
 * its name is the CSV header and its function the cell.
 */
import { isUserFigure, type Figure } from '../data/schema.ts';
import { ownNotes, type NotesOf } from '../data/load.ts';
import { POPULATION_CREDIT } from '../query/rates.ts';
import type { Fact } from '../query/resolve.ts';
import type { Per } from '../views/state.ts';
import { areaName, factIncomplete, periodLabel, sourceOf, type Context } from '../views/context.ts';
import { perWording, rateCell } from '../views/measure.ts';
import { membersRow } from '../views/members.ts';
import { periodKeyOf } from '../query/period.ts';
import { toCSV } from './csv.ts';

type Cell = (ctx: Context, f: Figure) => unknown;

/** The columns every download gives a figure: what it is, how far to trust it, and where it was published. */
const FIGURE_COLUMNS = {
  figure_id: (_, f) => f.id,
  origin: (_, f) => (isUserFigure(f) ? 'your data' : 'published'),
  area: (ctx, f) => areaName(ctx.ds, f.area),
  area_type: (ctx, f) => ctx.ds.areas.get(f.area)?.type ?? '',
  period: (ctx, f) => periodLabel(ctx.ds, periodKeyOf(f)),
  period_start: (_, f) => f.period_start,
  period_end: (_, f) => f.period_end,
  measure: (_, f) => f.measure,
  category: (_, f) => f.category,
  value: (_, f) => f.value,
  qualifier: (_, f) => f.qualifier,
  // '' or possibly_incomplete (data/figures.csv); in the view's download, also where another report of the
  // same value carries the flag, as the charts show it.
  completeness: (_, f) => f.completeness ?? '',
  unit: (_, f) => f.unit,
  share_base: (_, f) => f.share_base,
  note: (_, f) => f.note,
  evidence: (_, f) => f.evidence,
} satisfies Record<string, Cell>;

const SOURCE_COLUMNS = {
  source_publisher: (ctx, f) => sourceOf(ctx.ds, f)?.publisher ?? '',
  source_date: (ctx, f) => sourceOf(ctx.ds, f)?.date ?? '',
  source_kind: (ctx, f) => sourceOf(ctx.ds, f)?.kind ?? '',
  source_url: (ctx, f) => sourceOf(ctx.ds, f)?.url ?? '',
} satisfies Record<string, Cell>;

const cells = (columns: Record<string, Cell>, ctx: Context, f: Figure): Record<string, unknown> =>
  Object.fromEntries(Object.entries(columns).map(([name, cell]) => [name, cell(ctx, f)]));

const names = (columns: Record<string, Cell>) => Object.keys(columns);

/**
 * For a region's or country's published offences: the sum of its member forces for the same period (lower and
 * upper end: a range where a part is suppressed or "at least"), how many of its forces have a figure, which have
 * none, and the verdict in words. Empty for every other figure.
 */
export const MEMBERS_COLUMNS = [
  'members_sum',
  'members_sum_upper',
  'members_reporting',
  'members_missing',
  'members_check',
  'members_incomplete',
] as const;

function membersColumns(ctx: Context, fact: Fact): Record<string, unknown> {
  const f = fact.preferred;
  const row = f.measure === 'offences' ? membersRow(ctx, f.area, periodKeyOf(f)) : null;
  if (!row) return {};
  const { sum, members, parts } = row.check;
  return {
    members_sum: sum ? sum.lo : '',
    members_sum_upper: sum ? (sum.hi === Infinity ? 'no upper bound' : sum.hi) : '',
    members_reporting: `${parts.length} of ${members.length}`,
    members_missing: row.missing.join('; '),
    members_check: `${row.words.verdict}: ${row.words.reason}`,
    members_incomplete: row.incomplete,
  };
}

/** Columns of the "figures behind the view" download: the preferred figure, its alternatives and its source. */
export const DOWNLOAD_COLUMNS: readonly string[] = [
  ...names(FIGURE_COLUMNS),
  'sources_disagree',
  'alternatives',
  ...MEMBERS_COLUMNS,
  ...names(SOURCE_COLUMNS),
];

/** Extra columns of a download when rates are shown: the rate, the count it is of, and the population. */
export const RATE_COLUMNS = [
  'rate_per_100000',
  'rate_upper',
  'rate_denominator',
  'rate_note',
  'children',
  'population_source',
] as const;

export const downloadColumns = (per: Per): string[] =>
  per === 'count' ? [...DOWNLOAD_COLUMNS] : [...DOWNLOAD_COLUMNS, ...RATE_COLUMNS];

export const POPULATION_SOURCE =
  'ONS mid-2020 population estimates (released 25 June 2021), Open Government Licence v3.0';

function rateColumns(ctx: Context, per: Exclude<Per, 'count'>, fact: Fact): Record<string, unknown> {
  const f = fact.preferred;
  if (f.measure !== 'offences') return {};
  const cell = rateCell(ctx, per, f.area, periodKeyOf(f));
  const round = (n: number) => (n === Infinity ? 'no upper bound' : Math.round(n * 10) / 10);
  return {
    rate_per_100000: cell.rate ? round(cell.rate.lo) : '',
    rate_upper: cell.rate ? round(cell.rate.hi) : '',
    rate_denominator: perWording(per),
    rate_note: cell.rate
      ? [
          cell.covered ? `from the ${cell.covered.length} forces with a figure` : '',
          cell.notAYear ? 'period is not a year; not annualised' : '',
          cell.smallBase ? 'very small population' : '',
        ]
          .filter(Boolean)
          .join('; ')
      : `no rate: ${cell.refused}`,
    children: cell.children ?? '',
    population_source: `${POPULATION_SOURCE}. ${POPULATION_CREDIT}`,
  };
}

/** The preferred figure, flagged possibly incomplete where the chart shows it so ({@link factIncomplete}). */
const shownFlag = (fact: Fact): Figure =>
  factIncomplete(fact) && !fact.preferred.completeness
    ? { ...fact.preferred, completeness: 'possibly_incomplete' }
    : fact.preferred;

/** The figure with the note and evidence `notes` gives it (the page's, read after its first chart). */
const withNotes = (f: Figure, notes: NotesOf): Figure => {
  const n = notes(f);
  return n === f || (n.note === f.note && n.evidence === f.evidence) ? f : { ...f, ...n };
};

/**
 * One row per fact of the view: its preferred figure, whether sources disagree, and the other versions; the
 * figures' notes as `notes` gives them.
 */
export function downloadRows(
  ctx: Context,
  facts: readonly Fact[],
  per: Per = 'count',
  notes: NotesOf = ownNotes,
): Record<string, unknown>[] {
  return facts.map((fact) => ({
    ...cells(FIGURE_COLUMNS, ctx, withNotes(shownFlag(fact), notes)),
    ...cells(SOURCE_COLUMNS, ctx, fact.preferred),
    ...(per === 'count' ? {} : rateColumns(ctx, per, fact)),
    ...membersColumns(ctx, fact),
    sources_disagree: fact.disagree ? 'yes' : 'no',
    alternatives: fact.alternatives
      .map((a) => `${a.id}: ${a.value ?? ''} ${a.qualifier} (${sourceOf(ctx.ds, a)?.url ?? a.source})`)
      .join('; '),
  }));
}

/** Columns of the full dataset download: every published row, not only the preferred ones. */
export const DATASET_COLUMNS: readonly string[] = [
  ...names(FIGURE_COLUMNS),
  'preferred',
  'sources_disagree',
  ...names(SOURCE_COLUMNS),
];

/**
 * Every row of the dataset in use, each with its own source, and whether the preference rule shows it; the
 * figures' notes as `notes` gives them.
 */
export function datasetRows(ctx: Context, notes: NotesOf = ownNotes): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const fact of ctx.index.facts)
    for (const f of [fact.preferred, ...fact.alternatives])
      rows.push({
        ...cells(FIGURE_COLUMNS, ctx, withNotes(f, notes)),
        ...cells(SOURCE_COLUMNS, ctx, f),
        preferred: f === fact.preferred ? 'yes' : 'no',
        sources_disagree: fact.disagree ? 'yes' : 'no',
      });
  return rows.sort((a, b) => String(a.figure_id).localeCompare(String(b.figure_id)));
}

/**
 * The column naming the data release on every row of a download (src/lib/release): a column, not a leading
 * `# comment` line, since R's read.csv and pandas' read_csv read a comment line as data unless told otherwise.
 */
export const RELEASE_COLUMN = 'data_release';

/** The rows and columns with the release first on every row; unchanged without a release. */
function stamped(rows: Record<string, unknown>[], columns: readonly string[], release?: string): string {
  if (!release) return toCSV(rows, columns);
  return toCSV(
    rows.map((r) => ({ [RELEASE_COLUMN]: release, ...r })),
    [RELEASE_COLUMN, ...columns],
  );
}

/** The figures behind a view as CSV text, each row naming the data `release` when given. */
export const figuresCSV = (
  ctx: Context,
  facts: readonly Fact[],
  per: Per,
  release?: string,
  notes: NotesOf = ownNotes,
): string => stamped(downloadRows(ctx, facts, per, notes), downloadColumns(per), release);

/** The whole dataset in use as CSV text, each row naming the data `release` when given. */
export const datasetCSV = (ctx: Context, release?: string, notes: NotesOf = ownNotes): string =>
  stamped(datasetRows(ctx, notes), DATASET_COLUMNS, release);

/** The file name of the full dataset download. */
export const DATASET_FILE = 'foi-grooming-figures-all.csv';
