/**
 * Published totals beside their members, as every view shows them: for a region or country and a period, the
 * published figure, the sum of its member forces, how many have a figure, which have none, and the verdict
 * (src/lib/query/members.ts), in words (src/lib/words/members.ts).
 */
import type { Area, Period } from '../data/schema.ts';
import { membersCheck, shortfall, type MembersCheck, type MembersVerdict } from '../query/members.ts';
import {
  membersLine,
  membersWords,
  namedParts,
  showMembersLabel,
  type MembersWords,
} from '../words/members.ts';
import {
  INCOMPLETE_WORD,
  areaName,
  displayValue,
  factIncomplete,
  periodLabel,
  type Context,
} from './context.ts';

export interface MembersRow {
  /** `area|period`. */
  id: string;
  area: string;
  period: string;
  /** "Wales, 2017/18". */
  where: string;
  /** "2017/18". */
  periodLabel: string;
  words: MembersWords;
  /** "South Wales 158, North Wales 53, …": each member's part of the sum. */
  parts: string;
  /** Names of the members with no figure. */
  missing: string[];
  verdict: MembersVerdict;
  /**
   * '' or what is possibly incomplete: "the published figure is possibly incomplete; the sum includes a figure
   * marked possibly incomplete (Hampshire)".
   */
  incomplete: string;
  /** The whole check on one line (downloads). */
  line: string;
  check: MembersCheck;
}

/** One aggregate's rows, with the action that shows (or hides) its member forces beside it. */
export interface MembersGroup {
  area: string;
  name: string;
  /** For a region: what it covers by definition (data/areas.csv), e.g. how a published grouping differs. */
  note: string;
  members: string[];
  rows: MembersRow[];
  /** The areas to select for the action, and its label ("Show Wales's 4 forces"). */
  toggle: { label: string; areas: string[] };
}

const isAggregate = (area: Area | undefined): area is Area => !!area && area.type !== 'force';

/** The check of a region or country's published offences for a period, or null (a force, or nothing published). */
export function membersRow(ctx: Context, areaId: string, period: string): MembersRow | null {
  const { ds, index } = ctx;
  const area = ds.areas.get(areaId);
  if (!isAggregate(area) || !index.one(areaId, 'offences', period)) return null;
  const check = membersCheck(ds, index, areaId, period);
  const published = check.published!;
  const shown = displayValue(published.preferred);
  const also = [...new Set(published.alternatives.map(displayValue))].filter((v) => v !== shown);
  const missing = check.missing.map((id) => areaName(ds, id));
  const words = membersWords({
    name: area.name,
    published: check.publishedEstimate,
    alsoPublished: also,
    parts: check.parts.map((p) => p.estimate),
    sum: check.sum,
    members: check.members.length,
    missing,
    verdict: check.verdict,
    shortfall: check.publishedEstimate && check.sum ? shortfall(check.publishedEstimate, check.sum) : null,
  });
  const where = `${area.name}, ${periodLabel(ds, period)}`;
  const flaggedParts = check.parts.filter((p) => factIncomplete(p.fact)).map((p) => areaName(ds, p.area));
  const incomplete = [
    factIncomplete(published) ? `the published figure is ${INCOMPLETE_WORD}` : '',
    flaggedParts.length
      ? `the sum includes ${flaggedParts.length === 1 ? 'a figure' : 'figures'} marked ${INCOMPLETE_WORD} (${flaggedParts.join(', ')})`
      : '',
  ]
    .filter(Boolean)
    .join('; ');
  return {
    id: `${areaId}|${period}`,
    area: areaId,
    period,
    where,
    periodLabel: periodLabel(ds, period),
    words,
    parts: namedParts(check.parts.map((p) => ({ name: areaName(ds, p.area), estimate: p.estimate }))),
    missing,
    verdict: check.verdict,
    incomplete,
    line: `${where}: ${membersLine(words)}${incomplete ? ` Note: ${incomplete}.` : ''}`,
    check,
  };
}

/**
 * The checks for the aggregates among `areas`, period by period, grouped by aggregate. `displayed` are the
 * areas the view shows; each group's action adds its members to them, or takes them away when all are there.
 */
export function membersGroups(
  ctx: Context,
  areas: readonly Area[],
  periods: readonly Period[],
  displayed: readonly string[],
): MembersGroup[] {
  const groups: MembersGroup[] = [];
  for (const area of areas) {
    if (!isAggregate(area)) continue;
    const rows = periods.flatMap((p) => membersRow(ctx, area.id, p.key) ?? []);
    if (rows.length === 0) continue;
    const members = area.members;
    const shown = members.every((id) => displayed.includes(id));
    const areasAfter = shown
      ? displayed.filter((id) => !members.includes(id))
      : [...new Set([...displayed, ...members])];
    groups.push({
      area: area.id,
      name: area.name,
      note: area.type === 'region' ? area.note : '',
      members,
      rows,
      toggle: { label: showMembersLabel(area.name, members.length, shown), areas: areasAfter },
    });
  }
  return groups;
}
