/** Coverage: which areas have an offences figure for which periods, so the gaps show at a glance. */
import type { Period } from '../data/schema.ts';
import type { ViewState } from './state.ts';
import { displayValue, describeFact, selectedAreas, selectedPeriods, type Context } from './context.ts';

export interface CoverageCell {
  area: string;
  areaName: string;
  period: Period;
  /** Display value, or null where no offences figure was published. */
  value: string | null;
  qualifier: string | null;
  disagree: boolean;
  /** Platform records exist for this cell (the jump goes to the platforms view). */
  platforms: boolean;
  tip: string;
}

export interface CoverageView {
  areas: { id: string; name: string; type: string }[];
  periods: Period[];
  cells: CoverageCell[];
  /** Figures present, of area × period cells. */
  filled: number;
  title: string;
  subtitle: string;
}

export function coverageView(ctx: Context, state: ViewState): CoverageView {
  const { ds, index } = ctx;
  const areas = state.areas.length ? selectedAreas(ds, state, []) : [...ds.areas.values()];
  const all = selectedPeriods(ds, state);
  // Periods with at least one figure among these areas; empty columns say nothing.
  const periods = all.filter((p) => areas.some((a) => index.one(a.id, 'offences', p.key)));
  const cells: CoverageCell[] = [];
  let filled = 0;
  for (const a of areas)
    for (const p of periods) {
      const fact = index.one(a.id, 'offences', p.key);
      if (fact) filled++;
      cells.push({
        area: a.id,
        areaName: a.name,
        period: p,
        value: fact ? displayValue(fact.preferred) : null,
        qualifier: fact ? fact.preferred.qualifier : null,
        disagree: fact?.disagree ?? false,
        platforms: index.get(a.id, 'platform', p.key).length > 0,
        tip: fact ? describeFact(ds, fact) : `${a.name}, ${p.label} · no published figure`,
      });
    }
  return {
    areas: areas.map((a) => ({ id: a.id, name: a.name, type: a.type })),
    periods,
    cells,
    filled,
    title: 'Which figures exist: offences by area and period',
    subtitle: `${filled} of ${areas.length * periods.length} area–period cells have a published figure; an empty cell is a gap, not zero.`,
  };
}
