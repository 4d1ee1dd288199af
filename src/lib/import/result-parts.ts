/**
 * An import's result in parts, as the worker sends it (./worker.ts): the page reads each message in one task,
 * and a result of tens of thousands of rows read in one piece would hold the page as long as it takes. So
 * the long lists (figures, rejected rows, warnings) travel in slices of {@link PART_SIZE}, then the rest of
 * the result with those lists empty; {@link joinResult} puts them back in order.
 */
import type { ImportResult, RejectedRow, RowWarning } from './import.ts';
import type { Figure } from '../data/schema.ts';

export const PART_SIZE = 500;

export type ListPart =
  | { list: 'figures'; items: Figure[] }
  | { list: 'rejected'; items: RejectedRow[] }
  | { list: 'warnings'; items: RowWarning[] };

/** The result's long lists in slices of `size`, in order, and the result without them. */
export function splitResult(
  whole: ImportResult,
  size = PART_SIZE,
): { parts: ListPart[]; result: ImportResult } {
  if (!whole.ok) return { parts: [], result: whole };
  const parts: ListPart[] = [];
  const slices = <T>(items: T[], part: (items: T[]) => ListPart) => {
    for (let i = 0; i < items.length; i += size) parts.push(part(items.slice(i, i + size)));
  };
  slices(whole.figures, (items) => ({ list: 'figures', items }));
  slices(whole.report.rejected, (items) => ({ list: 'rejected', items }));
  slices(whole.report.warnings, (items) => ({ list: 'warnings', items }));
  const result = { ...whole, figures: [], report: { ...whole.report, rejected: [], warnings: [] } };
  return { parts, result };
}

/** The result with its lists put back from the parts, in the order they were sent. */
export function joinResult(parts: readonly ListPart[], result: ImportResult): ImportResult {
  if (!result.ok) return result;
  const figures: Figure[] = [];
  const rejected: RejectedRow[] = [];
  const warnings: RowWarning[] = [];
  for (const part of parts)
    if (part.list === 'figures') figures.push(...part.items);
    else if (part.list === 'rejected') rejected.push(...part.items);
    else warnings.push(...part.items);
  return { ...result, figures, report: { ...result.report, rejected, warnings } };
}
