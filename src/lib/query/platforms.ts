/**
 * Platform records and shares for one area and period, as published, with their denominator; and a combined
 * label beside the labels that make it up (one offence may involve several platforms: never split, never added).
 */
import type { Dataset } from '../data/load.ts';
import { estimateOfFigure, sumEstimates, type Estimate } from './estimate.ts';
import type { FactIndex } from './facts.ts';
import type { Fact } from './resolve.ts';

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
