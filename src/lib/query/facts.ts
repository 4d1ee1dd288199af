/**
 * Resolved facts (./resolve.ts) indexed by area, measure and period, for the views' look-ups.
 */
import type { Measure } from '../data/schema.ts';
import type { Fact } from './resolve.ts';

type Level<T> = Map<string, T>;

/** Resolved facts indexed by area, measure and period key for quick lookup. */
export class FactIndex {
  readonly facts: readonly Fact[];
  /**
   * Area, then measure, then the period's start and end: a level a column, so that no key is written for each
   * fact (at a million rows, writing them took as long as the look-ups saved).
   */
  private readonly tree: Level<Level<Level<Level<Fact[]>>>> = new Map();

  constructor(facts: readonly Fact[]) {
    this.facts = facts;
    const below = <T>(level: Level<T>, key: string, make: () => T): T => {
      let next = level.get(key);
      if (next === undefined) level.set(key, (next = make()));
      return next;
    };
    for (const f of facts) {
      const p = f.preferred;
      const byMeasure = below(this.tree, p.area, () => new Map());
      const byStart = below(byMeasure, p.measure, () => new Map());
      below(
        below(byStart, p.period_start, () => new Map()),
        p.period_end,
        () => [],
      ).push(f);
    }
  }

  /** Every fact of one measure for one area and period (several where the measure has categories). */
  get(area: string, measure: Measure, period: string): readonly Fact[] {
    const at = period.indexOf('..');
    if (at < 0) return [];
    const byStart = this.tree.get(area)?.get(measure);
    return byStart?.get(period.slice(0, at))?.get(period.slice(at + 2)) ?? [];
  }

  /** The one fact of a category-less measure (offences, platform_known), if published. */
  one(area: string, measure: Measure, period: string): Fact | undefined {
    return this.get(area, measure, period).find((f) => f.preferred.category === '');
  }
}
