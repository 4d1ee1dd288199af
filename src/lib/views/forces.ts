/** Forces: one period's figures force by force (ranked), and the tile map of the 43 forces of England and Wales. */
import type { Period } from '../data/schema.ts';
import { totalAcrossForces } from '../query/totals.ts';
import { estimateOfFigure } from '../query/estimate.ts';

import type { Fact } from '../query/resolve.ts';
import type { ViewState } from './state.ts';
import {
  INCOMPLETE_MEANING,
  INCOMPLETE_WORD,
  describeFact,
  factIncomplete,
  forcesOf43,
  isUserFact,
  selectedPeriods,
  type Context,
  type Nearest,
} from './context.ts';

import { PER_WORDS, perWording, rateCell, rateTip } from './measure.ts';
import { membersGroups, type MembersGroup } from './members.ts';
import { formatEstimate } from '../words/numbers.ts';
import { markedWords, membersOf } from '../words/members.ts';
import { compareCodes } from '../data/order.ts';

export interface ForceBar {
  area: string;
  name: string;
  lo: number;
  hi: number;
  atLeast: boolean;
  approximate: boolean;
  disagree: boolean;
  selected: boolean;
  tip: string;
  fact: Fact;
  user: boolean;
  /** Flagged possibly incomplete: marked "?" on the bar. */
  incomplete: boolean;
}

export interface Tile {
  area: string;
  name: string;
  short: string;
  col: number;
  row: number;
  value: number | null;
  selected: boolean;
  tip: string;
  fact: Fact | null;
  user: boolean;
  /** Flagged possibly incomplete: marked "?" on the tile. */
  incomplete: boolean;
}

export interface ForcesView {
  period: Period | null;
  /** Selected periods with the number of forces that have a figure in each. */
  choices: { period: Period; forces: number }[];
  bars: ForceBar[];
  missing: string[];
  tiles: Tile[];
  total: string | null;
  title: string;
  subtitle: string;
  notes: string[];
  /** What the bars and tiles measure, and the fixed colour thresholds for it. */
  measure: string;
  thresholds: readonly number[];
  /** When no force has a figure: the period with the most forces. */
  nearest: Nearest | null;
  /** What the bars and tiles mark, in words ("Hampshire and Wales's 4 forces marked"), or null. */
  marked: string | null;
  /** The chosen regions and countries (England and Wales when none is chosen), each beside its forces' sum. */
  aggregates: MembersGroup[];
}

/** The forces a selection marks: chosen forces, and the member forces of chosen regions and countries. */
export function markedForces(ctx: Context, state: ViewState): { ids: Set<string>; words: string | null } {
  const ids = new Set<string>();
  const parts: string[] = [];
  for (const id of state.areas) {
    const area = ctx.ds.areas.get(id);
    if (!area) continue;
    if (area.type === 'force') {
      ids.add(id);
      parts.push(area.name);
    } else {
      for (const m of area.members) ids.add(m);
      parts.push(membersOf(area.name, area.members.length));
    }
  }
  return { ids, words: markedWords(parts) };
}

/** Tile colour thresholds: one fixed legend per measure, never rescaled by a filter. */
export const COUNT_THRESHOLDS = [25, 50, 100, 200, 400];
export const RATE_THRESHOLDS = [10, 20, 30, 45, 60];

export function forcesView(ctx: Context, state: ViewState): ForcesView {
  const { ds, index } = ctx;
  const forces = forcesOf43(ds);
  const choices = selectedPeriods(ds, state)
    .map((period) => ({
      period,
      forces: forces.filter((f) => index.one(f.id, 'offences', period.key)).length,
    }))
    .filter((c) => c.forces > 0);
  const focused = state.focus ? choices.find((c) => c.period.id === state.focus) : undefined;
  // Default: the selected period with the most forces; ties go to the later one.
  const best = [...choices].sort(
    (a, b) => b.forces - a.forces || compareCodes(b.period.start, a.period.start),
  )[0];
  const period = (focused ?? best)?.period ?? null;
  const marked = markedForces(ctx, state);
  const selected = marked.ids;
  const notes: string[] = [];
  if (state.focus && !focused)
    notes.push('The period asked for has no force figures in this selection; showing the best-covered one.');

  const bars: ForceBar[] = [];
  const tiles: Tile[] = [];
  const missing: string[] = [];
  const refusals: string[] = [];
  for (const f of forces) {
    const fact = period ? index.one(f.id, 'offences', period.key) : undefined;
    const est = fact ? estimateOfFigure(fact.preferred) : null;
    let value: { lo: number; hi: number; approximate: boolean } | null = est;
    let tip = fact && est ? describeFact(ds, fact) : '';
    if (state.per !== 'count' && period && fact && est) {
      const cell = rateCell(ctx, state.per, f.id, period.key);
      value = cell.rate;
      tip = rateTip(ctx, `${f.name}, ${period.label}`, cell.text, fact);
      if (!cell.rate) refusals.push(`${f.name}: ${cell.refused}`);
      if (cell.smallBase)
        notes.push(`${f.name} has very few children: its rate swings with a handful of offences.`);
    }
    if (fact && value)
      bars.push({
        area: f.id,
        name: f.name,
        lo: value.lo,
        hi: value.hi,
        atLeast: value.hi === Infinity,
        approximate: value.approximate,
        disagree: fact.disagree,
        selected: selected.has(f.id),
        tip,
        fact,
        user: isUserFact(fact),
        incomplete: factIncomplete(fact),
      });
    else missing.push(f.name);
    if (f.tile)
      tiles.push({
        area: f.id,
        name: f.name,
        short: f.tile.label,
        col: f.tile.col,
        row: f.tile.row,
        value: value ? value.lo : null,
        selected: selected.has(f.id),
        tip: fact && value ? tip : `${f.name}, ${period?.label ?? ''} · no data: no published figure`,
        fact: fact && value ? fact : null,
        user: !!fact && !!value && isUserFact(fact),
        incomplete: !!fact && !!value && factIncomplete(fact),
      });
  }
  if (refusals.length) notes.push(`No rate for ${refusals.join('; ')}.`);
  bars.sort((a, b) => b.lo - a.lo || a.name.localeCompare(b.name, 'en-GB'));
  const total = period
    ? totalAcrossForces(
        ds,
        index,
        forces.map((f) => f.id),
        period.key,
      )
    : null;
  if (bars.some((b) => b.disagree))
    notes.push('Marked bars (†) have sources that disagree; the table lists every version.');
  if (bars.some((b) => b.incomplete))
    notes.push(`Bars and tiles marked "?" are figures ${INCOMPLETE_MEANING}.`);
  if (bars.some((b) => b.atLeast))
    notes.push('Figures published as "more than" are lower bounds, drawn with an open end.');
  return {
    period,
    choices,
    bars,
    missing,
    tiles,
    total:
      total?.estimate != null
        ? `${formatEstimate(total.estimate)} offences across the ${total.reported.length} of 43 forces with a figure` +
          (total.facts.some(factIncomplete) ? `, including figures marked ${INCOMPLETE_WORD}` : '')
        : null,
    title: period
      ? `${state.per === 'count' ? 'Offences' : 'Offence rates'} by police force, ${period.label}`
      : 'Offences by police force',
    subtitle: period
      ? `${state.per === 'count' ? 'Offences' : `Offences ${perWording(state.per)}`}. ${bars.length} of the 43 forces of England and Wales have a figure for ${period.label}; grey tiles have none.` +
        (state.per !== 'count' && period.kind !== 'financial_year'
          ? ' The period is not a year: rates are for the period, not annualised.'
          : '')
      : 'No selected period has force figures.',
    notes,
    measure: PER_WORDS[state.per],
    thresholds: state.per === 'count' ? COUNT_THRESHOLDS : RATE_THRESHOLDS,
    nearest: bars.length ? null : bestCoveredPeriod(ctx),
    marked: marked.words,
    aggregates: period ? forcesAggregates(ctx, state, period) : [],
  };
}

/** The chosen regions and countries for the period shown; England and Wales, whose forces these are, when none is. */
function forcesAggregates(ctx: Context, state: ViewState, period: Period): MembersGroup[] {
  const chosen = state.areas.flatMap((id) => {
    const area = ctx.ds.areas.get(id);
    return area && area.type !== 'force' ? [area] : [];
  });
  const national = ctx.ds.areas.get('england-and-wales');
  const areas = state.areas.length === 0 && national ? [national] : chosen;
  return membersGroups(ctx, areas, [period], state.areas);
}

/** The period in which the most forces have an offences figure. */
function bestCoveredPeriod(ctx: Context): Nearest | null {
  const forces = forcesOf43(ctx.ds);
  const counted = ctx.ds.periods.map((p) => ({
    p,
    n: forces.filter((f) => ctx.index.one(f.id, 'offences', p.key)).length,
  }));
  const best = counted.sort((a, b) => b.n - a.n)[0];
  return best && best.n > 0 ? { label: `${best.p.label} (${best.n} forces)`, periods: [best.p.id] } : null;
}
