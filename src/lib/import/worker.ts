/**
 * The import run in a worker (./off-thread.ts starts it): reading and checking a file of many thousand rows
 * takes longer than a page may stop answering, so the page hands the file over and only hears how far the
 * check has come, then the result. The same code as in the page (./import.ts): no expression is compiled
 * here either.
 */
import { importFile, type ImportProgress, type ImportReference, type ImportResult } from './import.ts';
import { splitResult, type ListPart } from './result-parts.ts';

export interface ImportRequest {
  file: File;
  reference: ImportReference;
}
export type ImportMessage = { progress: ImportProgress } | { part: ListPart } | { result: ImportResult };

const reply = (message: ImportMessage) => postMessage(message);

addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  const { file, reference } = event.data;
  void importFile(file, reference, { onProgress: (progress) => reply({ progress }) }).then((whole) => {
    const { parts, result } = splitResult(whole);
    for (const part of parts) reply({ part });
    reply({ result });
  });
});
