/** URLs of the bundled data files, emitted by Vite as hashed assets beside the app: the explorer's set. */
import figures from '../../../data/figures.csv?url';
import { sharedFiles } from './bundled-shared.ts';
import type { DataFiles } from './load.ts';

export const bundledFiles: DataFiles = { figures, ...sharedFiles };
