/**
 * The embed page's dataset: data/ packed at build time (build/packed-data.ts), the figures without their
 * `note` and `evidence`, which the embed never shows.
 */
import packed from 'virtual:packed-dataset';
import type { DataSource } from './load.ts';

export const embedFiles: DataSource = { packed };
