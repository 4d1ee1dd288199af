/** The bundled dataset in the browser: the CSV files served by Vite, read with the app's own loader. */
import figures from '../../data/figures.csv?url';
import sources from '../../data/sources.csv?url';
import areas from '../../data/areas.csv?url';
import periods from '../../data/periods.csv?url';
import platforms from '../../data/platforms.csv?url';
import labels from '../../data/platform-labels.csv?url';
import population from '../../data/population.csv?url';
import { loadDataset, type Dataset } from '../../src/lib/data/load.ts';

let cached: Promise<Dataset> | undefined;
export const bundledDataset = (): Promise<Dataset> =>
  (cached ??= loadDataset({ figures, sources, areas, periods, platforms, labels, population }));
