/**
 * Synthetic figures in the shape of data/figures.csv, generated in memory for the scale benchmark only:
 * never written to data/ or shipped. Every row says it is synthetic (id "syn…", source "synthetic").
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { FIGURE_COLUMNS } from '../src/lib/data/schema.ts';

export interface Vocab {
  areas: readonly string[];
  periods: readonly { start: string; end: string }[];
  /** Raw platform labels (categories of platform rows). */
  labels: readonly string[];
}

/** A small, seeded pseudo-random generator (mulberry32), so that every run measures the same rows. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AGE_BANDS = ['11 and under', '12-15', '16 and over', 'unknown'];

/**
 * `n` rows: about 60% offences, 30% platform records, 5% platform_known, 5% victim_age; areas and periods
 * drawn uniformly from the vocabularies; about 2% of values suppressed (empty, qualifier "suppressed").
 */
export function syntheticFigures(n: number, vocab: Vocab, seed = 15): ColumnTable {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const cols: Record<(typeof FIGURE_COLUMNS)[number], unknown[]> = Object.fromEntries(
    FIGURE_COLUMNS.map((c) => [c, new Array(n)]),
  ) as Record<(typeof FIGURE_COLUMNS)[number], unknown[]>;
  const width = String(n).length;
  for (let i = 0; i < n; i++) {
    const u = rnd();
    const measure = u < 0.6 ? 'offences' : u < 0.9 ? 'platform' : u < 0.95 ? 'platform_known' : 'victim_age';
    const period = pick(vocab.periods);
    const suppressed = rnd() < 0.02;
    cols.id[i] = `syn${String(i + 1).padStart(width, '0')}`;
    cols.area[i] = pick(vocab.areas);
    cols.period_start[i] = period.start;
    cols.period_end[i] = period.end;
    cols.measure[i] = measure;
    cols.category[i] =
      measure === 'platform' ? pick(vocab.labels) : measure === 'victim_age' ? pick(AGE_BANDS) : '';
    cols.value[i] = suppressed ? null : Math.floor(rnd() * 200);
    cols.qualifier[i] = suppressed ? 'suppressed' : 'exact';
    cols.unit[i] = 'count';
    cols.share_base[i] = '';
    cols.note[i] = '';
    cols.source[i] = 'synthetic';
    cols.evidence[i] = 'synthetic row';
  }
  return aq.table(cols);
}
