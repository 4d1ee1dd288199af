/**
 * A force's rate over several periods added together (./rates.ts for one period): the periods must not
 * overlap, and the rate is for the whole span, never annualised.
 */
import type { Dataset } from '../data/load.ts';
import type { Estimate } from './estimate.ts';
import type { FactIndex } from './facts.ts';
import { durationDays } from './period.ts';
import {
  childrenOf,
  common,
  rateOf,
  requireArea,
  requirePeriod,
  type RateBase,
  type RateCommon,
} from './rates.ts';
import { totalAcrossPeriods } from './totals.ts';

/** One force's rate over several disjoint periods. */
export interface SpanRate extends RateCommon {
  periods: string[];
  count: Estimate | null;
}

/**
 * A force's offences summed over several periods, per 100,000 children. Overlapping periods are refused with
 * an OverlapError (by {@link totalAcrossPeriods}), before anything else is looked at; a period without a
 * usable figure refuses the rate. The rate is for the whole span, never annualised.
 */
export function forceRateAcrossPeriods(
  ds: Dataset,
  index: FactIndex,
  areaId: string,
  periodKeys: readonly string[],
  base: RateBase,
): SpanRate {
  if (periodKeys.length === 0) throw new Error('No periods to add');
  const count = totalAcrossPeriods(ds, index, areaId, periodKeys);
  const area = requireArea(ds, areaId);
  if (area.type !== 'force') throw new Error(`"${area.name}" is a ${area.type}: use aggregateRate`);
  const periodDays = periodKeys.reduce((sum, k) => sum + durationDays(requirePeriod(k)), 0);
  const children = childrenOf(ds.population.get(areaId), base);
  const result: SpanRate = { ...common(areaId, base, children, periodDays), periods: [...periodKeys], count };
  if (children == null) return { ...result, refused: `no population figure for ${area.name}` };
  if (!count) return { ...result, refused: 'no figure for every period' };
  return { ...result, rate: rateOf(count, children) };
}
