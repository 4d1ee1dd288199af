/**
 * A published regional or national total beside its member forces, in words: the published figure, the sum of
 * the forces with a figure (a range where a part is suppressed or "at least"), how many forces that is, which
 * have none, and whether the two agree (src/lib/query/members.ts decides; this module only says it).
 */
import type { Estimate } from '../query/estimate.ts';
import type { MembersVerdict } from '../query/members.ts';
import { formatEstimate, formatNumber } from './numbers.ts';

/** What the words are made from: the check, with names and alternatives already in words. */
export interface MembersInput {
  /** The aggregate's name: "Wales". */
  name: string;
  published: Estimate | null;
  /** Other published values of the same fact, as a reader should read them: ["3,171"]. */
  alsoPublished: readonly string[];
  /** The members' figures that make up the sum, in the order to print them. */
  parts: readonly Estimate[];
  sum: Estimate | null;
  /** How many forces the aggregate has by definition. */
  members: number;
  /** Names of the members with no figure for the period. */
  missing: readonly string[];
  verdict: MembersVerdict;
  /** How far the published figure is above the sum (src/lib/query/members.ts `shortfall`), if it is not below. */
  shortfall: Estimate | null;
}

export interface MembersWords {
  /** "published 3,217 (also published as 3,171)". */
  published: string;
  /** "members' sum 158 + 53 + 44 + 19 = 274", "members' sum 2,572". */
  sum: string;
  /** "4 of 4 forces have a figure". */
  coverage: string;
  /** "No figure: Avon and Somerset, Bedfordshire." or ''. */
  missing: string;
  /** "No figure for 23 of 45 forces" (the names follow where they are many), or ''. */
  missingHead: string;
  /** Whether the missing names are few enough to stand in the sentence ({@link MAX_MISSING_INLINE}). */
  missingInline: boolean;
  /** "Agree", "Differ by what the missing forces could explain", "Disagree", … */
  verdict: string;
  /** Why, in a sentence: "the forces add up to the published figure." */
  reason: string;
}

/** The short name of each verdict, as the page and the downloads give it. */
export const VERDICT_WORDS: Readonly<Record<MembersVerdict, string>> = {
  agree: 'Agree',
  explained: 'Differ by what the missing forces could explain',
  disagree: 'Disagree',
  approximate: 'Cannot be checked exactly',
  'no-members': 'Nothing to compare',
  unpublished: 'No published figure',
};

/** The missing forces explain it, and there is nothing to explain: the others already make the published figure. */
export const MATCH_WITHOUT_MISSING = 'Match without the missing forces';

/** Up to this many missing forces are named in the line; more are listed under a heading of their own. */
export const MAX_MISSING_INLINE = 12;

/** The sum is written out part by part up to this many parts ("158 + 53 + 44 + 19 = 274"), else as a total. */
export const MAX_PARTS_WRITTEN = 6;

const forces = (n: number): string => `${n} force${n === 1 ? '' : 's'}`;
const exact = (e: Estimate): boolean => e.lo === e.hi && !e.approximate;

/** One member's figure inside a sum: a suppressed one is a word, never a number. */
const partText = (e: Estimate): string =>
  e.suppressedParts > 0 && e.parts === 1 ? 'suppressed' : formatEstimate(e);

/** "the 34 forces with a figure", "the one force with a figure". */
const withFigure = (n: number): string =>
  n === 1 ? 'the one force with a figure' : `the ${n} forces with a figure`;
/** "the sum of the 34 forces with a figure", "the figure of the one force that has one". */
const sumOf = (n: number): string =>
  n === 1 ? 'the figure of the one force that has one' : `the sum of the ${n} forces with a figure`;

/** "A", "A and B", "A, B and C". */
export const andList = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;

/** The members with no figure: their names when a few, else how many. */
const missingPhrase = (missing: readonly string[]): string =>
  missing.length <= 3 ? andList(missing) : `the ${forces(missing.length)} without a figure`;

/** "Wales's 4 forces"; "the 6 forces of East of England (region)" where a possessive would not read. */
export function membersOf(name: string, n: number): string {
  return name.endsWith(')') ? `the ${forces(n)} of ${name}` : `${name}'s ${forces(n)}`;
}

/** The button that adds (or takes away) an aggregate's members beside it. */
export const showMembersLabel = (name: string, n: number, shown: boolean): string =>
  `${shown ? 'Hide' : 'Show'} ${membersOf(name, n)}`;

/** The summary of what is marked on the forces chart and map: "Hampshire and Wales's 4 forces marked". */
export function markedWords(parts: readonly string[]): string | null {
  if (parts.length === 0) return null;
  const list = andList(parts);
  return `${list[0]!.toUpperCase()}${list.slice(1)} marked`;
}

function reasonFor(m: MembersInput): string {
  const { published: pub, sum } = m;
  const reporting = m.parts.length;
  if (m.verdict === 'unpublished' || !pub) return 'there is no published figure for this period to compare.';
  if (m.verdict === 'no-members' || !sum)
    return `none of its ${forces(m.members)} has a figure for this period.`;
  const p = formatEstimate(pub);
  const s = formatEstimate(sum);
  switch (m.verdict) {
    case 'agree':
      return exact(pub) && exact(sum)
        ? `all ${forces(m.members)} have a figure and add up to the published figure.`
        : `the forces' sum, ${s}, can be the published ${p}.`;
    case 'explained': {
      const who = missingPhrase(m.missing);
      const gap = m.shortfall;
      if (!gap || gap.hi === 0)
        return `${withFigure(reporting)} already make${reporting === 1 ? 's' : ''} up the published figure, so either it leaves out ${who} or ${m.missing.length === 1 ? 'that force' : 'those forces'} recorded none.`;
      const by =
        gap.lo === 0 && gap.hi !== Infinity
          ? `up to ${formatEstimate({ ...gap, lo: gap.hi })}`
          : formatEstimate(gap);
      return `the published figure exceeds ${sumOf(reporting)} by ${by}; ${who} could account for that.`;
    }
    case 'disagree': {
      if (m.missing.length > 0)
        return `${sumOf(reporting)} is already ${s}, more than the published ${p}, before counting ${missingPhrase(m.missing)}.`;
      const by =
        exact(pub) && exact(sum) ? ` (a difference of ${formatNumber(Math.abs(sum.lo - pub.lo))})` : '';
      return `all ${forces(m.members)} have a figure and they add up to ${s}, not the published ${p}${by}; no missing force can explain it.`;
    }
    case 'approximate':
      return `the forces add up to ${s} and the published figure is ${p}; with an approximate figure the two cannot be checked exactly.`;
  }
}

export function membersWords(m: MembersInput): MembersWords {
  const reporting = m.parts.length;
  const also = m.alsoPublished.length ? ` (also published as ${m.alsoPublished.join(', ')})` : '';
  let sum = 'no member has a figure';
  if (m.sum)
    sum =
      reporting >= 2 && reporting <= MAX_PARTS_WRITTEN
        ? `members' sum ${m.parts.map(partText).join(' + ')} = ${formatEstimate(m.sum)}`
        : `members' sum ${formatEstimate(m.sum)}`;
  return {
    published: m.published ? `published ${formatEstimate(m.published)}${also}` : 'no published figure',
    sum,
    coverage: `${reporting} of ${forces(m.members)} ${reporting === 1 ? 'has' : 'have'} a figure`,
    missing: m.missing.length ? `No figure: ${m.missing.join(', ')}.` : '',
    missingHead: m.missing.length ? `No figure for ${m.missing.length} of ${forces(m.members)}` : '',
    missingInline: m.missing.length <= MAX_MISSING_INLINE,
    verdict:
      m.verdict === 'explained' && m.shortfall?.hi === 0 ? MATCH_WITHOUT_MISSING : VERDICT_WORDS[m.verdict],
    reason: reasonFor(m),
  };
}

/** Each member's part of the sum: "South Wales 158, North Wales 53, Dyfed-Powys 44, Gwent 19". */
export const namedParts = (parts: readonly { name: string; estimate: Estimate }[]): string =>
  parts.map((p) => `${p.name} ${partText(p.estimate)}`).join(', ');

/** The whole check on one line, for downloads and accessible names. */
export const membersLine = (w: MembersWords): string =>
  [w.published, w.sum, w.coverage, w.missing.replace(/\.$/, ''), `${w.verdict}: ${w.reason}`]
    .filter(Boolean)
    .join(' · ');
