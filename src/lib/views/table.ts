/** The table: every figure behind the view, with its qualifier, note, conflicts and source. */
import type { Figure } from '../data/schema.ts';
import { filterFigures } from '../query/filter.ts';
import type { Fact } from '../query/resolve.ts';
import type { ViewState } from '../state/url.ts';
import { QUALIFIER_WORDS, areaName, displayValue, periodLabel, sourceOf, type Context } from './context.ts';
import { SHARE_BASE_WORDS } from './platforms.ts';

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
    fact,
  };
}

export function tableView(ctx: Context, state: ViewState): TableRow[] {
  return factsInView(ctx, state).map((f) => tableRow(ctx, f));
}

/** Columns of the "figures behind the view" download: the preferred figure, its alternatives and its source. */
export const DOWNLOAD_COLUMNS = [
  'figure_id',
  'area',
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
  'sources_disagree',
  'alternatives',
  'source_publisher',
  'source_date',
  'source_kind',
  'source_url',
] as const;

export function downloadRows(ctx: Context, facts: readonly Fact[]): Record<string, unknown>[] {
  const { ds } = ctx;
  return facts.map((fact) => {
    const f = fact.preferred;
    const s = sourceOf(ds, f);
    return {
      figure_id: f.id,
      area: areaName(ds, f.area),
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
      sources_disagree: fact.disagree ? 'yes' : 'no',
      alternatives: fact.alternatives
        .map((a) => `${a.id}: ${a.value ?? ''} ${a.qualifier} (${sourceOf(ds, a)?.url ?? a.source})`)
        .join('; '),
      source_publisher: s?.publisher ?? '',
      source_date: s?.date ?? '',
      source_kind: s?.kind ?? '',
      source_url: s?.url ?? '',
    };
  });
}
