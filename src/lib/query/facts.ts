/**
 * Resolved facts (./resolve.ts) indexed by area, measure and period, for the views' look-ups.
 */
import type { Measure } from '../data/schema.ts';
import { keyValue, type Fact } from './resolve.ts';

type Level<T> = Map<string, T>;

/** Resolved facts indexed by area, measure and period key for quick lookup. */
export class FactIndex {
  readonly facts: readonly Fact[];
  /**
   * Area, then measure, then the period's start and end: a level a column, so that no key is written for each
   * fact (at a million rows, writing them took as long as the look-ups saved).
   */
  private readonly tree: Level<Level<Level<Level<Fact[]>>>> = new Map();

  /**
   * Each fact's place is read with {@link keyValue}, so that no fact's preferred row is made into an object
   * here. Facts of one area, measure and period come one after another when resolved (by key, categories
   * last), so a fact in the same place as the one before joins its list without a look-up.
   */
  constructor(facts: readonly Fact[]) {
    this.facts = facts;
    const below = <T>(level: Level<T>, key: string, make: () => T): T => {
      let next = level.get(key);
      if (next === undefined) level.set(key, (next = make()));
      return next;
    };
    let last: Fact[] = [];
    let area = '';
    let measure = '';
    let start = '';
    let end = '';
    for (let i = 0; i < facts.length; i++) {
      const f = facts[i]!;
      const a = keyValue(f, 'area');
      const m = keyValue(f, 'measure');
      const s = keyValue(f, 'period_start');
      const e = keyValue(f, 'period_end');
      if (i === 0 || a !== area || m !== measure || s !== start || e !== end) {
        area = a;
        measure = m;
        start = s;
        end = e;
        const byMeasure = below(this.tree, a, () => new Map());
        const byStart = below(byMeasure, m, () => new Map());
        last = below(
          below(byStart, s, () => new Map()),
          e,
          () => [],
        );
      }
      last.push(f);
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
