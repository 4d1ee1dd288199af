/** The table: every figure behind the view, with its qualifier, note, conflicts and source. */
import { isUserFigure, type Figure } from '../data/schema.ts';

import { filterFigures } from '../query/filter.ts';

import type { Fact } from '../query/resolve.ts';
import type { Per, ViewState } from '../state/url.ts';
import { POPULATION_CREDIT } from '../query/rates.ts';
import { perWording, rateCell } from './measure.ts';

import { QUALIFIER_WORDS, areaName, displayValue, periodLabel, sourceOf, type Context } from './context.ts';

import { SHARE_BASE_WORDS } from './platforms.ts';
import { formatRate } from '../words/numbers.ts';

export interface TableRow {
  id: string;
  area: string;
  period: string;
  periodStart: string;
  measure: string;
  category: string;
  value: string;
  /** For sorting: the lower end of the value, null where there is none. */
  sortValue: number | null;
  qualifier: string;
  unit: string;
  base: string;
  note: string;
  conflict: string;
  source: string;
  sourceDate: string;
  sourceUrl: string;
  /** The rate for an offences figure when rates are shown: a value, or why there is none. */
  rate: string;
  /** The person's own imported figure. */
  user: boolean;
  fact: Fact;
}

export const MEASURE_WORDS: Record<Figure['measure'], string> = {
  offences: 'offences',
  platform: 'platform records',
  platform_share: 'platform share',
  platform_known: 'offences with platform recorded',
  victim_age: 'victims by age',
  victim_gender: 'victims by gender',
  youngest_victim_age: 'youngest victim (age)',
};

/** The facts in the selection: the rows Arquero's filter keeps, grouped back into their facts. */
export function factsInView(ctx: Context, state: ViewState): Fact[] {
  const { ds, index } = ctx;
  const ids = new Set(
    filterFigures(ds, ds.figures, {
      areas: new Set(state.areas),
      platforms: new Set(state.platforms),
      periods: new Set(state.periods.map((id) => ds.periodById.get(id)?.key ?? id)),
    }).array('id') as string[],
  );
  return index.facts.filter((f) => ids.has(f.preferred.id));
}

export function tableRow(ctx: Context, fact: Fact): TableRow {
  const { ds } = ctx;
  const f = fact.preferred;
  const s = sourceOf(ds, f);
  const key = `${f.period_start}..${f.period_end}`;
  const others = fact.alternatives.filter((a) => a.value !== f.value || a.qualifier !== f.qualifier);
  return {
    id: f.id,
    area: areaName(ds, f.area),
    period: periodLabel(ds, key),
    periodStart: f.period_start,
    measure: MEASURE_WORDS[f.measure],
    category: f.category,
    value: displayValue(f),
    sortValue: f.value,
    qualifier: QUALIFIER_WORDS[f.qualifier],
    unit: f.unit,
    base: f.share_base ? SHARE_BASE_WORDS[f.share_base] : '',
    note: f.note,
    conflict: others.length
      ? `also published as ${others.map((a) => `${displayValue(a)} (${sourceOf(ds, a)?.publisher ?? a.source})`).join('; ')}`
      : '',
    source: s?.publisher ?? f.source,
    sourceDate: s?.date ?? '',
    sourceUrl: s?.url ?? '',
    rate: '',
    user: isUserFigure(f),
    fact,
  };
}

/** The rate words for an offences fact, or '' where rates are not shown or the fact is no count of offences. */
export function rateText(ctx: Context, per: Per, fact: Fact): string {
  const f = fact.preferred;
  if (per === 'count' || f.measure !== 'offences') return '';
  const cell = rateCell(ctx, per, f.area, `${f.period_start}..${f.period_end}`);
  return cell.rate
    ? `${formatRate(cell.rate)}${cell.notAYear ? ' (for the period, not annualised)' : ''}`
    : `no rate: ${cell.refused}`;
}

export function tableView(ctx: Context, state: ViewState): TableRow[] {
  return factsInView(ctx, state).map((f) => ({ ...tableRow(ctx, f), rate: rateText(ctx, state.per, f) }));
}

/** The columns every download gives a figure (see figureColumns), in order. */
const FIGURE_COLUMNS_OUT = [
  'figure_id',
  'origin',
  'area',
  'area_type',
  'period',
  'period_start',
  'period_end',
  'measure',
  'category',
  'value',
  'qualifier',
  'unit',
  'share_base',
  'note',
  'evidence',
] as const;
const SOURCE_COLUMNS_OUT = ['source_publisher', 'source_date', 'source_kind', 'source_url'] as const;

/** Columns of the "figures behind the view" download: the preferred figure, its alternatives and its source. */
export const DOWNLOAD_COLUMNS = [
  ...FIGURE_COLUMNS_OUT,
  'sources_disagree',
  'alternatives',
  ...SOURCE_COLUMNS_OUT,
] as const;

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

function rateColumns(ctx: Context, per: Exclude<Per, 'count'>, fact: Fact): Record<string, unknown> {
  const f = fact.preferred;
  if (f.measure !== 'offences') return {};
  const cell = rateCell(ctx, per, f.area, `${f.period_start}..${f.period_end}`);
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

export const POPULATION_SOURCE =
  'ONS mid-2020 population estimates (released 25 June 2021), Open Government Licence v3.0';

/** The columns every download gives a figure: what it is, how far to trust it, and where it was published. */
function figureColumns(ctx: Context, f: Figure): Record<string, unknown> {
  const { ds } = ctx;
  const s = sourceOf(ds, f);
  return {
    figure_id: f.id,
    origin: isUserFigure(f) ? 'your data' : 'published',
    area: areaName(ds, f.area),
    area_type: ds.areas.get(f.area)?.type ?? '',
    period: periodLabel(ds, `${f.period_start}..${f.period_end}`),
    period_start: f.period_start,
    period_end: f.period_end,
    measure: f.measure,
    category: f.category,
    value: f.value,
    qualifier: f.qualifier,
    unit: f.unit,
    share_base: f.share_base,
    note: f.note,
    evidence: f.evidence,
    source_publisher: s?.publisher ?? '',
    source_date: s?.date ?? '',
    source_kind: s?.kind ?? '',
    source_url: s?.url ?? '',
  };
}

export function downloadRows(
  ctx: Context,
  facts: readonly Fact[],
  per: Per = 'count',
): Record<string, unknown>[] {
  return facts.map((fact) => ({
    ...figureColumns(ctx, fact.preferred),
    ...(per === 'count' ? {} : rateColumns(ctx, per, fact)),
    sources_disagree: fact.disagree ? 'yes' : 'no',
    alternatives: fact.alternatives
      .map((a) => `${a.id}: ${a.value ?? ''} ${a.qualifier} (${sourceOf(ctx.ds, a)?.url ?? a.source})`)
      .join('; '),
  }));
}

/** Columns of the full dataset download: every published row, not only the preferred ones. */
export const DATASET_COLUMNS = [
  ...FIGURE_COLUMNS_OUT,
  'preferred',
  'sources_disagree',
  ...SOURCE_COLUMNS_OUT,
] as const;

/** Every row of the dataset in use, each with its own source, and whether the preference rule shows it. */
export function datasetRows(ctx: Context): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const fact of ctx.index.facts)
    for (const f of [fact.preferred, ...fact.alternatives])
      rows.push({
        ...figureColumns(ctx, f),
        preferred: f === fact.preferred ? 'yes' : 'no',
        sources_disagree: fact.disagree ? 'yes' : 'no',
      });
  return rows.sort((a, b) => String(a.figure_id).localeCompare(String(b.figure_id)));
}
