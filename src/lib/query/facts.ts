/**
 * Resolved facts (./resolve.ts) indexed by area, measure and period, for the views' look-ups.
 */
import type { Measure } from '../data/schema.ts';
import { periodKeyOf } from './period.ts';
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
