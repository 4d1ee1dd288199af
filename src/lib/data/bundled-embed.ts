/**
 * The embed page's data files: the shared ones, and the figures without the columns only the explorer shows
 * (note and evidence; see build/lean-figures.ts). Nothing else in the embed's files differs.
 */
import figures from 'virtual:figures-lean.csv';
import { sharedFiles } from './bundled-shared.ts';
import type { DataFiles } from './load.ts';

export const embedFiles: DataFiles = { figures, ...sharedFiles };
