/**
 * A published regional or national figure set beside the sum of its member forces for the same period, and
 * what the two together say: they agree, they differ by what the forces without a figure could explain, or
 * they disagree with nothing in the figures to explain it. Counts only; every part is an {@link Estimate}, so
 * a suppressed or "at least" part makes the sum a range and the verdict compares ranges.
 */
import type { Dataset } from '../data/load.ts';
import { compareAggregate } from './totals.ts';
import { estimateOfFigure } from './estimate.ts';
import { type FactIndex } from './facts.ts';
import type { Estimate } from './estimate.ts';
import type { Fact } from './resolve.ts';

/**
 * - `agree`: every member has a figure and their sum can be the published figure;
 * - `explained`: some members have no figure, and the published figure is at least what the others add up to,
 *   so the missing members could make up the difference (it may be none);
 * - `disagree`: every member has a figure and the sum cannot be the published figure, or the members with a
 *   figure already add up to more than it;
 * - `approximate`: the figures would disagree, but one side is approximate, so they cannot be checked exactly;
 * - `no-members`: no member has a figure for the period: nothing to add up;
 * - `unpublished`: no usable published figure (none, or "not available").
 */
export type MembersVerdict =
  'agree' | 'explained' | 'disagree' | 'approximate' | 'no-members' | 'unpublished';

/** Whether two ranges share a value. */
const overlap = (a: Estimate, b: Estimate): boolean => a.lo <= b.hi && b.lo <= a.hi;

/** The verdict on a published figure and the sum of its members with a figure, `missing` members having none. */
export function classifyMembers(
  published: Estimate | null,
  sum: Estimate | null,
  missing: number,
): MembersVerdict {
  if (!published) return 'unpublished';
  if (!sum) return 'no-members';
  const consistent = missing === 0 ? overlap(published, sum) : sum.lo <= published.hi;
  if (consistent) return missing === 0 ? 'agree' : 'explained';
  return published.approximate || sum.approximate ? 'approximate' : 'disagree';
}

/**
 * How far the published figure is above the members' sum, as a range (never below zero): what the missing
 * members would have to add. Null where the members already exceed it.
 */
export function shortfall(published: Estimate, sum: Estimate): Estimate | null {
  if (sum.lo > published.hi) return null;
  return {
    lo: Math.max(0, published.lo - sum.hi),
    hi: published.hi - sum.lo,
    approximate: published.approximate || sum.approximate,
    parts: 0,
    suppressedParts: 0,
    atLeastParts: 0,
  };
}

/** One member force's part of the sum. */
export interface MemberPart {
  area: string;
  estimate: Estimate;
  fact: Fact;
}

export interface MembersCheck {
  area: string;
  period: string;
  /** The published figure (with its alternatives), if any. */
  published: Fact | undefined;
  publishedEstimate: Estimate | null;
  /** The members of the aggregate by definition (data/areas.csv), in the dataset's order. */
  members: string[];
  /** The members with a usable figure, largest first, and their sum (null when none has one). */
  parts: MemberPart[];
  sum: Estimate | null;
  /** Members with no usable figure for the period. */
  missing: string[];
  verdict: MembersVerdict;
}

/** The published figure of a region or country for a period beside the sum of its member forces. */
export function membersCheck(ds: Dataset, index: FactIndex, areaId: string, period: string): MembersCheck {
  const check = compareAggregate(ds, index, areaId, period);
  const members = ds.areas.get(areaId)!.members;
  const publishedEstimate = check.published ? estimateOfFigure(check.published.preferred) : null;
  const parts = check.computed.facts
    .map((fact) => ({ area: fact.preferred.area, estimate: estimateOfFigure(fact.preferred)!, fact }))
    .sort((a, b) => b.estimate.lo - a.estimate.lo || members.indexOf(a.area) - members.indexOf(b.area));
  const sum = check.computed.estimate;
  const missing = check.computed.missing;
  return {
    area: areaId,
    period,
    published: check.published,
    publishedEstimate,
    members,
    parts,
    sum,
    missing,
    verdict: classifyMembers(publishedEstimate, sum, missing.length),
  };
}
