/**
 * What changed between two releases, fact by fact: computed from both releases as the app resolves them
 * (the preference rule of src/lib/query/resolve.ts, on each release's own rows), never written by hand.
 */
import type { Dataset } from '../data/load.ts';
import type { Figure } from '../data/schema.ts';
import type { Fact } from '../query/resolve.ts';

/** A release as the views see it: its dataset and its resolved facts (a views Context fits). */
export interface ResolvedRelease {
  ds: Pick<Dataset, 'sources'>;
  index: { readonly facts: readonly Fact[] };
}

/** What differs in a fact's preferred figure. */
export type ChangedField = 'value' | 'qualifier' | 'source';

export interface FactChange {
  key: string;
  /** The fact in the earlier release; null when the current release adds it. */
  old: Fact | null;
  /** The fact in the current release; null when it no longer has it. */
  current: Fact | null;
  /** For a fact in both: what differs. */
  fields: ChangedField[];
}

const byKey = new WeakMap<object, Map<string, Fact>>();
function factsByKey(r: ResolvedRelease): Map<string, Fact> {
  let map = byKey.get(r.index);
  if (!map) byKey.set(r.index, (map = new Map(r.index.facts.map((f) => [f.key, f]))));
  return map;
}

/** A figure's source as a reader knows it: its page (ids are renumbered when pages are added). */
const sourceOf = (r: ResolvedRelease, f: Figure) => r.ds.sources.get(f.source)?.url ?? `id:${f.source}`;

/**
 * The facts among `factKeys` whose preferred value, qualifier or source differs between the two releases, or
 * that only one of them has, in the order of `factKeys` (each once).
 */
export function changedFacts(
  old: ResolvedRelease,
  current: ResolvedRelease,
  factKeys: Iterable<string>,
): FactChange[] {
  const before = factsByKey(old);
  const after = factsByKey(current);
  const changes: FactChange[] = [];
  for (const key of new Set(factKeys)) {
    const o = before.get(key) ?? null;
    const c = after.get(key) ?? null;
    if (!o && !c) continue;
    if (!o || !c) {
      changes.push({ key, old: o, current: c, fields: [] });
      continue;
    }
    const fields: ChangedField[] = [];
    if (o.preferred.value !== c.preferred.value) fields.push('value');
    if (o.preferred.qualifier !== c.preferred.qualifier) fields.push('qualifier');
    if (sourceOf(old, o.preferred) !== sourceOf(current, c.preferred)) fields.push('source');
    if (fields.length) changes.push({ key, old: o, current: c, fields });
  }
  return changes;
}
