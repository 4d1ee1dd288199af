/**
 * Which area an imported `area` cell means: an id ("hampshire"), a name ("Hampshire") or an alias
 * ("Hampshire Constabulary"), in any case and spacing. Anything else is rejected, never guessed; a near
 * miss gets a "did you mean" from a deterministic, bounded search.
 */
import type { Area } from '../data/schema.ts';
import type { Dataset } from '../data/load.ts';
import { remembered } from './cells.ts';

/** Folds a name for matching: case, "&", punctuation, hyphens and accents do not count. */
export const foldName = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Words that say "a police force" without saying which. */
const GENERIC = new Set(['police', 'constabulary', 'service', 'force', 'the', 'of', 'area']);
const tokens = (folded: string) => folded.split(' ').filter((t) => t && !GENERIC.has(t));

interface Candidate {
  key: string;
  stripped: string;
  tokens: Set<string>;
  area: Area;
}

export class AreaIndex {
  private readonly exact = new Map<string, string | null>();
  private readonly candidates: Candidate[] = [];
  private readonly suggestions = new Map<string, string | null>();

  constructor(areas: Iterable<Area>) {
    for (const area of areas)
      for (const name of [area.id, area.name, ...area.aliases]) {
        const key = foldName(name);
        if (!key) continue;
        const known = this.exact.get(key);
        // A spelling two areas share names neither.
        this.exact.set(key, known === undefined || known === area.id ? area.id : null);
        const t = tokens(key);
        this.candidates.push({ key, stripped: t.join(' '), tokens: new Set(t), area });
      }
  }

  /** The area id the text names, or null. */
  readonly resolve = remembered((text: string): string | null => this.exact.get(foldName(text)) ?? null);

  /** A name to suggest for text that names no area, or null. Computed for at most 500 distinct texts. */
  suggest(text: string): string | null {
    const key = foldName(text);
    const cached = this.suggestions.get(key);
    if (cached !== undefined) return cached;
    const found = this.suggestions.size < 500 ? this.search(key) : null;
    this.suggestions.set(key, found);
    return found;
  }

  private search(key: string): string | null {
    if (!key || key.length > 80) return null;
    const stripped = tokens(key).join(' ');
    const unique = (list: Candidate[]) => {
      const ids = new Set(list.map((c) => c.area.id));
      return ids.size === 1 ? list[0]!.area.name : null;
    };
    // 1. The same name once "Police", "Constabulary" and the like are set aside.
    if (stripped) {
      const same = this.candidates.filter((c) => c.stripped === stripped);
      if (same.length) return unique(same);
    }
    // 2. A small edit away (typos): the closest spelling, earliest area on a tie.
    const limit = Math.max(1, Math.floor(key.length / 6));
    let best: Candidate | null = null;
    let bestDistance = limit + 1;
    for (const c of this.candidates) {
      for (const [a, b] of [
        [key, c.key],
        [stripped, c.stripped],
      ] as const) {
        if (!a || !b) continue;
        const d = boundedLevenshtein(a, b, bestDistance - 1);
        if (d < bestDistance) {
          bestDistance = d;
          best = c;
        }
      }
    }
    if (best) return best.area.name;
    // 3. Every word of the text in the name of exactly one area ("Metropolitan" → Metropolitan Police).
    const words = tokens(key);
    if (!words.length) return null;
    return unique(this.candidates.filter((c) => words.every((w) => c.tokens.has(w))));
  }
}

/**
 * Edit distance between a and b when it is at most `max`, else max + 1. Bounded so that a file full of
 * unknown names stays fast.
 */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = row;
  }
  return Math.min(prev[b.length]!, max + 1);
}

const indexes = new WeakMap<Pick<Dataset, 'areas'>, AreaIndex>();
export function areaIndex(ds: Pick<Dataset, 'areas'>): AreaIndex {
  let index = indexes.get(ds);
  if (!index) indexes.set(ds, (index = new AreaIndex(ds.areas.values())));
  return index;
}

/**
 * The area a person probably meant by a name that matches none ("Hampshire Constabularly" → "Hampshire",
 * "Metropolitan" → "Metropolitan Police"); null when nothing is close or the name is already known.
 */
export function didYouMean(name: string, ds: Pick<Dataset, 'areas'>): string | null {
  const index = areaIndex(ds);
  return index.resolve(name) ? null : index.suggest(name);
}
