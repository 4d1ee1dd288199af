/**
 * Resolved facts (./resolve.ts) indexed by area, measure and period, for the views' look-ups.
 */
import type { Measure } from '../data/schema.ts';
import type { Fact } from './resolve.ts';

const placeOf = (area: string, measure: string, period: string) => `${area}|${measure}|${period}`;

export class FactIndex {
  readonly facts: readonly Fact[];
  /** Facts by area, measure and period key ("start..end"). */
  private readonly byPlace = new Map<string, Fact[]>();

  constructor(facts: readonly Fact[]) {
    this.facts = facts;
    for (const f of facts) {
      const { area, measure, period_start, period_end } = f.preferred;
      const place = placeOf(area, measure, `${period_start}..${period_end}`);
      const list = this.byPlace.get(place);
      if (list) list.push(f);
      else this.byPlace.set(place, [f]);
    }
  }

  /** Every fact of one measure for one area and period (several where the measure has categories). */
  get(area: string, measure: Measure, period: string): readonly Fact[] {
    return this.byPlace.get(placeOf(area, measure, period)) ?? [];
  }

  /** The fact a figure (preferred or not) states, by the figure's id. */
  factOf(id: string): Fact | undefined {
    this.#byId ??= new Map(this.facts.flatMap((f) => [f.preferred, ...f.alternatives].map((x) => [x.id, f])));
    return this.#byId.get(id);
  }
  #byId: Map<string, Fact> | undefined;

  /** The one fact of a category-less measure (offences, platform_known), if published. */
  one(area: string, measure: Measure, period: string): Fact | undefined {
    return this.get(area, measure, period).find((f) => f.preferred.category === '');
  }
}
