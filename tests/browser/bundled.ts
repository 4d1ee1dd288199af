/** The bundled dataset in the browser: the app's own file URLs and loader. */
import { bundledFiles } from '../../src/lib/data/bundled.ts';
import { loadDataset, type Dataset } from '../../src/lib/data/load.ts';

let cached: Promise<Dataset> | undefined;
export const bundledDataset = (): Promise<Dataset> => (cached ??= loadDataset(bundledFiles));
