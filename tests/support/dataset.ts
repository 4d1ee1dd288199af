/** Test helpers: the bundled dataset read from disk with the app's own loader, and small synthetic datasets. */
import * as aq from 'arquero';
import { join } from 'node:path';
import { buildDataset, loadDataset, type DataFiles, type Dataset } from '../../src/lib/data/load.ts';
import type { Figure, Source } from '../../src/lib/data/schema.ts';

const dir = join(import.meta.dirname, '..', '..', 'data');
export const dataFiles: DataFiles = {
  figures: join(dir, 'figures.csv'),
  sources: join(dir, 'sources.csv'),
  areas: join(dir, 'areas.csv'),
  periods: join(dir, 'periods.csv'),
  platforms: join(dir, 'platforms.csv'),
  labels: join(dir, 'platform-labels.csv'),
};

let cached: Promise<Dataset> | undefined;
export const bundledDataset = (): Promise<Dataset> => (cached ??= loadDataset(dataFiles));

/** A figure with defaults, for synthetic tests. */
export const figure = (f: Partial<Figure> & Pick<Figure, 'id'>): Figure => ({
  area: 'a1',
  period_start: '2017-04-03',
  period_end: '2018-03-31',
  measure: 'offences',
  category: '',
  value: 1,
  qualifier: 'exact',
  unit: 'count',
  share_base: '',
  note: '',
  source: 's1',
  evidence: '',
  ...f,
});

/** A dataset of forces a1..aN in one region "r" (members a1..aN), with the given figures and sources. */
export function syntheticDataset(
  figures: Figure[],
  sources: Source[],
  forces = 3,
  periods: [string, string][] = [],
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
    figures: aq.from(figures),
    sources: aq.from(sources),
    areas: aq.from(areaRows),
    periods: aq.from(
      periods.map(([start, end]) => ({ start, end, label: `${start}..${end}`, short: '', kind: 'partial' })),
    ),
    platforms: aq.from([{ id: 'p', name: 'P', owner: 'o', owner_name: 'O' }]),
    labels: aq.from([{ label: 'P', platforms: 'p', owners: 'o', scope: 'platform' }]),
  });
}
