/**
 * Checks across the accepted rows of one file: sources shared by rows, repeated rows, one fact given two
 * values, and overlapping periods of one series (figures that must never be added).
 */
import type { Figure, Source } from '../data/schema.ts';
import { type RawRow } from '../data/validate.ts';
import { findDuplicates } from '../data/file-rules.ts';
import { overlaps, periodKeyOf } from '../query/period.ts';
import { USER_SOURCE, type RowSource } from './outcome.ts';

/** Something to know about an accepted row (row ≥ 1) or about the file and its header (row 0). */
export interface RowWarning {
  row: number;
  line: number;
  column: string;
  message: string;
}

/** Gives accepted rows' sources ids, one per URL (or name), first details kept. */
export class SourceRegistry {
  private readonly byKey = new Map<string, { source: Source; row: number }>();
  private named = 0;
  constructor(private readonly fileName?: string) {}

  add(s: RowSource, row: number, warn: (column: string, message: string) => void): string {
    const key = s.url ? `url ${s.url}` : s.name ? `name ${s.name}` : '';
    const known = this.byKey.get(key);
    // Without a name, the publisher is the URL's host, the same for every row of one source.
    const publisher =
      s.name ||
      (known
        ? known.source.publisher
        : s.url
          ? new URL(s.url).hostname
          : this.fileName
            ? `Your file ${this.fileName}`
            : 'Your data');
    if (!known) {
      const id = key ? `${USER_SOURCE}-${++this.named}` : USER_SOURCE;
      this.byKey.set(key, { source: { id, url: s.url, kind: s.kind, publisher, date: s.date }, row });
      return id;
    }
    const k = known.source;
    if (
      (s.kindGiven && s.kind !== k.kind) ||
      (s.date && s.date !== k.date) ||
      (s.name && publisher !== k.publisher)
    )
      warn(
        s.url ? 'source_url' : 'source_name',
        `the same source is described differently at row ${known.row}; row ${known.row}'s details are kept`,
      );
    return k.id;
  }

  list(): Source[] {
    return [...this.byKey.values()].map((v) => v.source);
  }
}

/** Warnings across rows: repeated rows, one fact with two values, overlapping periods of one series. */
export function seriesWarnings(
  figures: readonly Figure[],
  at: readonly { row: number; line: number }[],
): RowWarning[] {
  const warnings: RowWarning[] = [];
  const lines = at.map((a) => a.line);
  const rowAt = new Map(at.map((a) => [a.line, a.row]));
  const raw = figures.map((f) => ({ ...f, value: f.value == null ? '' : String(f.value) }) as RawRow);
  for (const p of findDuplicates(raw, Object.keys(raw[0] ?? {}), lines, '')) {
    warnings.push({ row: rowAt.get(p.line) ?? 0, line: p.line, column: '*', message: p.message });
  }
  const series = new Map<string, number[]>();
  figures.forEach((f, i) => {
    const key = JSON.stringify([f.area, f.measure, f.category]);
    const members = series.get(key);
    if (members) members.push(i);
    else series.set(key, [i]);
  });
  const warn = (i: number, column: string, message: string) =>
    warnings.push({ row: at[i]!.row, line: at[i]!.line, column, message });
  const show = (f: Figure) =>
    f.value == null ? f.qualifier : `${f.value}${f.qualifier === 'exact' ? '' : ` (${f.qualifier})`}`;
  for (const members of series.values()) {
    const firstOf = new Map<string, number>();
    for (const i of members) {
      const f = figures[i]!;
      const key = periodKeyOf(f);
      const first = firstOf.get(key);
      if (first === undefined) firstOf.set(key, i);
      else if (show(figures[first]!) !== show(f))
        warn(
          i,
          'value',
          `states the same fact as row ${at[first]!.row} with another value (${show(f)}, not ${show(figures[first]!)}): both are kept, and the preference rule picks one`,
        );
    }
    const periods = [...firstOf.values()].sort((a, b) => {
      const [fa, fb] = [figures[a]!, figures[b]!];
      return fa.period_start.localeCompare(fb.period_start) || fa.period_end.localeCompare(fb.period_end);
    });
    const span = (i: number) => ({ start: figures[i]!.period_start, end: figures[i]!.period_end });
    let reach = periods[0];
    for (const i of periods.slice(1)) {
      if (reach !== undefined && overlaps(span(reach), span(i)))
        warn(
          i,
          'period_start',
          `period ${span(i).start} to ${span(i).end} overlaps ${span(reach).start} to ${span(reach).end} (row ${at[reach]!.row}) for the same area, measure and category: figures for overlapping periods are never added`,
        );
      if (reach === undefined || span(i).end > span(reach).end) reach = i;
    }
  }
  return warnings;
}
