/** Over time: offences per period for the selected areas, gaps as gaps, and a covered total of selected forces. */
import type { Period } from '../data/schema.ts';
import { estimateOfFigure, totalAcrossForces } from '../query/aggregate.ts';
import { formatEstimate } from '../query/estimate.ts';
import type { Fact } from '../query/resolve.ts';
import type { ViewState } from '../state/url.ts';
import {
  NATIONAL_DEFAULT,
  areaName,
  describeFact,
  selectedAreas,
  selectedPeriods,
  type Context,
} from './context.ts';

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
}

export interface TimeView {
  series: { id: string; name: string }[];
  points: TimePoint[];
  /** Financial years, in order, with null where the series has no figure (a gap). */
  lines: { series: string; period: string; mid: Date; y: number | null }[];
  gaps: { series: string; seriesName: string; period: string }[];
  /** Forces left out by the like-for-like option. */
  dropped: string[];
  notes: string[];
  title: string;
  subtitle: string;
}

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const midpoint = (p: Period) => new Date((date(p.start).getTime() + date(p.end).getTime()) / 2);

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
    const kept = areas.filter((a) => years.every((p) => estimateOk(index.one(a.id, 'offences', p.key))));
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
      const fact = index.one(area.id, 'offences', p.key);
      const est = fact ? estimateOfFigure(fact.preferred) : null;
      if (fact && est) {
        points.push({
          series: area.id,
          seriesName: area.name,
          period: p.key,
          periodLabel: p.label,
          annual: p.kind === 'financial_year',
          start: date(p.start),
          end: date(p.end),
          mid: midpoint(p),
          lo: est.lo,
          hi: est.hi,
          approximate: est.approximate,
          atLeast: est.hi === Infinity,
          disagree: fact.disagree,
          coverage: null,
          tip: describeFact(ds, fact),
          fact,
        });
      } else if (p.kind === 'financial_year') {
        gaps.push({ series: area.id, seriesName: area.name, period: p.label });
      }
      if (p.kind === 'financial_year')
        lines.push({
          series: area.id,
          period: p.key,
          mid: midpoint(p),
          y: est && est.hi !== Infinity ? est.lo : null,
        });
    }
  }

  const forces = areas.filter((a) => a.type === 'force');
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
        gaps.push({ series: TOTAL_SERIES, seriesName: name, period: p.label });
        lines.push({ series: TOTAL_SERIES, period: p.key, mid: midpoint(p), y: null });
        continue;
      }
      const missing = total.missing.map((id) => areaName(ds, id));
      points.push({
        series: TOTAL_SERIES,
        seriesName: name,
        period: p.key,
        periodLabel: p.label,
        annual: true,
        start: date(p.start),
        end: date(p.end),
        mid: midpoint(p),
        lo: est.lo,
        hi: est.hi,
        approximate: est.approximate,
        atLeast: est.hi === Infinity,
        disagree: total.facts.some((f) => f.disagree),
        coverage: { n: total.reported.length, of: forces.length },
        tip:
          `${name}, ${p.label} · offences: ${formatEstimate(est)} · covers ${total.reported.length} of ${forces.length} forces` +
          (missing.length ? ` · missing: ${missing.join(', ')}` : ''),
        fact: null,
      });
      // A total with fewer forces than asked is not comparable with a full one: no line through it.
      lines.push({
        series: TOTAL_SERIES,
        period: p.key,
        mid: midpoint(p),
        y: total.missing.length === 0 && est.hi !== Infinity ? est.lo : null,
      });
    }
    notes.push(
      'The total adds the selected forces within each year only; a hollow point covers fewer forces than selected.',
    );
  }
  if (periods.some((p) => p.kind !== 'financial_year'))
    notes.push(
      'Periods other than financial years are drawn as bars spanning their dates; they overlap the years and are never added to them.',
    );
  if (areas.some((a) => a.id === 'police-scotland' || a.id === 'psni'))
    notes.push(
      "Police Scotland counts Scotland's 'communicating indecently with a child' and PSNI Northern Ireland's own offence: compare with England and Wales only with care.",
    );
  if (areas.some((a) => a.id === 'united-kingdom') && areas.some((a) => a.id === 'england-and-wales'))
    notes.push('Until 2021 national totals are for England and Wales; from 2022 for the United Kingdom.');

  const who =
    areas.length === 0
      ? 'no area'
      : areas.length <= 3
        ? areas.map((a) => a.name).join(', ')
        : `${areas.length} areas`;
  return {
    series,
    points,
    lines,
    gaps,
    dropped,
    notes,
    title: `Recorded offences of sexual communication with a child: ${who}`,
    subtitle: `Offences recorded by the police per period (s.15A, from 3 April 2017)${state.likeForLike ? ', like for like' : ''}; gaps are periods with no published figure.`,
  };
}

function estimateOk(fact: Fact | undefined): boolean {
  return !!fact && estimateOfFigure(fact.preferred) !== null;
}
