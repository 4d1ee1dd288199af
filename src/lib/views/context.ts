/**
 * What every view model needs: the dataset, its resolved facts (resolved once per dataset, since a filter
 * never splits a fact), and the current state, with the helpers that turn ids into words.
 */
import type { Dataset } from '../data/load.ts';
import {
  isPossiblyIncomplete,
  isUserFigure,
  type Area,
  type Figure,
  type Period,
  type Source,
} from '../data/schema.ts';

import { FactIndex } from '../query/facts.ts';

import { groupByFact, resolveFacts, resolveGroups, type Fact } from '../query/resolve.ts';

import { estimateOfFigure } from '../query/estimate.ts';

import type { ViewState } from './state.ts';
import { formatEstimate } from '../words/numbers.ts';
import { INCOMPLETE_MEANING, INCOMPLETE_WORD } from '../words/incomplete.ts';
import { periodKeyOf } from '../query/period.ts';

export interface Context {
  ds: Dataset;
  index: FactIndex;
}

export function makeContext(ds: Dataset): Context {
  return { ds, index: new FactIndex(resolveFacts(ds.figures, ds.sources)) };
}

const contexts = new WeakMap<Dataset, Context>();

/**
 * The dataset's context, made once: a dataset is never changed, so the pages keep it (the start-up makes it
 * in a task of its own before the first chart, src/lib/state/start-up.svelte.ts).
 */
export function contextOf(ds: Dataset): Context {
  let ctx = contexts.get(ds);
  if (!ctx) contexts.set(ds, (ctx = makeContext(ds)));
  return ctx;
}

/**
 * The same context as {@link contextOf}, made over a few tasks (`between` ends each one): a person's file can
 * bring tens of thousands of rows, and the page must keep answering while they are resolved.
 */
export async function contextInTasks(ds: Dataset, between: () => Promise<void>): Promise<Context> {
  let ctx = contexts.get(ds);
  if (ctx) return ctx;
  const groups = groupByFact(ds.figures);
  await between();
  const facts = resolveGroups(groups, ds.sources);
  await between();
  ctx = contexts.get(ds) ?? { ds, index: new FactIndex(facts) };
  contexts.set(ds, ctx);
  return ctx;
}

export const NATIONAL_DEFAULT = ['england-and-wales', 'united-kingdom'];

export const forcesOf43 = (ds: Dataset): Area[] => [...ds.areas.values()].filter((a) => a.ew43);

/** The selected periods, in fixed order (all when none is selected). */
export function selectedPeriods(ds: Dataset, state: ViewState): Period[] {
  if (state.periods.length === 0) return [...ds.periods];
  const chosen = new Set(state.periods);
  return ds.periods.filter((p) => chosen.has(p.id));
}

/** The selected areas, in fixed order; `fallback` ids when none is selected. */
export function selectedAreas(ds: Dataset, state: ViewState, fallback: readonly string[]): Area[] {
  const ids = new Set(state.areas.length ? state.areas : fallback);
  return [...ds.areas.values()].filter((a) => ids.has(a.id));
}

export const periodLabel = (ds: Dataset, key: string): string => ds.periodByKey.get(key)?.label ?? key;
export const areaName = (ds: Dataset, id: string): string => ds.areas.get(id)?.name ?? id;

export const QUALIFIER_WORDS: Record<Figure['qualifier'], string> = {
  exact: 'exact',
  at_least: 'at least (a lower bound)',
  approximate: 'approximate',
  suppressed: 'suppressed by the source',
  not_available: 'not available',
};

/** The figure as a reader should read it: "62", "200 or more", "≈ 992", "suppressed", "n/a", "40.2%". */
export function displayValue(f: Pick<Figure, 'value' | 'qualifier' | 'unit'>): string {
  if (f.qualifier === 'suppressed') return 'suppressed';
  if (f.qualifier === 'not_available') return 'not available';
  const est = estimateOfFigure(f);
  const text = est ? formatEstimate(est) : '';
  return f.unit === 'percent' ? text.replace(/^(≈ )?([\d.,]+)/, '$1$2%') : text;
}

export function sourceOf(ds: Dataset, f: Figure): Source | undefined {
  return ds.sources.get(f.source);
}

/** "On the Wight, 2018-04-17" */
export function sourceLine(ds: Dataset, f: Figure): string {
  const s = sourceOf(ds, f);
  if (!s) return 'source unknown';
  return s.date ? `${s.publisher}, ${s.date}` : `${s.publisher} (undated)`;
}

export { INCOMPLETE_MEANING, INCOMPLETE_WORD };

/**
 * True when the reading shown for a fact (its preferred value and qualifier) is marked possibly incomplete by
 * any row that gives it: one statistic, reported by several pages, some of which say "from 42 of 43 forces".
 */
export function factIncomplete(fact: Fact): boolean {
  const f = fact.preferred;
  return (
    isPossiblyIncomplete(f) ||
    fact.alternatives.some(
      (a) => isPossiblyIncomplete(a) && a.value === f.value && a.qualifier === f.qualifier,
    )
  );
}

/** True when the fact shown is one of the person's own imported figures. */
export const isUserFact = (fact: Fact): boolean => isUserFigure(fact.preferred);

/** A fact in words, part by part: where and when, the value, the source, and any disagreement. */
export interface FactWords {
  /** "Hampshire, first nine months" ("Your data: …" for an imported figure). */
  where: string;
  /** "offences: 62", "offences: 200 or more (at least (a lower bound))". */
  value: string;
  /** "source: On the Wight, 2018-04-17". */
  source: string;
  /** "sources disagree: also published as …", "your data agrees", or ''. */
  conflict: string;
  /** "possibly incomplete" where the figure is flagged, else ''. */
  completeness: string;
}

export function factWords(ds: Dataset, fact: Fact, what = 'offences'): FactWords {
  const f = fact.preferred;
  let conflict = '';
  if (fact.disagree) {
    const shown = displayValue(f);
    // Each distinct reading written once, in preference order: a fact can have hundreds of rows, most sharing a
    // few readings, so each row is matched against the readings met with its value (no key written per row).
    const met = new Map<number | null, { qualifier: string; unit: string; user: boolean }[]>();
    const written: string[] = [];
    for (const a of fact.alternatives) {
      const user = isUserFigure(a);
      let same = met.get(a.value);
      if (!same) met.set(a.value, (same = []));
      if (same.some((b) => b.qualifier === a.qualifier && b.unit === a.unit && b.user === user)) continue;
      same.push({ qualifier: a.qualifier, unit: a.unit, user });
      written.push(`${displayValue(a)}${user ? ' (your data)' : ''}`);
    }
    const others = [...new Set(written)].filter((v) => v !== shown);
    conflict = `sources disagree: also published as ${others.join(', ')}`;
  } else if (fact.alternatives.some(isUserFigure) && !isUserFigure(f)) {
    conflict = 'your data agrees';
  }
  return {
    where: `${isUserFigure(f) ? 'Your data: ' : ''}${areaName(ds, f.area)}, ${periodLabel(ds, periodKeyOf(f))}`,
    value: `${what}: ${displayValue(f)}${f.qualifier === 'exact' ? '' : ` (${QUALIFIER_WORDS[f.qualifier]})`}`,
    source: `source: ${sourceLine(ds, f)}`,
    conflict,
    completeness: factIncomplete(fact) ? INCOMPLETE_WORD : '',
  };
}

/** The parts of {@link FactWords} that are there, joined into one line. */
export const joinWords = (...parts: string[]): string => parts.filter(Boolean).join(' · ');

/** One line for a tooltip or an accessible name: value, qualifier, period, area, source and date, conflicts. */
export function describeFact(ds: Dataset, fact: Fact, what = 'offences'): string {
  const w = factWords(ds, fact, what);
  return joinWords(w.where, w.value, w.completeness, w.source, w.conflict);
}

/** The jurisdictions where s.15A is the offence counted; other forces count another offence. */
const S15A_NATIONS: ReadonlySet<string> = new Set(['england', 'wales']);

/** A force that counts another offence than s.15A, or an aggregate with such a force among its members. */
export function countsAnotherOffence(ds: Dataset, area: Area): boolean {
  if (area.type === 'force') return !S15A_NATIONS.has(area.nation);
  return area.members.some((id) => {
    const member = ds.areas.get(id);
    return member?.type === 'force' && !S15A_NATIONS.has(member.nation);
  });
}

/** The notes of data/areas.csv on the offence counted, for the areas among `areas` that count another one. */
export const offenceNotes = (ds: Dataset, areas: Iterable<Area>): string[] =>
  [...areas].filter((a) => countsAnotherOffence(ds, a) && a.note).map((a) => `${a.name}: ${a.note}`);

/** For an empty view: the nearest selection that has figures, as a change a person can apply in one click. */
export interface Nearest {
  label: string;
  areas?: string[];
  periods?: string[];
}

/** The period among `candidates` nearest to the selected ones (by mid-point), earlier first on a tie. */
export function nearestPeriod(
  ds: Dataset,
  state: ViewState,
  candidates: readonly Period[],
): Period | undefined {
  const chosen = selectedPeriods(ds, state);
  const time = (p: Period) => (Date.parse(p.start) + Date.parse(p.end)) / 2;
  const distance = (p: Period) => Math.min(...chosen.map((c) => Math.abs(time(c) - time(p))));
  return [...candidates].sort((a, b) => distance(a) - distance(b) || time(a) - time(b))[0];
}

/**
 * The order in which areas take the series colours: first the published totals wider than one region (United
 * Kingdom, England and Wales, England, …), then region by region (in the dataset's order of first appearance)
 * the region's own published total, where one has exactly its forces as members, followed by its forces.
 */
export function areaColourOrder(areas: Iterable<Area>): string[] {
  const all = [...areas];
  const byRegion = new Map<string, string[]>();
  for (const a of all.filter((x) => x.type === 'force'))
    byRegion.set(a.region, [...(byRegion.get(a.region) ?? []), a.id]);
  const wider: string[] = [];
  const own = new Map<string, string>();
  for (const a of all.filter((x) => x.type !== 'force')) {
    const region = [...byRegion].find(
      ([name, ids]) =>
        !own.has(name) && ids.length === a.members.length && ids.every((id) => a.members.includes(id)),
    );
    if (region) own.set(region[0], a.id);
    else wider.push(a.id);
  }
  return [
    ...wider,
    ...[...byRegion].flatMap(([name, ids]) => [...(own.has(name) ? [own.get(name)!] : []), ...ids]),
  ];
}
