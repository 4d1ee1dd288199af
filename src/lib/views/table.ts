/** The table: every figure behind the view, with its qualifier, note, conflicts and source. */
import { isUserFigure, type Figure } from '../data/schema.ts';
import { inSelection } from '../query/filter.ts';
import { periodKeyOf } from '../query/period.ts';
import type { Fact } from '../query/resolve.ts';
import { formatRate } from '../words/numbers.ts';
import type { Per, ViewState } from './state.ts';
import { rateCell } from './measure.ts';
import {
  INCOMPLETE_WORD,
  QUALIFIER_WORDS,
  areaName,
  displayValue,
  factIncomplete,
  periodLabel,
  sourceOf,
  type Context,
} from './context.ts';
import { membersRow, type MembersRow } from './members.ts';
import { SHARE_BASE_WORDS } from '../words/bases.ts';

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
  conflict: string;
  source: string;
  sourceDate: string;
  sourceUrl: string;
  /** The rate for an offences figure when rates are shown: a value, or why there is none. */
  rate: string;
  /** The person's own imported figure. */
  user: boolean;
  /** Flagged possibly incomplete (the qualifier cell says so in words). */
  incomplete: boolean;
  /** A region's or country's offences: set beside the sum of its member forces. */
  members: MembersRow | null;
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

/** The facts in the selection. */
export function factsInView(ctx: Context, state: ViewState): Fact[] {
  const { ds, index } = ctx;
  const selected = inSelection(ds, {
    areas: new Set(state.areas),
    platforms: new Set(state.platforms),
    periods: new Set(state.periods.map((id) => ds.periodById.get(id)?.key ?? id)),
  });
  return index.facts.filter((f) => selected(f.preferred));
}

export function tableRow(ctx: Context, fact: Fact): TableRow {
  const { ds } = ctx;
  const f = fact.preferred;
  const s = sourceOf(ds, f);
  const key = periodKeyOf(f);
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
    qualifier: QUALIFIER_WORDS[f.qualifier] + (factIncomplete(fact) ? `; ${INCOMPLETE_WORD}` : ''),
    unit: f.unit,
    base: f.share_base ? SHARE_BASE_WORDS[f.share_base] : '',
    conflict: others.length
      ? `also published as ${others.map((a) => `${displayValue(a)} (${sourceOf(ds, a)?.publisher ?? a.source})`).join('; ')}`
      : '',
    source: s?.publisher ?? f.source,
    sourceDate: s?.date ?? '',
    sourceUrl: s?.url ?? '',
    rate: '',
    user: isUserFigure(f),
    incomplete: factIncomplete(fact),
    members: f.measure === 'offences' ? membersRow(ctx, f.area, key) : null,
    fact,
  };
}

/** The rate words for an offences fact, or '' where rates are not shown or the fact is no count of offences. */
export function rateText(ctx: Context, per: Per, fact: Fact): string {
  const f = fact.preferred;
  if (per === 'count' || f.measure !== 'offences') return '';
  const cell = rateCell(ctx, per, f.area, periodKeyOf(f));
  return cell.rate
    ? `${formatRate(cell.rate)}${cell.notAYear ? ' (for the period, not annualised)' : ''}`
    : `no rate: ${cell.refused}`;
}
