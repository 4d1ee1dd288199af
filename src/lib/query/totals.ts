/**
 * Totals over resolved facts: across forces within one period, or across disjoint periods of one area, never
 * across overlapping periods; and a published regional or national figure beside the sum of its forces.
 * Shares are never summed.
 */
import type { Dataset } from '../data/load.ts';
import { estimateOfFigure, sumEstimates, type Estimate } from './estimate.ts';
import type { FactIndex } from './facts.ts';
import { assertDisjoint, parsePeriodKey, periodKey, type Interval } from './period.ts';
import type { Fact } from './resolve.ts';

/** The measures that are one count per area and period, and so may be added across forces or periods. */
export type TotalMeasure = 'offences' | 'platform_known';
function assertAddable(measure: string): asserts measure is TotalMeasure {
  if (measure !== 'offences' && measure !== 'platform_known')
    throw new Error(
      measure === 'platform_share'
        ? 'Shares are never added: each has its own base'
        : `Cannot total "${measure}" across areas or periods`,
    );
}

/** A sum over forces within one period, with the forces it covers and the ones it lacks. */
export interface CoveredTotal {
  period: string;
  /** null when no force in the selection has a figure. */
  estimate: Estimate | null;
  reported: string[];
  /** Asked-for forces with no usable figure for the period (no row, or "not available"). */
  missing: string[];
  facts: Fact[];
}

/**
 * Offences summed across forces within one period. Only forces are added (an aggregate area would count
 * its members twice); pass region or country ids and this throws.
 */
export function totalAcrossForces(
  ds: Dataset,
  index: FactIndex,
  forceIds: readonly string[],
  period: string,
  measure: TotalMeasure = 'offences',
): CoveredTotal {
  assertAddable(measure);
  const reported: string[] = [];
  const missing: string[] = [];
  const parts: Estimate[] = [];
  const facts: Fact[] = [];
  for (const id of forceIds) {
    const area = ds.areas.get(id);
    if (!area) throw new Error(`Unknown area "${id}"`);
    if (area.type !== 'force')
      throw new Error(`Cannot add "${area.name}" to forces: it is a ${area.type} and would count them twice`);
    const fact = index.one(id, measure, period);
    const est = fact ? estimateOfFigure(fact.preferred) : null;
    if (fact && est) {
      reported.push(id);
      parts.push(est);
      facts.push(fact);
    } else missing.push(id);
  }
  return { period, estimate: parts.length ? sumEstimates(parts) : null, reported, missing, facts };
}

/**
 * Offences of one area summed over several periods. Overlapping periods are refused with an
 * {@link OverlapError}; a period without a figure makes the sum null (a gap is a gap, never zero).
 */
export function totalAcrossPeriods(
  ds: Dataset,
  index: FactIndex,
  area: string,
  periods: readonly string[],
  measure: TotalMeasure = 'offences',
): Estimate | null {
  assertAddable(measure);
  const intervals = periods.map((k) => {
    const p = parsePeriodKey(k);
    if (!p) throw new Error(`Not a period: "${k}"`);
    return p;
  });
  assertDisjoint(intervals, (p: Interval) => ds.periodByKey.get(periodKey(p))?.label ?? periodKey(p));
  const parts: Estimate[] = [];
  for (const k of periods) {
    const fact = index.one(area, measure, k);
    const est = fact ? estimateOfFigure(fact.preferred) : null;
    if (!est) return null;
    parts.push(est);
  }
  return sumEstimates(parts);
}

/** A published regional or national figure set beside the sum of its member forces. */
export interface AggregateCheck {
  area: string;
  period: string;
  published: Fact | undefined;
  computed: CoveredTotal;
  /** Published minus computed, when both are exact numbers; otherwise null. */
  difference: number | null;
}

export function compareAggregate(
  ds: Dataset,
  index: FactIndex,
  areaId: string,
  period: string,
): AggregateCheck {
  const area = ds.areas.get(areaId);
  if (!area || area.type === 'force') throw new Error(`"${areaId}" is not a region or country`);
  const published = index.one(areaId, 'offences', period);
  const computed = totalAcrossForces(ds, index, area.members, period);
  const pubEst = published ? estimateOfFigure(published.preferred) : null;
  const c = computed.estimate;
  const exact = (e: Estimate | null): e is Estimate => !!e && e.lo === e.hi && !e.approximate;
  const difference = exact(pubEst) && exact(c) && computed.missing.length === 0 ? pubEst.lo - c.lo : null;
  return { area: areaId, period, published, computed, difference };
}
