/** A person's own figures kept in the browser only when asked, restored through the same checks. */
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureDataset } from '../support/dataset.ts';
import type { Dataset } from '../../src/lib/data/load.ts';
import { importFigures, type ImportedData } from '../../src/lib/import/import.ts';
import { STORE_KEY, forgetYours, restoreYours, saveYours } from '../../src/lib/import/persistence.ts';

/** A Storage backed by a Map, as the browser's behaves. */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, String(v)),
  };
}
const blocked = (): Storage =>
  new Proxy({} as Storage, {
    get() {
      throw new DOMException('blocked', 'SecurityError');
    },
  });

let ds: Dataset;
let data: ImportedData;
beforeAll(async () => {
  ds = await fixtureDataset();
  const result = importFigures(
    'area,period_start,period_end,measure,value,source_url\nKent,2025-04-01,2026-03-31,offences,180,https://example.org/reply\n',
    ds,
    { fileName: 'mine.csv' },
  );
  if (!result.ok) throw new Error(result.error);
  data = result;
});

describe('your figures in this browser', () => {
  it('keep and come back as the same figures, through the import checks', () => {
    const store = memoryStorage();
    expect(saveYours(store, data, 'instead', ds)).toBe(true);
    const back = restoreYours(store, ds)!;
    expect(back.mode).toBe('instead');
    expect(back.data.figures).toEqual(data.figures);
    expect(back.data.report.fileName).toBe('mine.csv');
  });

  it('forget a damaged entry instead of failing', () => {
    const store = memoryStorage();
    store.setItem(STORE_KEY, '{not json');
    expect(restoreYours(store, ds)).toBeNull();
    expect(store.getItem(STORE_KEY)).toBeNull();
    store.setItem(STORE_KEY, JSON.stringify({ text: 'area\nAtlantis\n', fileName: 'x', mode: 'beside' }));
    expect(restoreYours(store, ds)).toBeNull();
    expect(store.getItem(STORE_KEY)).toBeNull();
  });

  it('do nothing, and fail nothing, where storage is blocked', () => {
    expect(saveYours(blocked(), data, 'beside', ds)).toBe(false);
    expect(restoreYours(blocked(), ds)).toBeNull();
    expect(() => forgetYours(blocked())).not.toThrow();
    expect(saveYours(null, data, 'beside', ds)).toBe(false);
  });
});
