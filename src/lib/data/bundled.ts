/** The explorer's dataset: data/ packed into one file at build time (build/packed-data.ts). */
import packed from 'virtual:packed-dataset';
import type { DataSource } from './load.ts';

export const bundledFiles: DataSource = { packed };
