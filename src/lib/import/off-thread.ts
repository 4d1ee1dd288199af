/**
 * Imports a file off the page's main thread, in a worker (./worker.ts), so that the page keeps answering
 * while a large file is read and checked, and shows how far it has come. Where no worker can start (no
 * Worker in this runtime, or one that fails to load), the page does the same work itself.
 */
import { importFile, type ImportProgress, type ImportReference, type ImportResult } from './import.ts';
import { joinResult, type ListPart } from './result-parts.ts';
import type { ImportMessage, ImportRequest } from './worker.ts';

export function importOffThread(
  file: File,
  ds: ImportReference,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportResult> {
  const here = () => importFile(file, ds, { onProgress });
  if (typeof Worker === 'undefined') return here();
  let worker: Worker;
  try {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'import' });
  } catch {
    return here();
  }
  return new Promise((resolve) => {
    const fallBack = (event: Event) => {
      event.preventDefault();
      worker.terminate();
      resolve(here());
    };
    worker.addEventListener('error', fallBack);
    worker.addEventListener('messageerror', fallBack);
    const parts: ListPart[] = [];
    worker.addEventListener('message', (event: MessageEvent<ImportMessage>) => {
      const message = event.data;
      if ('progress' in message) onProgress(message.progress);
      else if ('part' in message) parts.push(message.part);
      else {
        worker.terminate();
        resolve(joinResult(parts, message.result));
      }
    });
    // Only the areas and labels: the published figures stay in the page.
    const request: ImportRequest = { file, reference: { areas: ds.areas, labels: ds.labels } };
    worker.postMessage(request);
  });
}
