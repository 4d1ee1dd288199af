/**
 * A person's own figures kept in this browser, only when they ask: the figures as import CSV text, so that
 * restoring them goes through the same checks as loading the file did. Storage may be blocked (private
 * windows, some embeds): then nothing is kept and nothing fails.
 */
import type { Dataset } from '../data/load.ts';
import { figuresToImportCSV, importFigures, type ImportedData } from './import.ts';

export const STORE_KEY = 'foi-explorer:your-figures';
export type YoursMode = 'beside' | 'instead';

/** The page's storage, or null where the browser refuses it. */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Keeps the figures; false when the storage refused them (full, blocked). */
export function saveYours(store: Storage | null, data: ImportedData, mode: YoursMode, ds: Dataset): boolean {
  if (!store) return false;
  try {
    const text = figuresToImportCSV(data.figures, ds, data.sources);
    store.setItem(STORE_KEY, JSON.stringify({ text, fileName: data.report.fileName, mode }));
    return true;
  } catch {
    return false;
  }
}

/** The figures kept earlier, checked again against the dataset; null when there are none or they no longer pass. */
export function restoreYours(
  store: Storage | null,
  ds: Dataset,
): { data: ImportedData; mode: YoursMode } | null {
  try {
    const saved = store?.getItem(STORE_KEY);
    if (!saved) return null;
    const { text, fileName, mode } = JSON.parse(saved) as { text: string; fileName: string; mode: string };
    const result = importFigures(String(text), ds, { fileName: String(fileName) });
    if (result.ok && result.figures.length)
      return { data: result, mode: mode === 'instead' ? 'instead' : 'beside' };
  } catch {
    // A damaged entry is forgotten below.
  }
  forgetYours(store);
  return null;
}

export function forgetYours(store: Storage | null): void {
  try {
    store?.removeItem(STORE_KEY);
  } catch {
    // Nothing kept, nothing to forget.
  }
}
