/**
 * The explorer's dataset: data/ packed at build time (build/packed-data.ts), the same pack as the embed's,
 * then the figures' notes and evidence, read just after the first chart.
 */
import packed from 'virtual:packed-dataset';
import notes from 'virtual:packed-notes';
import type { DataSource } from './load.ts';

export const bundledFiles: DataSource = { packed, notes };
