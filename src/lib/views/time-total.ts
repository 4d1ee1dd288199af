/**
 * The over-time view's covered total: the selected forces added within each financial year, with the forces
 * it covers and the ones it lacks. A year with fewer forces than asked is drawn hollow and never joined by the
 * line; a rate's total is the reporting forces' offences over those same forces' children.
 */
import type { Area, Period } from '../data/schema.ts';
import { totalAcrossForces } from '../query/totals.ts';
import { childrenOf, rateOf } from '../query/rates.ts';
import { formatEstimate, formatNumber, formatRate } from '../words/numbers.ts';
import { INCOMPLETE_WORD, areaName, factIncomplete, type Context } from './context.ts';
import { PER_BASE, perWording } from './measure.ts';
import type { ViewState } from './state.ts';
import { TOTAL_SERIES, makePoint, midpoint, type PointValue, type TimePoint } from './time-points.ts';

export interface TotalSeries {
  series: { id: string; name: string };
  points: TimePoint[];
  lines: { series: string; period: string; mid: Date; y: number | null }[];
  gaps: { series: string; seriesName: string; period: string; reason: string }[];
  note: string;
}

export function totalSeries(
  ctx: Context,
  state: ViewState,
  forces: readonly Area[],
  years: readonly Period[],
): TotalSeries {
  const { ds, index } = ctx;
  const name = `Total of ${forces.length} selected forces`;
  const out: TotalSeries = {
    series: { id: TOTAL_SERIES, name },
    points: [],
    lines: [],
    gaps: [],
    note:
      state.per === 'count'
        ? 'The total adds the selected forces within each year only; a hollow point covers fewer forces than selected.'
        : "The total's rate is the reporting forces' offences over those same forces' children; a hollow point covers fewer forces than selected.",
  };
  for (const p of years) {
    const total = totalAcrossForces(
      ds,
      index,
      forces.map((f) => f.id),
      p.key,
    );
    const est = total.estimate;
    if (!est) {
      out.gaps.push({
        series: TOTAL_SERIES,
        seriesName: name,
        period: p.label,
        reason: 'no published figure',
      });
      out.lines.push({ series: TOTAL_SERIES, period: p.key, mid: midpoint(p), y: null });
      continue;
    }
    const missing = total.missing.map((id) => areaName(ds, id));
    let value: PointValue = est;
    let text = `offences: ${formatEstimate(est)}`;
    if (state.per !== 'count') {
      const base = PER_BASE[state.per];
      const children = total.reported.reduce(
        (s, id) => s + (childrenOf(ds.population.get(id), base) ?? 0),
        0,
      );
      const rate = rateOf(est, children);
      value = { ...rate, parts: est.parts, suppressedParts: est.suppressedParts };
      text = `${formatRate(rate)} ${perWording(state.per)} · ${formatEstimate(est)} offences over ${formatNumber(children)} children of the reporting forces`;
    }
    const incomplete = total.facts.some(factIncomplete);
    out.points.push(
      makePoint(TOTAL_SERIES, name, p, value, {
        disagree: total.facts.some((f) => f.disagree),
        incomplete,
        coverage: { n: total.reported.length, of: forces.length },
        tip:
          `${name}, ${p.label} · ${text} · covers ${total.reported.length} of ${forces.length} forces` +
          (missing.length ? ` · missing: ${missing.join(', ')}` : '') +
          (incomplete ? ` · includes a figure marked ${INCOMPLETE_WORD}` : ''),
        fact: null,
      }),
    );
    // A total with fewer forces than asked is not comparable with a full one: no line through it.
    out.lines.push({
      series: TOTAL_SERIES,
      period: p.key,
      mid: midpoint(p),
      y: total.missing.length === 0 && value.hi !== Infinity && !incomplete ? value.lo : null,
    });
  }
  return out;
}
