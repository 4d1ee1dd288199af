/**
 * A figure's period is an interval of days (inclusive ISO dates), not a year. Two figures may be added
 * only when their periods do not overlap: this module is where that rule lives.
 */
import { compareCodes } from '../data/order.ts';

export interface Interval {
  start: string;
  end: string;
}

export const periodKey = (p: Interval): string => `${p.start}..${p.end}`;

/** The period key of a figure (or any row with a period's start and end). */
export const periodKeyOf = (f: { period_start: string; period_end: string }): string =>
  periodKey({ start: f.period_start, end: f.period_end });

export function parsePeriodKey(key: string): Interval | null {
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(key);
  return m && m[1]! <= m[2]! ? { start: m[1]!, end: m[2]! } : null;
}

/** True when the two inclusive intervals share at least one day. */
export const overlaps = (a: Interval, b: Interval): boolean => a.start <= b.end && b.start <= a.end;

/** Thrown when a sum across periods is asked for periods that share days. */
export class OverlapError extends Error {
  readonly first: Interval;
  readonly second: Interval;
  constructor(first: Interval, second: Interval, describe: (p: Interval) => string = periodKey) {
    super(
      `Cannot add figures for overlapping periods: ${describe(first)} and ${describe(second)} share days ` +
        `(${later(first.start, second.start)} to ${earlier(first.end, second.end)}). ` +
        'Adding them would count the same offences twice.',
    );
    this.name = 'OverlapError';
    this.first = first;
    this.second = second;
  }
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** The first overlapping pair among the periods (identical periods count as overlapping), or null. */
export function findOverlap(periods: readonly Interval[]): [Interval, Interval] | null {
  const sorted = [...periods].sort((a, b) => compareCodes(a.start, b.start) || compareCodes(a.end, b.end));
  // In start order, an interval overlaps an earlier one exactly when it starts before the furthest end so far.
  let reach = sorted[0];
  for (const p of sorted.slice(1)) {
    if (reach && overlaps(reach, p)) return [reach, p];
    if (!reach || p.end > reach.end) reach = p;
  }
  return null;
}

/** Throws an {@link OverlapError} unless every pair of periods is disjoint. */
export function assertDisjoint(periods: readonly Interval[], describe?: (p: Interval) => string): void {
  const pair = findOverlap(periods);
  if (pair) throw new OverlapError(pair[0], pair[1], describe);
}

const DAY = 86_400_000;
/** Length in days, both ends included. */
export function durationDays(p: Interval): number {
  return Math.round((Date.parse(p.end) - Date.parse(p.start)) / DAY) + 1;
}
