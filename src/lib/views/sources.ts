/** Sources and notes: the pages behind the view, the caveats that apply to it, and where sources disagree. */
import type { Source } from '../data/schema.ts';
import type { Fact } from '../query/resolve.ts';
import type { ViewState } from './state.ts';
import { areaName, displayValue, periodLabel, sourceOf, type Context, offenceNotes } from './context.ts';
import { factsInView } from './table.ts';
import { periodKeyOf } from '../query/period.ts';

export interface SourcesView {
  sources: (Source & { figures: number })[];
  caveats: string[];
  conflicts: { fact: Fact; text: string }[];
}

export function caveatsFor(ctx: Context, facts: readonly Fact[]): string[] {
  const { ds } = ctx;
  const caveats = [
    'Offences of sexual communication with a child (s.15A Sexual Offences Act 2003, Home Office code 71/17) exist in England and Wales from 3 April 2017; 2017/18 starts on that day.',
    'Figures come from FOI replies as published by forces, the NSPCC and newspapers. Not every force answered every round: a missing figure is a gap, never zero.',
  ];
  const areas = new Set(facts.map((f) => f.preferred.area));
  caveats.push(
    ...offenceNotes(
      ds,
      [...ds.areas.values()].filter((a) => areas.has(a.id)),
    ),
  );
  const periods = new Set(facts.map((f) => periodKeyOf(f.preferred)));
  if ([...periods].some((k) => ds.periodByKey.get(k)?.kind !== 'financial_year'))
    caveats.push(
      'Some periods overlap (first six and nine months, 18 months, multi-year totals): they are shown side by side and never added.',
    );
  if (facts.some((f) => f.preferred.measure === 'platform'))
    caveats.push(
      'Platform records are not offences: one offence can involve several platforms. Combined labels are never split.',
    );
  if (facts.some((f) => f.preferred.unit === 'percent'))
    caveats.push(
      'Percentages are shown as published, with the base the source gives; shares are never added.',
    );
  if (facts.some((f) => f.preferred.qualifier === 'suppressed'))
    caveats.push('Suppressed cells ("*") hide small numbers: a total with a suppressed part is a range.');
  if (facts.some((f) => f.preferred.qualifier === 'at_least'))
    caveats.push('"More than" figures are lower bounds.');
  if (facts.some((f) => f.preferred.qualifier === 'approximate'))
    caveats.push('Approximate figures ("about", "nearly") are marked ≈.');
  return caveats;
}

export function sourcesView(ctx: Context, state: ViewState): SourcesView {
  const { ds } = ctx;
  const facts = factsInView(ctx, state);
  const counts = new Map<string, number>();
  for (const fact of facts)
    for (const f of [fact.preferred, ...fact.alternatives])
      counts.set(f.source, (counts.get(f.source) ?? 0) + 1);
  const sources = [...counts]
    .map(([id, figures]) => ({ ...(ds.sources.get(id) as Source), figures }))
    .filter((s) => s.id)
    .sort((a, b) => b.figures - a.figures || a.publisher.localeCompare(b.publisher));
  const conflicts = facts
    .filter((f) => f.disagree)
    .map((fact) => {
      const f = fact.preferred;
      const versions = [fact.preferred, ...fact.alternatives]
        .map((x) => `${displayValue(x)} (${sourceOf(ds, x)?.publisher ?? x.source})`)
        .filter((v, i, all) => all.indexOf(v) === i);
      return {
        fact,
        text:
          `${areaName(ds, f.area)}, ${periodLabel(ds, periodKeyOf(f))}, ${f.measure}${f.category ? ` "${f.category}"` : ''}: ` +
          `shown ${displayValue(f)}; published as ${versions.join(', ')}`,
      };
    });
  return { sources, caveats: caveatsFor(ctx, facts), conflicts };
}
