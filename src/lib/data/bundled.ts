/** URLs of the bundled data files, emitted by Vite as hashed assets beside the app. */
import figures from '../../../data/figures.csv?url';
import sources from '../../../data/sources.csv?url';
import areas from '../../../data/areas.csv?url';
import periods from '../../../data/periods.csv?url';
import platforms from '../../../data/platforms.csv?url';
import labels from '../../../data/platform-labels.csv?url';
import population from '../../../data/population.csv?url';
import type { DataFiles } from './load.ts';

export const bundledFiles: DataFiles = {
  figures,
  sources,
  areas,
  periods,
  platforms,
  labels,
  population,
};
