/**
 * Rates per 100,000 children: a count of offences over the children of the forces that reported it
 * (data/population.csv, ONS mid-2020 estimates). A rate is given only where it is honest:
 *
 * - never over a missing denominator: a force without a population figure (Police Scotland, PSNI) has no rate,
 *   and in a region or country it adds neither its count nor its children;
 * - a region's rate is the sum of its reporting forces' counts over the sum of those same forces' children;
 * - a rate keeps its count's qualifiers: an "at least" count gives a lower bound, a suppressed one a range;
 * - a period is not a year: a rate is for the period as published, flagged when it is not about a year,
 *   and never annualised;
 * - sums over several periods go through ./span-rates.ts, which refuses overlapping periods.
 */
import type { Dataset } from '../data/load.ts';
import type { Area, Population } from '../data/schema.ts';
import { totalAcrossForces } from './totals.ts';
import { estimateOfFigure } from './estimate.ts';
import { type FactIndex } from './facts.ts';
import type { Estimate } from './estimate.ts';
import { durationDays, parsePeriodKey, type Interval } from './period.ts';
import type { Fact } from './resolve.ts';

/** Which children a rate is per: under 16 (the age s.15A protects) or under 18. */
export type RateBase = 'under16' | 'under18';
export const RATE_BASES: readonly RateBase[] = ['under16', 'under18'];

/** Rates are per this many children. */
export const RATE_PER = 100_000;

/** The denominator, in words, for every rate shown. */
export const RATE_WORDING: Readonly<Record<RateBase, string>> = {
  under16: 'per 100,000 children under 16 (ONS mid-2020 estimate)',
  under18: 'per 100,000 children under 18 (ONS mid-2020 estimate)',
};

/** What a reader of any rate must know (data/README.md, population.csv). */
export const RATE_CAVEATS = {
  oneYear: 'One reference year: ONS mid-2020 population estimates are used for figures from 2017 to 2025.',
  revised: 'The ONS later revised these estimates after Census 2021.',
  smallBase: 'The City of London has about 1,700 children, so its rates swing wildly.',
  noPopulation: 'Scotland and Northern Ireland have no population figure here, so no rate.',
} as const;

/** The credit the Open Government Licence asks for with the population figures. */
export const POPULATION_CREDIT = 'Source: Office for National Statistics';

/** Fewer children than this and a handful of offences moves the rate a lot (the City of London: ~1,700). */
export const SMALL_BASE = 10_000;

/** A period "is a year" when within a week of 365 days (2017/18 starts on 3 April: 363 days). */
export const YEAR_DAYS = { min: 358, max: 372 } as const;
export const isAboutAYear = (days: number): boolean => days >= YEAR_DAYS.min && days <= YEAR_DAYS.max;

/** The children of a population row for the base, or null where there is no usable figure. */
export function childrenOf(population: Population | undefined, base: RateBase): number | null {
  if (!population) return null;
  const n = base === 'under16' ? population.children_under_16 : population.children_under_18;
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** A count's estimate turned into a rate per 100,000 children: a range where the count is one. */
export interface RateEstimate {
  /** The lowest rate the count allows. */
  lo: number;
  /** The highest; Infinity where the count has no upper bound ("at least", or suppressed with no stated limit). */
  hi: number;
  /** Some part of the count was published as approximate or rounded. */
  approximate: boolean;
  /** Some part of the count was suppressed: the rate is a range. */
  suppressed: boolean;
  /** Some part of the count was published as "at least": the rate is a lower bound. */
  atLeast: boolean;
  /** The count the rate is of. */
  count: Estimate;
  /** The denominator: the children the count is over. */
  children: number;
}

/** The rate of a count over `children`, per 100,000. Throws where there is no denominator to divide by. */
export function rateOf(estimate: Estimate, children: number): RateEstimate {
  if (!Number.isFinite(children) || children <= 0)
    throw new RangeError(`No rate over ${children} children: a rate needs a population figure`);
  const scale = (n: number) => (n === Infinity ? Infinity : (n / children) * RATE_PER);
  return {
    lo: scale(estimate.lo),
    hi: scale(estimate.hi),
    approximate: estimate.approximate,
    suppressed: estimate.suppressedParts > 0,
    atLeast: estimate.atLeastParts > 0,
    count: estimate,
    children,
  };
}

/** What every rate answer carries, whether or not a rate could be given. */
export interface RateCommon {
  area: string;
  base: RateBase;
  /** {@link RATE_WORDING} for the base. */
  wording: string;
  /** null exactly when `refused` says why. */
  rate: RateEstimate | null;
  /** The denominator (the children of the forces counted), or null where there is none. */
  children: number | null;
  /** Length of the period in days, both ends included (summed over several periods). */
  periodDays: number;
  /** The period is not about a year: say so, and never annualise. */
  notAYear: boolean;
  /** Fewer than {@link SMALL_BASE} children: a few offences move the rate a lot. */
  smallBase: boolean;
  /** Why there is no rate: "no population figure for Police Scotland", "no figure for this period", … */
  refused?: string;
}

/** One force's rate for one period. */
export interface ForceRate extends RateCommon {
  period: string;
  /** The offences fact the rate is of (also where it was "not available"). */
  count: Fact | undefined;
}

/** A region's or country's rate for one period, over the member forces that reported. */
export interface AggregateRate extends RateCommon {
  period: string;
  /** The sum of the covered forces' offences. */
  count: Estimate | null;
  /** Member forces in the rate: with a population figure and a usable count for the period. */
  covered: string[];
  /** Member forces with a population figure but no usable count (no row, or "not available"). */
  missing: string[];
  /** Member forces with no population figure (Police Scotland, PSNI): never in numerator or denominator. */
  noPopulation: string[];
  facts: Fact[];
}

export function requireArea(ds: Dataset, id: string): Area {
  const area = ds.areas.get(id);
  if (!area) throw new Error(`Unknown area "${id}"`);
  return area;
}

export function requirePeriod(key: string): Interval {
  const p = parsePeriodKey(key);
  if (!p) throw new Error(`Not a period: "${key}"`);
  return p;
}

export const common = (
  area: string,
  base: RateBase,
  children: number | null,
  periodDays: number,
): Omit<RateCommon, 'refused'> => ({
  area,
  base,
  wording: RATE_WORDING[base],
  rate: null,
  children,
  periodDays,
  notAYear: !isAboutAYear(periodDays),
  smallBase: children != null && children < SMALL_BASE,
});

/**
 * A force's offences for one period per 100,000 children. Refused (rate null, `refused` set) where the force
 * has no population figure, no figure for the period, or a figure "not available".
 */
export function forceRate(
  ds: Dataset,
  index: FactIndex,
  areaId: string,
  periodKey: string,
  base: RateBase,
): ForceRate {
  const area = requireArea(ds, areaId);
  if (area.type !== 'force') throw new Error(`"${area.name}" is a ${area.type}: use aggregateRate`);
  const periodDays = durationDays(requirePeriod(periodKey));
  const children = childrenOf(ds.population.get(areaId), base);
  const fact = index.one(areaId, 'offences', periodKey);
  const result: ForceRate = { ...common(areaId, base, children, periodDays), period: periodKey, count: fact };
  if (children == null) return { ...result, refused: `no population figure for ${area.name}` };
  if (!fact) return { ...result, refused: 'no figure for this period' };
  const estimate = estimateOfFigure(fact.preferred);
  if (!estimate) return { ...result, refused: 'not available' };
  return { ...result, rate: rateOf(estimate, children) };
}

/**
 * A region's or country's offences for one period per 100,000 children: the sum of the counts of the member
 * forces that reported, over the sum of those same forces' children. Forces without a population figure add
 * neither. Refused where no member has a population figure, or none of those reported.
 */
export function aggregateRate(
  ds: Dataset,
  index: FactIndex,
  areaId: string,
  periodKey: string,
  base: RateBase,
): AggregateRate {
  const area = requireArea(ds, areaId);
  if (area.type === 'force') throw new Error(`"${area.name}" is a force: use forceRate`);
  const periodDays = durationDays(requirePeriod(periodKey));
  const childrenById = new Map<string, number>();
  const noPopulation: string[] = [];
  for (const id of area.members) {
    const n = childrenOf(ds.population.get(id), base);
    if (n == null) noPopulation.push(id);
    else childrenById.set(id, n);
  }
  const total = totalAcrossForces(ds, index, [...childrenById.keys()], periodKey);
  const children = total.reported.length
    ? total.reported.reduce((sum, id) => sum + childrenById.get(id)!, 0)
    : null;
  const result: AggregateRate = {
    ...common(areaId, base, children, periodDays),
    period: periodKey,
    count: total.estimate,
    covered: total.reported,
    missing: total.missing,
    noPopulation,
    facts: total.facts,
  };
  if (childrenById.size === 0)
    return { ...result, refused: `no population figure for any force in ${area.name}` };
  if (!total.estimate || children == null) return { ...result, refused: 'no figure for this period' };
  return { ...result, rate: rateOf(total.estimate, children) };
}
