/** What the pages say about the data release they show: the notice, the stamps, the list of changes. */
import type { Dataset } from '../data/load.ts';
import { areaName, displayValue, periodLabel, QUALIFIER_WORDS, sourceLine } from '../views/context.ts';
import { periodKeyOf } from '../query/period.ts';
import type { FactChange } from './diff.ts';
import type { ReleaseInfo } from './id.ts';

/** "2026-12-01 (a1b2c3)" */
export const releaseName = (r: ReleaseInfo): string => `${r.date} (${r.hash})`;

/** The stamp of downloads, charts and source lines: "Data release 2026-12-01 (a1b2c3)." */
export const releaseStamp = (r: ReleaseInfo): string => `Data release ${releaseName(r)}.`;

const figures = (n: number) => (n === 0 ? 'no figures' : n === 1 ? '1 figure' : `${n} figures`);

/**
 * The notice of a pinned page, without its "Show current" link: "Data as of release 2026-11-28 (a1b2c3); the
 * current release is 2027-03-01, which changes 4 figures in this view." A pin to the current release says so and
 * nothing more.
 */
export function pinNotice(shown: ReleaseInfo, current: ReleaseInfo, changed: number): string {
  if (shown.id === current.id) return `Data as of release ${releaseName(shown)}, the current release.`;
  return (
    `Data as of release ${releaseName(shown)}; the current release is ${current.date}, ` +
    `which changes ${figures(changed)} in this view.`
  );
}

/** The page footer's line on the release. */
export function footerLine(shown: ReleaseInfo, current: ReleaseInfo): string {
  return shown.id === current.id
    ? `${releaseStamp(shown)} Links, citations, downloads and embeds from this page name it, so they keep showing these figures.`
    : `Data release ${releaseName(shown)}, as this link asks; the current release is ${releaseName(current)}.`;
}

/** One change in words: "Hampshire, First nine months: offences 62 → 60 (source: A → B)". */
export function changeWords(old: Dataset, current: Dataset, change: FactChange): string {
  const f = (change.old ?? change.current)!.preferred;
  const ds = change.old ? old : current;
  const what = f.category ? `${f.measure.replace(/_/g, ' ')} "${f.category}"` : f.measure.replace(/_/g, ' ');
  const where = `${areaName(ds, f.area)}, ${periodLabel(ds, periodKeyOf(f))}: ${what}`;
  if (!change.current) return `${where}: ${displayValue(change.old!.preferred)}, no longer published`;
  if (!change.old) return `${where}: new, ${displayValue(change.current.preferred)}`;
  const [o, c] = [change.old.preferred, change.current.preferred];
  const parts = [
    displayValue(o) === displayValue(c) ? displayValue(c) : `${displayValue(o)} → ${displayValue(c)}`,
  ];
  if (change.fields.includes('qualifier'))
    parts.push(`(${QUALIFIER_WORDS[o.qualifier]} → ${QUALIFIER_WORDS[c.qualifier]})`);
  if (change.fields.includes('source'))
    parts.push(`(source: ${sourceLine(old, o)} → ${sourceLine(current, c)})`);
  return `${where} ${parts.join(' ')}`;
}
