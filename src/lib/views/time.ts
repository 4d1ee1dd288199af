/** Over time: offences (or rates) per period for the selected areas, gaps as gaps, and a covered total. */
import type { Area, Period } from '../data/schema.ts';
import { estimateOfFigure, totalAcrossForces } from '../query/aggregate.ts';

import { type Estimate } from '../query/estimate.ts';

import { childrenOf, rateOf, RATE_CAVEATS, SMALL_BASE } from '../query/rates.ts';

import type { Fact } from '../query/resolve.ts';
import type { ViewState } from './state.ts';
import {
  NATIONAL_DEFAULT,
  areaName,
  countsAnotherOffence,
  describeFact,
  offenceNotes,
  isUserFact,
  selectedAreas,
  selectedPeriods,
  type Context,
  type Nearest,
} from './context.ts';

import { PER_BASE, PER_WORDS, perWording, rateCell, rateTip } from './measure.ts';

import { formatEstimate, formatNumber, formatRate } from '../words/numbers.ts';

export const TOTAL_SERIES = '__total';

export interface TimePoint {
  series: string;
  seriesName: string;
  period: string;
  periodLabel: string;
  annual: boolean;
  start: Date;
  end: Date;
  mid: Date;
  /** The count, or the rate when rates are shown. */
  lo: number;
  /** Infinity for "at least" figures. */
  hi: number;
  approximate: boolean;
  atLeast: boolean;
  disagree: boolean;
  /** For the covered total: forces that reported, of those asked. */
  coverage: { n: number; of: number } | null;
  tip: string;
  fact: Fact | null;
  /** The person's own imported figure. */
  user: boolean;
}

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
}

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const midpoint = (p: Period) => new Date((date(p.start).getTime() + date(p.end).getTime()) / 2);

/** What one area shows for one period: a value and its tooltip, or why there is none. */
interface Cell {
  value: { lo: number; hi: number; approximate: boolean } | null;
  tip: string;
  reason: string;
  fact: Fact | null;
}

function cellFor(ctx: Context, state: ViewState, area: Area, p: Period): Cell {
  const fact = ctx.index.one(area.id, 'offences', p.key) ?? null;
  if (state.per === 'count') {
    const est = fact ? estimateOfFigure(fact.preferred) : null;
    if (!fact || !est) return { value: null, tip: '', reason: 'no published figure', fact };
    return { value: est, tip: describeFact(ctx.ds, fact), reason: '', fact };
  }
  const cell = rateCell(ctx, state.per, area.id, p.key);
  if (!cell.rate) return { value: null, tip: '', reason: `no rate: ${cell.refused}`, fact };
  return {
    value: cell.rate,
    tip: rateTip(ctx, `${area.name}, ${p.label}`, cell.text, area.type === 'force' ? (fact ?? null) : null),
    reason: '',
    fact: area.type === 'force' ? fact : null,
  };
}

export function timeView(ctx: Context, state: ViewState): TimeView {
  const { ds, index } = ctx;
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
  const point = (
    series: string,
    seriesName: string,
    p: Period,
    v: NonNullable<Cell['value']>,
    rest: Pick<TimePoint, 'disagree' | 'coverage' | 'tip' | 'fact'>,
  ) =>
    points.push({
      series,
      seriesName,
      period: p.key,
      periodLabel: p.label,
      annual: p.kind === 'financial_year',
      start: date(p.start),
      end: date(p.end),
      mid: midpoint(p),
      lo: v.lo,
      hi: v.hi,
      approximate: v.approximate,
      atLeast: v.hi === Infinity,
      user: rest.fact ? isUserFact(rest.fact) : false,
      ...rest,
    });

  for (const area of areas) {
    for (const p of periods) {
      const cell = cellFor(ctx, state, area, p);
      if (cell.value)
        point(area.id, area.name, p, cell.value, {
          disagree: cell.fact?.disagree ?? false,
          coverage: null,
          tip: cell.tip,
          fact: cell.fact,
        });
      else if (p.kind === 'financial_year')
        gaps.push({ series: area.id, seriesName: area.name, period: p.label, reason: cell.reason });
      if (p.kind === 'financial_year')
        lines.push({
          series: area.id,
          period: p.key,
          mid: midpoint(p),
          y: cell.value && cell.value.hi !== Infinity ? cell.value.lo : null,
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
    const name = `Total of ${forces.length} selected forces`;
    series.push({ id: TOTAL_SERIES, name });
    for (const p of years) {
      const total = totalAcrossForces(
        ds,
        index,
        forces.map((f) => f.id),
        p.key,
      );
      const est = total.estimate;
      if (!est) {
        gaps.push({ series: TOTAL_SERIES, seriesName: name, period: p.label, reason: 'no published figure' });
        lines.push({ series: TOTAL_SERIES, period: p.key, mid: midpoint(p), y: null });
        continue;
      }
      const missing = total.missing.map((id) => areaName(ds, id));
      let value: Estimate | { lo: number; hi: number; approximate: boolean } = est;
      let text = `offences: ${formatEstimate(est)}`;
      if (state.per !== 'count') {
        const base = PER_BASE[state.per];
        const children = total.reported.reduce(
          (s, id) => s + (childrenOf(ds.population.get(id), base) ?? 0),
          0,
        );
        const rate = rateOf(est, children);
        value = rate;
        text = `${formatRate(rate)} ${perWording(state.per)} · ${formatEstimate(est)} offences over ${formatNumber(children)} children of the reporting forces`;
      }
      point(TOTAL_SERIES, name, p, value, {
        disagree: total.facts.some((f) => f.disagree),
        coverage: { n: total.reported.length, of: forces.length },
        tip:
          `${name}, ${p.label} · ${text} · covers ${total.reported.length} of ${forces.length} forces` +
          (missing.length ? ` · missing: ${missing.join(', ')}` : ''),
        fact: null,
      });
      // A total with fewer forces than asked is not comparable with a full one: no line through it.
      lines.push({
        series: TOTAL_SERIES,
        period: p.key,
        mid: midpoint(p),
        y: total.missing.length === 0 && value.hi !== Infinity ? value.lo : null,
      });
    }
    notes.push(
      state.per === 'count'
        ? 'The total adds the selected forces within each year only; a hollow point covers fewer forces than selected.'
        : "The total's rate is the reporting forces' offences over those same forces' children; a hollow point covers fewer forces than selected.",
    );
  }
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
