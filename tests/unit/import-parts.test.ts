/** The pieces that let a large import run off the page's main thread: progress, the result in parts, memos. */
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledDataset } from '../support/dataset.ts';
import type { Dataset } from '../../src/lib/data/load.ts';
import {
  PROGRESS_EVERY,
  importFigures,
  importFile,
  type ImportProgress,
  type ImportResult,
} from '../../src/lib/import/import.ts';
import { importOffThread } from '../../src/lib/import/off-thread.ts';
import { PART_SIZE, joinResult, splitResult } from '../../src/lib/import/result-parts.ts';
import { remembered } from '../../src/lib/import/cells.ts';

let ds: Dataset;
beforeAll(async () => {
  ds = await bundledDataset();
});

const HEADER = 'area,period_start,period_end,measure,category,value';
/** A file of `n` rows: every seventh names an unknown area (rejected), the others are valid. */
function csv(n: number): string {
  const lines = [HEADER];
  for (let i = 0; i < n; i++)
    lines.push(`${i % 7 ? 'Kent' : 'Atlantis'},2025-04-01,2026-03-31,platform,Snapchat,${i}`);
  return lines.join('\n') + '\n';
}

describe('import progress', () => {
  it('says how many rows are checked, every PROGRESS_EVERY rows, against the rows of the file', async () => {
    const n = 2 * PROGRESS_EVERY + 500;
    const seen: ImportProgress[] = [];
    const result = await importFile(new File([csv(n)], 'rows.csv'), ds, { onProgress: (p) => seen.push(p) });
    expect(result.ok && result.report.rows).toBe(n);
    expect(seen).toEqual([
      { phase: 'reading' },
      { phase: 'checking', done: 0, total: n },
      { phase: 'checking', done: PROGRESS_EVERY, total: n },
      { phase: 'checking', done: 2 * PROGRESS_EVERY, total: n },
    ]);
  });

  it('runs in the page where no worker can start, with the same result and progress', async () => {
    const text = csv(300);
    const seen: ImportProgress[] = [];
    const result = await importOffThread(new File([text], 'mine.csv'), ds, (p) => seen.push(p));
    expect(result).toEqual(importFigures(text, ds, { fileName: 'mine.csv' }));
    expect(seen.map((p) => p.phase)).toEqual(['reading', 'checking']);
  });
});

describe('an import result in parts', () => {
  const result = (n: number): ImportResult => importFigures(csv(n), ds, { fileName: 'parts.csv' });

  it('sends the long lists in slices of PART_SIZE and the rest without them, and joins them back', () => {
    const whole = result(2 * PART_SIZE + 10);
    if (!whole.ok) throw new Error(whole.error);
    const { parts, result: rest } = splitResult(whole);
    expect(parts.every((p) => p.items.length <= PART_SIZE)).toBe(true);
    expect(parts.filter((p) => p.list === 'figures').map((p) => p.items.length)).toEqual([
      PART_SIZE,
      whole.figures.length - PART_SIZE,
    ]);
    expect(rest.ok && [rest.figures, rest.report.rejected, rest.report.warnings]).toEqual([[], [], []]);
    expect(joinResult(parts, rest)).toEqual(whole);
  });

  it('joins a result with empty lists, and passes a refusal through whole', () => {
    const small = result(3);
    expect(joinResult(splitResult(small, 1).parts, splitResult(small, 1).result)).toEqual(small);
    const refused: ImportResult = { ok: false, error: 'The file is empty.' };
    expect(splitResult(refused)).toEqual({ parts: [], result: refused });
    expect(joinResult([], refused)).toBe(refused);
  });
});

describe('remembered', () => {
  it('reads each text once, gives the same answers, and keeps at most its limit', () => {
    const calls: string[] = [];
    const upper = remembered((t: string) => {
      calls.push(t);
      return t === 'none' ? null : t.toUpperCase();
    }, 2);
    expect(['a', 'a', 'none', 'none', 'a'].map(upper)).toEqual(['A', 'A', null, null, 'A']);
    expect(calls).toEqual(['a', 'none']);
    upper('b'); // over the limit: what was kept is forgotten
    upper('a');
    expect(calls).toEqual(['a', 'none', 'b', 'a']);
  });
});
