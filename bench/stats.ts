/** Small statistics and formatting helpers for the benchmark. */

/** The q-quantile (0..1) of the values, by linear interpolation between closest ranks. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);
export const p95 = (values: readonly number[]): number => quantile(values, 0.95);

export const ms = (v: number, digits = 1): string => (Number.isFinite(v) ? `${v.toFixed(digits)} ms` : 'n/a');
export const ratio = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(2)}x` : 'n/a');
export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

/** One line of the printed table. `ok` is null for figures without a budget (or not measurable yet). */
export interface Row {
  measure: string;
  value: string;
  budget: string;
  ok: boolean | null;
}

export const info = (measure: string, value: string): Row => ({ measure, value, budget: '', ok: null });

/** A budget that could not be measured counts as missed. */
export const failed = (measure: string, e: unknown): Row => ({
  measure,
  value: `error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
  budget: '',
  ok: false,
});

/** The median and, in brackets, the range of a few runs: "0.97 (0.95–0.99)". */
export function spread(values: readonly number[], format: (v: number) => string): string {
  if (values.length === 0) return 'n/a';
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return `${format(median(values))} (${format(lo)}–${format(hi)})`;
}

export function printTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => [r.measure, r.value, r.budget, r.ok === null ? '' : r.ok ? 'ok' : 'MISS']);
  const head = ['measure', 'value', 'budget', 'ok'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((s, i) => s.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
