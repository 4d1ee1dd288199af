/**
 * Test helpers: the datasets read from disk with the app's own loader, packed as the pages load them (the live
 * data/ for the tests that check published figures, the frozen fixture for everything else), and small
 * synthetic datasets.
 */
import * as aq from 'arquero';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  buildDataset,
  dataFilesIn,
  loadDataset,
  type DataFiles,
  type Dataset,
} from '../../src/lib/data/load.ts';
import { FIGURE_COLUMNS, type Figure, type Population, type Source } from '../../src/lib/data/schema.ts';
import { packDataDir } from '../../build/packed-data.ts';
import type { Fact } from '../../src/lib/query/resolve.ts';

/** The live dataset in data/: only for tests of the published figures themselves (seed release, data check, rates). */
/** Reads a data file from disk, whole: the loader's reader in Node. */
export const readText = (path: string): Promise<string> => readFile(path, 'utf8');

export const dataFiles: DataFiles = dataFilesIn(join(import.meta.dirname, '..', '..', 'data'));

/** A folder's dataset as the pages load it: packed into one file (build/packed-data.ts), then read back. */
const loadPacked = (dir: string): Promise<Dataset> =>
  loadDataset({ packed: 'dataset.json' }, () => packDataDir(dir));

let cached: Promise<Dataset> | undefined;
export const bundledDataset = (): Promise<Dataset> =>
  (cached ??= loadPacked(join(import.meta.dirname, '..', '..', 'data')));

/** The frozen fixture dataset (tests/fixtures/dataset/README.md): a small copy of real rows that never changes. */
export const FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures', 'dataset');
export const fixtureFiles: DataFiles = dataFilesIn(FIXTURE_DIR);

let fixture: Promise<Dataset> | undefined;
export const fixtureDataset = (): Promise<Dataset> => (fixture ??= loadPacked(FIXTURE_DIR));

/** A figure with defaults, for synthetic tests. */
export const figure = (f: Partial<Figure> & Pick<Figure, 'id'>): Figure => ({
  area: 'a1',
  period_start: '2017-04-03',
  period_end: '2018-03-31',
  measure: 'offences',
  category: '',
  value: 1,
  qualifier: 'exact',
  completeness: '',
  unit: 'count',
  share_base: '',
  note: '',
  source: 's1',
  evidence: '',
  ...f,
});

/** A population row with defaults (ONS-like provenance), for synthetic tests. */
export const population = (p: Partial<Population> & Pick<Population, 'area'>): Population => ({
  reference_date: '2020-06-30',
  children_under_16: 100_000,
  children_under_18: 110_000,
  all_ages: 500_000,
  source_name: 'ONS mid-2020 population estimates (released 25 June 2021)',
  source_url: 'https://www.ons.gov.uk/',
  licence: 'Open Government Licence v3.0',
  credit: 'Source: Office for National Statistics',
  method: '',
  ...p,
});

/**
 * A dataset of forces a1..aN in one region "r" (members a1..aN), with the given figures and sources, and
 * population figures for the forces named in `populations` only (none by default).
 */
export function syntheticDataset(
  figures: Figure[],
  sources: Source[],
  forces = 3,
  periods: [string, string][] = [],
  populations: Population[] = [],
): Dataset {
  const ids = Array.from({ length: forces }, (_, i) => `a${i + 1}`);
  const areaRows = [
    ...ids.map((id) => ({
      id,
      name: id.toUpperCase(),
      type: 'force',
      region: 'R',
      nation: 'england',
      ew43: '0',
      tile_col: '',
      tile_row: '',
      members: '',
      aliases: '',
      note: '',
    })),
    {
      id: 'r',
      name: 'R',
      type: 'region',
      region: '',
      nation: 'england',
      ew43: '0',
      tile_col: '',
      tile_row: '',
      members: ids.join(';'),
      aliases: '',
      note: '',
    },
  ];
  return buildDataset({
    // An empty list gives a table with no columns; keep the figure columns so that queries still run.
    figures: figures.length
      ? aq.from(figures)
      : aq.table(Object.fromEntries(FIGURE_COLUMNS.map((c) => [c, []]))),
    sources: aq.from(sources),
    areas: aq.from(areaRows),
    periods: aq.from(
      periods.map(([start, end]) => ({ start, end, label: `${start}..${end}`, short: '', kind: 'partial' })),
    ),
    platforms: aq.from([{ id: 'p', name: 'P', owner: 'o', owner_name: 'O' }]),
    labels: aq.from([{ label: 'P', platforms: 'p', owners: 'o', scope: 'platform' }]),
    population: aq.from(populations),
  });
}

/**
 * A fact's fields as a plain object: resolveFacts writes a key and its alternatives when first read. They are
 * read here from the last fact to the first, so that one fact's reading cannot lean on another's.
 */
export function plainFacts(facts: readonly Fact[]): Fact[] {
  const alternatives = facts.map((_, i) => facts[facts.length - 1 - i]!.alternatives).reverse();
  return facts.map((f, i) => ({
    key: f.key,
    preferred: f.preferred,
    alternatives: alternatives[i]!,
    disagree: f.disagree,
  }));
}
