/** View models on the real data: what each view says, in words and numbers. */
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledDataset } from '../support/dataset.ts';
import { makeContext, type Context } from '../../src/lib/views/context.ts';
import { vocabularyOf } from '../../src/lib/state/explorer.svelte.ts';
import { defaultState } from '../../src/lib/state/url.ts';
import { type ViewState } from '../../src/lib/views/state.ts';
import { timeView } from '../../src/lib/views/time.ts';
import { forcesView } from '../../src/lib/views/forces.ts';
import { platformView } from '../../src/lib/views/platforms.ts';
import { rateCell } from '../../src/lib/views/measure.ts';
import { summarise } from '../../src/lib/views/summary.ts';
import { factsInView } from '../../src/lib/views/table.ts';
import {
  DATASET_COLUMNS,
  datasetRows,
  downloadColumns,
  downloadRows,
} from '../../src/lib/export/downloads.ts';

let ctx: Context;
let base: ViewState;
beforeAll(async () => {
  ctx = makeContext(await bundledDataset());
  base = defaultState(vocabularyOf(ctx.ds));
});

const FY1718 = '2017-04-03..2018-03-31';

describe('rates in the views', () => {
  it('refuses a UK rate: Scotland and Northern Ireland have no population figure', () => {
    const cell = rateCell(ctx, 'u16', 'united-kingdom', FY1718);
    expect(cell.rate).toBeNull();
    expect(cell.refused).toBe(
      'no population figure for Police Scotland and Police Service of Northern Ireland, so no rate for United Kingdom',
    );
  });

  it("computes Wales's rate from its four reporting forces' children", () => {
    const cell = rateCell(ctx, 'u16', 'wales', FY1718);
    const children = ['dyfed-powys', 'gwent', 'north-wales', 'south-wales']
      .map((id) => ctx.ds.population.get(id)!.children_under_16)
      .reduce((a, b) => a + b);
    expect(cell.covered).toHaveLength(4);
    expect(cell.children).toBe(children);
    expect(cell.rate!.lo).toBeCloseTo((274 / children) * 100_000, 6);
  });

  it('flags a rate for a period that is not a year, and does not annualise it', () => {
    const cell = rateCell(ctx, 'u16', 'hampshire', '2017-04-03..2018-01-02');
    expect(cell.notAYear).toBe(true);
    expect(cell.rate!.lo).toBeCloseTo(
      (62 / ctx.ds.population.get('hampshire')!.children_under_16) * 100_000,
      6,
    );
  });

  it('ranks forces by the chosen measure', () => {
    const counts = forcesView(ctx, { ...base, periods: ['2017-18'] });
    const rates = forcesView(ctx, { ...base, periods: ['2017-18'], per: 'u16' });
    expect(counts.bars[0]!.name).toBe('Greater Manchester');
    expect(rates.bars[0]!.name).toBe('Cleveland');
    expect(rates.subtitle).toContain('per 100,000 children under 16 (ONS mid-2020 estimate)');
    expect(rates.bars).toHaveLength(34);
  });

  it('downloads carry the rate, the count and the population with its source', () => {
    const state = { ...base, areas: ['hampshire'], periods: ['2017-18'], per: 'u16' as const };
    const rows = downloadRows(ctx, factsInView(ctx, state), 'u16');
    expect(downloadColumns('u16')).toEqual(
      expect.arrayContaining(['rate_per_100000', 'children', 'population_source']),
    );
    expect(rows.find((r) => r.measure === 'offences')).toMatchObject({
      value: 152,
      rate_per_100000: 41.8,
      children: 363247,
    });
  });
});

describe('words and gaps', () => {
  it('summarises the selection', () => {
    expect(summarise(ctx, { ...base, areas: ['hampshire'], periods: ['2017-04-03_2018-01-02'] })).toBe(
      'Hampshire · all platforms · 9 months',
    );
    expect(summarise(ctx, base)).toBe('all areas · all platforms · 2017/18 to 2024/25 (8 years)');
  });

  it('keeps gaps as gaps in the over-time view', () => {
    const view = timeView(ctx, { ...base, areas: ['hampshire'] });
    expect(view.gaps.map((g) => g.period)).toContain('2021/22');
    const line = view.lines.find((l) => l.period === '2021-04-01..2022-03-31')!;
    expect(line.y).toBeNull();
  });

  it("names every platform panel's denominator, and what else includes a chosen platform", () => {
    const view = platformView(ctx, {
      ...base,
      areas: ['hampshire'],
      platforms: ['snapchat'],
      periods: ['2017-04-03_2018-01-02'],
    });
    expect(view.panels).toHaveLength(1);
    expect(view.panels[0]!.denominator).toBe(
      '67 platform records (cases where a platform was disclosed) for 62 offences',
    );
    expect(view.panels[0]!.bars.map((b) => b.label)).toEqual(['Snapchat']);
    expect(view.alsoIncluded).toContain('Facebook, Snapchat or Instagram');
  });
});

describe('the full dataset download', () => {
  it('has every published row once, with its own source, and says which one is shown', () => {
    const rows = datasetRows(ctx);
    expect(rows).toHaveLength(890);
    expect(new Set(rows.map((r) => r.figure_id)).size).toBe(890);
    const igwa = rows.filter(
      (r) => r.area === 'Hampshire' && r.category === 'Instagram/WhatsApp' && r.measure === 'platform',
    );
    expect(igwa.map((r) => [r.value, r.preferred]).sort()).toEqual([
      [17, 'no'],
      [17, 'yes'],
      [27, 'no'],
    ]);
    expect(igwa.every((r) => r.sources_disagree === 'yes' && String(r.source_url).startsWith('http'))).toBe(
      true,
    );
    expect(Object.keys(rows[0]!).sort()).toEqual([...DATASET_COLUMNS].sort());
  });
});

describe('empty views offer the nearest selection with figures', () => {
  it('platforms: the chosen area in the nearest period that has platform figures', () => {
    const view = platformView(ctx, { ...base, areas: ['hampshire'], periods: ['2018-19'] });
    expect(view.panels).toEqual([]);
    expect(view.nearest).toEqual({
      label: 'Hampshire, 18 months (Apr 2017–Sep 2018)',
      areas: ['hampshire'],
      periods: ['2017-04-03_2018-09-30'],
    });
  });

  it('over time: every period for the chosen areas, or else the national totals', () => {
    expect(timeView(ctx, { ...base, areas: ['hampshire'], periods: ['2021-22'] }).nearest).toEqual({
      label: 'every period for these areas',
      periods: [],
    });
    expect(timeView(ctx, { ...base, areas: ['bedfordshire'] }).nearest).toEqual({
      label: 'the national totals',
      areas: [],
    });
  });

  it('forces: the period most forces answered', () => {
    const view = forcesView(ctx, { ...base, periods: ['2020-04-01_2020-06-30'] });
    expect(view.bars.length === 0 || view.nearest === null).toBe(true);
    expect(forcesView(ctx, { ...base, periods: ['2016-02-01_2021-03-31'] }).nearest).toEqual({
      label: '2017/18 (34 forces)',
      periods: ['2017-18'],
    });
  });
});
