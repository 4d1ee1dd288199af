/**
 * data/CHANGELOG.md: one `## YYYY-MM-DD (hash)` heading per release, newest first, each followed by what the
 * release added, corrected or removed, by figure id. The heading of a release not cut yet has no hash:
 * `npm run release` writes it. Pure: the data check, the release script and the build read it the same way.
 */
import { HASH_LENGTH } from './id.ts';
import { isIsoDate } from '../data/dates.ts';

export interface ChangelogEntry {
  date: string;
  /** The content hash the entry was written for; null until the release is cut. */
  hash: string | null;
  /** 1-based line of the heading. */
  line: number;
}

export interface ChangelogProblem {
  line: number;
  message: string;
}

const HEADING = /^##(?!#)\s*(.*?)\s*$/;
const RELEASE_HEADING = new RegExp(`^(\\d{4}-\\d{2}-\\d{2})(?: \\(([0-9a-f]{${HASH_LENGTH}})\\))?$`);

/** The release entries, in file order (newest first), and whatever in their headings is wrong. */
export function parseChangelog(text: string): { entries: ChangelogEntry[]; problems: ChangelogProblem[] } {
  const entries: ChangelogEntry[] = [];
  const problems: ChangelogProblem[] = [];
  text.split('\n').forEach((raw, i) => {
    const heading = HEADING.exec(raw.replace(/\r$/, ''));
    if (!heading) return;
    const line = i + 1;
    const m = RELEASE_HEADING.exec(heading[1]!);
    if (!m || !isIsoDate(m[1]!)) {
      problems.push({
        line,
        message: `"${heading[1]}" is not a release heading: write "## YYYY-MM-DD" (npm run release adds the hash)`,
      });
      return;
    }
    const previous = entries[entries.length - 1];
    if (previous && m[1]! > previous.date)
      problems.push({
        line,
        message: `release ${m[1]} is listed below the later release ${previous.date}: newest first`,
      });
    entries.push({ date: m[1]!, hash: m[2] ?? null, line });
  });
  entries.slice(1).forEach((e) => {
    if (e.hash === null)
      problems.push({
        line: e.line,
        message: `release ${e.date} below the newest has no hash: it was never cut`,
      });
  });
  return { entries, problems };
}

/** The changelog with the heading at `line` (1-based) naming `hash`: what `npm run release` writes. */
export function withHash(text: string, line: number, hash: string): string {
  const lines = text.split('\n');
  const heading = lines[line - 1];
  if (heading === undefined || !HEADING.test(heading)) throw new Error(`no release heading at line ${line}`);
  const date = HEADING.exec(heading)![1]!.slice(0, 10);
  lines[line - 1] = `## ${date} (${hash})`;
  return lines.join('\n');
}
