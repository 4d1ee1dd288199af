/** URLs of the bundled data files both pages load: all but the figures (see bundled.ts, bundled-embed.ts). */
import sources from '../../../data/sources.csv?url';
import areas from '../../../data/areas.csv?url';
import periods from '../../../data/periods.csv?url';
import platforms from '../../../data/platforms.csv?url';
import labels from '../../../data/platform-labels.csv?url';
import population from '../../../data/population.csv?url';
import type { DataFiles } from './load.ts';

export const sharedFiles: Omit<DataFiles, 'figures'> = {
  sources,
  areas,
  periods,
  platforms,
  labels,
  population,
};
