/**
 * The aggregates the views need, over resolved facts. Sums run across areas within one period, or across
 * disjoint periods of one area; never across overlapping periods. Shares are never summed.
 */
import type { Dataset } from '../data/load.ts';
import type { Figure, Measure } from '../data/schema.ts';
import { estimateOf, sumEstimates, type Estimate } from './estimate.ts';
import { assertDisjoint, parsePeriodKey, periodKey, type Interval, periodKeyOf } from './period.ts';
import type { Fact } from './resolve.ts';

/** Resolved facts indexed by area, measure and period key for quick lookup. */
export class FactIndex {
  readonly facts: readonly Fact[];
  private readonly byKey = new Map<string, Fact[]>();

  constructor(facts: readonly Fact[]) {
    this.facts = facts;
    for (const f of facts) {
      const p = f.preferred;
      const k = FactIndex.key(p.area, p.measure, periodKeyOf(p));
      const list = this.byKey.get(k);
      if (list) list.push(f);
      else this.byKey.set(k, [f]);
    }
  }

  private static key(area: string, measure: Measure, period: string): string {
    return `${area}|${measure}|${period}`;
  }

  /** Every fact of one measure for one area and period (several where the measure has categories). */
  get(area: string, measure: Measure, period: string): readonly Fact[] {
    return this.byKey.get(FactIndex.key(area, measure, period)) ?? [];
  }

  /** The one fact of a category-less measure (offences, platform_known), if published. */
  one(area: string, measure: Measure, period: string): Fact | undefined {
    return this.get(area, measure, period).find((f) => f.preferred.category === '');
  }
}

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

export const estimateOfFigure = (f: Pick<Figure, 'value' | 'qualifier'>): Estimate | null =>
  estimateOf(f.value, f.qualifier);

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

/** A combined platform label set beside the labels that, as published, make it up. */
export interface CombinedVsParts {
  combined: Fact;
  parts: Fact[];
  partsSum: Estimate;
  /** The combined figure differs from the sum of its parts (one offence may use several platforms). */
  differs: boolean;
}

/** Platform records, and shares as published, for one area and period, with their denominator. */
export interface PlatformBreakdown {
  area: string;
  period: string;
  records: Fact[];
  shares: Fact[];
  /** Offences (or cases) where the platform was recorded: the base of the records. */
  platformKnown: Fact | undefined;
  offences: Fact | undefined;
  /** Combined labels whose platforms are exactly those of other published labels. */
  combinedVsParts: CombinedVsParts[];
}

export function platformBreakdown(
  ds: Dataset,
  index: FactIndex,
  area: string,
  period: string,
  keepLabel: (label: string) => boolean = () => true,
): PlatformBreakdown {
  const records = index.get(area, 'platform', period).filter((f) => keepLabel(f.preferred.category));
  const shares = index.get(area, 'platform_share', period).filter((f) => keepLabel(f.preferred.category));
  return {
    area,
    period,
    records,
    shares,
    platformKnown: index.one(area, 'platform_known', period),
    offences: index.one(area, 'offences', period),
    combinedVsParts: combinedVsParts(ds, index.get(area, 'platform', period)),
  };
}

/**
 * For each combined label, looks for other labels of the same area and period whose platform sets are
 * disjoint and together cover exactly the combined label's platforms (Hampshire: "Facebook-owned apps
 * (Facebook, Instagram, WhatsApp)" 27 against Facebook 18 + Instagram/WhatsApp 17).
 */
export function combinedVsParts(ds: Dataset, records: readonly Fact[]): CombinedVsParts[] {
  const out: CombinedVsParts[] = [];
  const setOf = (f: Fact) => new Set(ds.labels.get(f.preferred.category)?.platforms ?? []);
  for (const combined of records) {
    const whole = setOf(combined);
    if (whole.size < 2) continue;
    const candidates = records.filter((r) => {
      if (r === combined) return false;
      const s = setOf(r);
      return s.size > 0 && s.size < whole.size && [...s].every((p) => whole.has(p));
    });
    const cover = exactCover(whole, candidates.map(setOf));
    if (!cover) continue;
    const parts = cover.map((i) => candidates[i]!);
    const ests = parts.map((p) => estimateOfFigure(p.preferred));
    const combinedEst = estimateOfFigure(combined.preferred);
    if (ests.some((e) => !e) || !combinedEst) continue;
    const partsSum = sumEstimates(ests as Estimate[]);
    out.push({
      combined,
      parts,
      partsSum,
      differs: combinedEst.lo !== partsSum.lo || combinedEst.hi !== partsSum.hi,
    });
  }
  return out;
}

/** Indices of pairwise disjoint sets whose union is `whole` (smallest such choice), or null. */
function exactCover(whole: ReadonlySet<string>, sets: readonly ReadonlySet<string>[]): number[] | null {
  let best: number[] | null = null;
  const n = Math.min(sets.length, 12);
  for (let mask = 1; mask < 1 << n; mask++) {
    const chosen: number[] = [];
    const seen = new Set<string>();
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      if (!(mask & (1 << i))) continue;
      chosen.push(i);
      for (const p of sets[i]!) {
        if (seen.has(p)) ok = false;
        seen.add(p);
      }
    }
    if (ok && seen.size === whole.size && (!best || chosen.length < best.length)) best = chosen;
  }
  return best;
}
