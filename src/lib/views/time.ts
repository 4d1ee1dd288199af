/** Over time: offences (or rates) per period for the selected areas, gaps as gaps, and a covered total. */
import type { Area, Period } from '../data/schema.ts';
import { estimateOfFigure } from '../query/estimate.ts';
import { childrenOf, RATE_CAVEATS, SMALL_BASE } from '../query/rates.ts';
import type { Fact } from '../query/resolve.ts';
import type { ViewState } from './state.ts';
import {
  NATIONAL_DEFAULT,
  areaColourOrder,
  INCOMPLETE_MEANING,
  INCOMPLETE_WORD,
  countsAnotherOffence,
  describeFact,
  factIncomplete,
  offenceNotes,
  selectedAreas,
  selectedPeriods,
  type Context,
  type Nearest,
} from './context.ts';
import { PER_BASE, PER_WORDS, perWording, rateCell, rateTip } from './measure.ts';
import { membersGroups, type MembersGroup } from './members.ts';
import { TOTAL_SERIES, makePoint, midpoint, type PointValue, type TimePoint } from './time-points.ts';
import { totalSeries } from './time-total.ts';

export { TOTAL_SERIES, type TimePoint } from './time-points.ts';

export interface TimeView {
  series: { id: string; name: string }[];
  points: TimePoint[];
  /** Financial years, in order, with null where the series has no figure (a gap). */
  lines: { series: string; period: string; mid: Date; y: number | null }[];
  gaps: { series: string; seriesName: string; period: string; reason: string }[];
  /** Forces left out by the like-for-like option. */
  dropped: string[];
  notes: string[];
  title: string;
  subtitle: string;
  yLabel: string;
  /** When nothing can be drawn: the nearest selection that has figures. */
  nearest: Nearest | null;
  /**
   * What the chart's fixed colour scale is made from (src/lib/charts/domains.ts): every area in the order they
   * take colours, the areas that keep a colour of their own, and the total's series. Never the selection.
   */
  colourOrder: { order: string[]; reserved: string[]; total: string };
  /** The published regional and national totals shown, each beside the sum of its member forces. */
  aggregates: MembersGroup[];
}

/** What one area shows for one period: a value and its tooltip, or why there is none. */
interface Cell {
  value: PointValue | null;
  tip: string;
  reason: string;
  fact: Fact | null;
  /** The figure, or a figure the rate is computed from, is flagged possibly incomplete. */
  incomplete: boolean;
}

function cellFor(ctx: Context, state: ViewState, area: Area, p: Period): Cell {
  const fact = ctx.index.one(area.id, 'offences', p.key) ?? null;
  if (state.per === 'count') {
    const est = fact ? estimateOfFigure(fact.preferred) : null;
    if (!fact || !est)
      return { value: null, tip: '', reason: 'no published figure', fact, incomplete: false };
    return {
      value: est,
      tip: describeFact(ctx.ds, fact),
      reason: '',
      fact,
      incomplete: factIncomplete(fact),
    };
  }
  const cell = rateCell(ctx, state.per, area.id, p.key);
  if (!cell.rate)
    return { value: null, tip: '', reason: `no rate: ${cell.refused}`, fact, incomplete: false };
  const { count } = cell.rate;
  // A region's rate is computed from its forces' counts: flagged when one of them is.
  const flagged = (id: string) => {
    const f = ctx.index.one(id, 'offences', p.key);
    return !!f && factIncomplete(f);
  };
  const incomplete =
    area.type === 'force' ? !!fact && factIncomplete(fact) : (cell.covered ?? []).some(flagged);
  return {
    value: { ...cell.rate, parts: count.parts, suppressedParts: count.suppressedParts },
    tip:
      rateTip(ctx, `${area.name}, ${p.label}`, cell.text, area.type === 'force' ? (fact ?? null) : null) +
      (incomplete
        ? area.type === 'force'
          ? ` · ${INCOMPLETE_WORD}`
          : ` · computed from a figure marked ${INCOMPLETE_WORD}`
        : ''),
    reason: '',
    fact: area.type === 'force' ? fact : null,
    incomplete,
  };
}

export function timeView(ctx: Context, state: ViewState): TimeView {
  const { ds } = ctx;
  const periods = selectedPeriods(ds, state);
  const years = periods.filter((p) => p.kind === 'financial_year');
  let areas = selectedAreas(ds, state, NATIONAL_DEFAULT);
  const notes: string[] = [];
  const dropped: string[] = [];
  if (state.areas.length === 0)
    notes.push('No area chosen: showing the published national totals. Choose forces to compare them.');

  if (state.likeForLike) {
    const kept = areas.filter((a) => years.every((p) => cellFor(ctx, state, a, p).value !== null));
    for (const a of areas) if (!kept.includes(a)) dropped.push(a.name);
    areas = kept;
    if (dropped.length)
      notes.push(`Like for like: left out ${dropped.join(', ')} (no figure for every selected year).`);
  }

  const points: TimePoint[] = [];
  const lines: TimeView['lines'] = [];
  const gaps: TimeView['gaps'] = [];

  for (const area of areas) {
    for (const p of periods) {
      const cell = cellFor(ctx, state, area, p);
      if (cell.value)
        points.push(
          makePoint(area.id, area.name, p, cell.value, {
            disagree: cell.fact?.disagree ?? false,
            coverage: null,
            tip: cell.tip,
            fact: cell.fact,
            incomplete: cell.incomplete,
          }),
        );
      else if (p.kind === 'financial_year')
        gaps.push({ series: area.id, seriesName: area.name, period: p.label, reason: cell.reason });
      // A possibly incomplete figure breaks the line on both sides: joined, its low value would read as a fall.
      if (p.kind === 'financial_year')
        lines.push({
          series: area.id,
          period: p.key,
          mid: midpoint(p),
          y: cell.value && cell.value.hi !== Infinity && !cell.incomplete ? cell.value.lo : null,
        });
    }
  }

  // Forces without a population figure cannot join a rate's total.
  const forces = areas.filter(
    (a) =>
      a.type === 'force' &&
      (state.per === 'count' || childrenOf(ds.population.get(a.id), PER_BASE[state.per]) !== null),
  );
  const series = areas.map((a) => ({ id: a.id, name: a.name }));
  if (forces.length >= 2) {
    const total = totalSeries(ctx, state, forces, years);
    series.push(total.series);
    points.push(...total.points);
    lines.push(...total.lines);
    gaps.push(...total.gaps);
    notes.push(total.note);
  }
  if (points.some((p) => p.incomplete))
    notes.push(
      `A hollow square with "?" is a figure ${INCOMPLETE_MEANING}; the line stops at it rather than draw a fall or a rise the sources do not claim.`,
    );
  if (points.some((p) => ds.periodByKey.get(p.period)?.kind === 'before_s15a'))
    notes.push(
      "Years before 3 April 2017 count Scotland's or Northern Ireland's own, older offence (s.15A did not exist yet): drawn as bars of their own, never joined to the s.15A years.",
    );
  if (periods.some((p) => p.kind !== 'financial_year'))
    notes.push(
      'Periods other than financial years are drawn as bars spanning their dates; they overlap the years and are never added to them.',
    );
  if (state.per !== 'count') {
    const base = PER_BASE[state.per];
    notes.push(
      'Rates use one population (ONS mid-2020 estimates; Source: Office for National Statistics) for every year, and are for each period as published: periods shorter or longer than a year are not annualised.',
    );
    if (areas.some((a) => (childrenOf(ds.population.get(a.id), base) ?? Infinity) < SMALL_BASE))
      notes.push(RATE_CAVEATS.smallBase);
  }
  if (state.per === 'count') notes.push(...offenceNotes(ds, areas));
  else if (areas.some((a) => countsAnotherOffence(ds, a))) notes.push(RATE_CAVEATS.noPopulation);
  if (areas.some((a) => a.id === 'united-kingdom') && areas.some((a) => a.id === 'england-and-wales'))
    notes.push('Until 2021 national totals are for England and Wales; from 2022 for the United Kingdom.');

  const who =
    areas.length === 0
      ? 'no area'
      : areas.length <= 3
        ? areas.map((a) => a.name).join(', ')
        : `${areas.length} areas`;
  const what =
    state.per === 'count'
      ? 'Recorded offences of sexual communication with a child'
      : 'Offences of sexual communication with a child, rate';
  return {
    series,
    points,
    lines,
    gaps,
    dropped,
    notes,
    title: `${what}: ${who}`,
    subtitle:
      state.per === 'count'
        ? `Offences recorded by the police per period (s.15A, from 3 April 2017)${state.likeForLike ? ', like for like' : ''}; gaps are periods with no published figure.`
        : `Offences ${perWording(state.per)}, per period as published${state.likeForLike ? ', like for like' : ''}; regions and countries from their reporting forces; gaps have no figure or no honest rate.`,
    yLabel: PER_WORDS[state.per],
    nearest: points.length ? null : nearestTimeFigures(ctx, state, areas),
    colourOrder: {
      order: areaColourOrder(ds.areas.values()),
      reserved: NATIONAL_DEFAULT,
      total: TOTAL_SERIES,
    },
    aggregates: membersGroups(
      ctx,
      areas,
      periods,
      selectedAreas(ds, state, NATIONAL_DEFAULT).map((a) => a.id),
    ),
  };
}

/** Every period for the same areas if that gives figures; else the national totals. */
function nearestTimeFigures(ctx: Context, state: ViewState, areas: readonly Area[]): Nearest | null {
  const all = { ...state, periods: [] as string[] };
  if (state.periods.length && areas.some((a) => ctx.ds.periods.some((p) => cellFor(ctx, all, a, p).value)))
    return { label: 'every period for these areas', periods: [] };
  if (state.areas.length) return { label: 'the national totals', areas: [] };
  return null;
}
