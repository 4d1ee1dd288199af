/** The points of the over-time view: one figure (or total) of one series for one period, drawn across its days. */
import type { Period } from '../data/schema.ts';
import type { Fact } from '../query/resolve.ts';
import { factIncomplete, isUserFact } from './context.ts';

/** The series id of the covered total of the selected forces. */
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
  /** Nothing but suppressed parts: the value is unknown, never to be printed as a number. */
  suppressed: boolean;
  disagree: boolean;
  /** For the covered total: forces that reported, of those asked. */
  coverage: { n: number; of: number } | null;
  tip: string;
  fact: Fact | null;
  /** The person's own imported figure. */
  user: boolean;
  /**
   * Flagged possibly incomplete (data/figures.csv `completeness`), or a total that includes such a figure:
   * drawn with its own mark and never joined by a line.
   */
  incomplete: boolean;
}

/** A value as a point is drawn from: a count's estimate, or a rate. */
export interface PointValue {
  lo: number;
  hi: number;
  approximate: boolean;
  parts?: number;
  suppressedParts?: number;
}

export const date = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
export const midpoint = (p: Period): Date => new Date((date(p.start).getTime() + date(p.end).getTime()) / 2);

export function makePoint(
  series: string,
  seriesName: string,
  p: Period,
  v: PointValue,
  rest: Pick<TimePoint, 'disagree' | 'coverage' | 'tip' | 'fact'> & { incomplete?: boolean },
): TimePoint {
  return {
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
    suppressed: !!v.parts && v.suppressedParts === v.parts,
    user: rest.fact ? isUserFact(rest.fact) : false,
    ...rest,
    incomplete: rest.incomplete ?? (rest.fact ? factIncomplete(rest.fact) : false),
  };
}
