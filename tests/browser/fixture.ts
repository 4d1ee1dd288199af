/** The frozen fixture dataset (tests/fixtures/dataset/) in the browser: its files served by Vite, the app's loader. */
import figures from '../fixtures/dataset/figures.csv?url';
import sources from '../fixtures/dataset/sources.csv?url';
import areas from '../fixtures/dataset/areas.csv?url';
import periods from '../fixtures/dataset/periods.csv?url';
import platforms from '../fixtures/dataset/platforms.csv?url';
import labels from '../fixtures/dataset/platform-labels.csv?url';
import population from '../fixtures/dataset/population.csv?url';
import { loadDataset, type Dataset } from '../../src/lib/data/load.ts';

let cached: Promise<Dataset> | undefined;
export const fixtureDataset = (): Promise<Dataset> =>
  (cached ??= loadDataset({ figures, sources, areas, periods, platforms, labels, population }));
