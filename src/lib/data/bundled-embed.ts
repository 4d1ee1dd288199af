/**
 * The embed page's dataset: data/ packed into one file at build time, without the figures' `note` and
 * `evidence`, which the embed never shows (build/packed-data.ts). Nothing else differs from the explorer's.
 */
import packed from 'virtual:packed-dataset-lean';
import type { DataSource } from './load.ts';

export const embedFiles: DataSource = { packed };
