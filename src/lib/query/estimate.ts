/**
 * A published count as what it tells us: a range of possible true values. Exact figures are a point,
 * "at least" figures have no upper end, suppressed cells run from 0 to the suppression limit (unknown
 * unless stated), approximate figures are flagged. Adding estimates adds the ranges, so a total
 * with a suppressed or "at least" part is a range, never a bare number.
 */
import type { Figure, Qualifier } from '../data/schema.ts';

export interface Estimate {
  lo: number;
  /** Infinity where nothing bounds the value from above. */
  hi: number;
  /** Some part was published as approximate or rounded. */
  approximate: boolean;
  parts: number;
  suppressedParts: number;
  atLeastParts: number;
}

export const ZERO: Estimate = {
  lo: 0,
  hi: 0,
  approximate: false,
  parts: 0,
  suppressedParts: 0,
  atLeastParts: 0,
};

/**
 * The estimate a published figure gives, or null where it gives none (not available).
 * `suppressedMax` is the largest value a suppressed cell can hide, where the source states its rule.
 */
export function estimateOf(
  value: number | null,
  qualifier: Qualifier,
  suppressedMax: number = Infinity,
): Estimate | null {
  switch (qualifier) {
    case 'exact':
      return value == null ? null : { ...ZERO, lo: value, hi: value, parts: 1 };
    case 'approximate':
      return value == null ? null : { ...ZERO, lo: value, hi: value, approximate: true, parts: 1 };
    case 'at_least':
      return value == null ? null : { ...ZERO, lo: value, hi: Infinity, parts: 1, atLeastParts: 1 };
    case 'suppressed':
      return { ...ZERO, lo: 0, hi: suppressedMax, parts: 1, suppressedParts: 1 };
    case 'not_available':
      return null;
  }
}

export function addEstimates(a: Estimate, b: Estimate): Estimate {
  return {
    lo: a.lo + b.lo,
    hi: a.hi + b.hi,
    approximate: a.approximate || b.approximate,
    parts: a.parts + b.parts,
    suppressedParts: a.suppressedParts + b.suppressedParts,
    atLeastParts: a.atLeastParts + b.atLeastParts,
  };
}

export const sumEstimates = (parts: readonly Estimate[]): Estimate => parts.reduce(addEstimates, ZERO);

export const isExact = (e: Estimate): boolean => e.lo === e.hi && !e.approximate;

/** A figure's value and qualifier as an estimate (null for "not available"). */
export const estimateOfFigure = (f: Pick<Figure, 'value' | 'qualifier'>): Estimate | null =>
  estimateOf(f.value, f.qualifier);
