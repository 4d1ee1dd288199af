/**
 * View models on the frozen fixture dataset (tests/fixtures/dataset/, real rows that never change): what each
 * view says, in words and numbers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { figure, fixtureDataset, fixtureFiles } from '../support/dataset.ts';
import { figureObjects } from '../../src/lib/data/load.ts';
import type { Figure } from '../../src/lib/data/schema.ts';
import {
  contextInTasks,
  contextOf,
  describeFact,
  displayValue,
  makeContext,
  type Context,
} from '../../src/lib/views/context.ts';
import { coverageView } from '../../src/lib/views/coverage.ts';
import { sourcesView } from '../../src/lib/views/sources.ts';
import { importFigures } from '../../src/lib/import/import.ts';
import { withImported } from '../../src/lib/import/merge.ts';
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
import { FORCES_BY_COUNT_1718 } from '../support/published.ts';

let ctx: Context;
let base: ViewState;
beforeAll(async () => {
  ctx = makeContext(await fixtureDataset());
  base = defaultState(vocabularyOf(ctx.ds));
});

const FY1718 = '2017-04-03..2018-03-31';
const NINE_MONTHS = '2017-04-03_2018-01-02';

/** A fixture row by its id (the ids are those of data/). */
function row(id: string): Figure {
  const f = figureObjects(ctx.ds.figures).find((x) => x.id === id);
  if (!f) throw new Error(`no figure ${id} in the fixture`);
  return f;
}

/** The one fact for an area, measure, period key and category. */
function fact(area: string, measure: Figure['measure'], key: string, category = '') {
  const found = ctx.index.get(area, measure, key).filter((f) => f.preferred.category === category);
  expect(found).toHaveLength(1);
  return found[0]!;
}

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
    expect(counts.bars.map((b) => b.name)).toEqual(FORCES_BY_COUNT_1718);
    // Per child, Cleveland (95 offences) comes first and Greater Manchester (296) third.
    expect(rates.bars.map((b) => b.name)).toEqual([
      'Cleveland',
      'South Wales',
      'Greater Manchester',
      'North Wales',
      'Hampshire',
      'Gwent',
      'Kent',
      'Sussex',
      'Dyfed-Powys',
      'Surrey',
    ]);
    expect(rates.subtitle).toContain('per 100,000 children under 16 (ONS mid-2020 estimate)');
    expect(rates.subtitle).toContain('10 of the 43 forces of England and Wales have a figure for 2017/18');
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
    // The rows of the fixture's figures file, counted from its text, not through the loader.
    const ids = readFileSync(fixtureFiles.figures, 'utf8').match(/^f\d{4},/gm) ?? [];
    expect(ids).toHaveLength(69);
    const rows = datasetRows(ctx);
    expect(rows).toHaveLength(ids.length);
    expect(new Set(rows.map((r) => r.figure_id))).toEqual(new Set(ids.map((id) => id.slice(0, -1))));
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

  it("writes each figure's note and evidence as the page's look-up gives them (read after the first chart)", () => {
    const looked = (f: Figure) =>
      f.id === 'f0020' ? { note: 'from the look-up', evidence: 'page 2' } : { note: '', evidence: '' };
    const full = datasetRows(ctx, looked);
    expect(full.filter((r) => r.note !== '').map((r) => [r.figure_id, r.note, r.evidence])).toEqual([
      ['f0020', 'from the look-up', 'page 2'],
    ]);
    // The figures behind a view: the same look-up, and the preferred figure's own without one.
    const fact = ctx.index.facts.find((f) => f.preferred.id === 'f0020')!;
    expect(downloadRows(ctx, [fact], 'count', looked)[0]).toMatchObject({ note: 'from the look-up' });
    expect(downloadRows(ctx, [fact])[0]).toMatchObject({ note: fact.preferred.note });
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

  it('forces: the lockdown quarter has one force, so bars and no suggestion', () => {
    // Only Dyfed-Powys (11) has a figure of its own for April–June 2020; England and Wales is not a force.
    const view = forcesView(ctx, { ...base, periods: ['2020-04-01_2020-06-30'] });
    expect(view.period?.id).toBe('2020-04-01_2020-06-30');
    expect(view.bars.map((b) => [b.name, b.lo])).toEqual([['Dyfed-Powys', 11]]);
    expect(view.missing).toHaveLength(42);
    expect(view.nearest).toBeNull();
  });

  it('forces: a period no force of England and Wales answered suggests the one most forces did', () => {
    // Police Scotland's six years from 1 April 2017: no force of the 43 has a figure for it.
    const view = forcesView(ctx, { ...base, periods: ['2017-04-01_2023-03-31'] });
    expect(view.bars).toEqual([]);
    expect(view.period).toBeNull();
    expect(view.nearest).toEqual({ label: '2017/18 (10 forces)', periods: ['2017-18'] });
  });
});

describe('coverage', () => {
  it('shows a cell per area and period with a figure somewhere, gaps as gaps', () => {
    const view = coverageView(ctx, {
      ...base,
      view: 'coverage',
      areas: ['hampshire', 'sussex', 'gwent', 'bedfordshire'],
      periods: [NINE_MONTHS, '2017-18', '2020-21', '2021-22'],
    });
    // Areas in the dataset's order; 2021/22 has Sussex's figure, so it stays.
    expect(view.areas.map((a) => a.id)).toEqual(['bedfordshire', 'gwent', 'hampshire', 'sussex']);
    expect(view.periods.map((p) => p.id)).toEqual([NINE_MONTHS, '2017-18', '2020-21', '2021-22']);
    expect(
      view.cells.map((c) => [c.area, c.period.id, c.value, c.qualifier, c.disagree, c.platforms]),
    ).toEqual([
      ['bedfordshire', NINE_MONTHS, null, null, false, false],
      ['bedfordshire', '2017-18', null, null, false, false],
      ['bedfordshire', '2020-21', null, null, false, false],
      ['bedfordshire', '2021-22', null, null, false, false],
      ['gwent', NINE_MONTHS, null, null, false, false],
      ['gwent', '2017-18', '44', 'exact', false, false],
      ['gwent', '2020-21', 'not available', 'not_available', false, false],
      ['gwent', '2021-22', null, null, false, false],
      ['hampshire', NINE_MONTHS, '62', 'exact', false, true],
      ['hampshire', '2017-18', '152', 'exact', false, false],
      ['hampshire', '2020-21', '18', 'exact', false, false],
      ['hampshire', '2021-22', null, null, false, false],
      ['sussex', NINE_MONTHS, null, null, false, false],
      ['sussex', '2017-18', '77', 'exact', true, true],
      ['sussex', '2020-21', '205', 'exact', false, false],
      ['sussex', '2021-22', '187', 'exact', false, false],
    ]);
    expect(view.filled).toBe(8);
    expect(view.subtitle).toBe(
      '8 of 16 area–period cells have a published figure; an empty cell is a gap, not zero.',
    );
    const tip = (area: string, period: string) =>
      view.cells.find((c) => c.area === area && c.period.id === period)?.tip;
    expect(tip('bedfordshire', '2017-18')).toBe('Bedfordshire, 2017/18 · no published figure');
    expect(tip('sussex', '2017-18')).toBe(
      'Sussex, 2017/18 · offences: 77 · source: On the Wight (undated) · sources disagree: also published as 33',
    );
  });

  it('drops periods in which none of the chosen areas has a figure', () => {
    const view = coverageView(ctx, { ...base, view: 'coverage', areas: ['bedfordshire', 'hampshire'] });
    // Hampshire has no 2021/22 figure and Bedfordshire none at all: seven of the eight years remain.
    expect(view.periods.map((p) => p.id)).toEqual([
      '2017-18',
      '2018-19',
      '2019-20',
      '2020-21',
      '2022-23',
      '2023-24',
      '2024-25',
    ]);
    expect(view.cells.filter((c) => c.area === 'bedfordshire').every((c) => c.value === null)).toBe(true);
    expect(view.cells.filter((c) => c.area === 'hampshire').map((c) => c.value)).toEqual([
      '152',
      '181',
      '291',
      '18',
      '279',
      '95',
      '200 or more',
    ]);
    expect(view.subtitle).toMatch(/^7 of 14 area–period cells/);
  });
});

describe('sources and notes', () => {
  it('lists each page behind the view with its count of figures, and where sources disagree', () => {
    const view = sourcesView(ctx, { ...base, areas: ['hampshire'], periods: [NINE_MONTHS] });
    // The 15 Hampshire rows for the first nine months, every row of every fact, by page.
    expect(view.sources.map((s) => [s.id, s.publisher, s.figures])).toEqual([
      ['s049', 'On the Wight', 8],
      ['s050', 'Portsmouth News', 4],
      ['s051', 'Basingstoke Gazette', 3],
    ]);
    expect(view.sources[0]!.url).toBe(
      'https://onthewight.com/facebook-used-in-40-of-the-regions-online-grooming-cases/',
    );
    expect(view.conflicts.map((c) => c.text)).toEqual([
      'Hampshire, First nine months (Apr 2017–Jan 2018), platform_share "Facebook-owned apps": shown 40.2%; ' +
        'published as 40.2% (On the Wight), 40% or more (Basingstoke Gazette)',
      'Hampshire, First nine months (Apr 2017–Jan 2018), platform "Instagram/WhatsApp": shown 17; ' +
        'published as 17 (On the Wight), 27 (Portsmouth News), 17 (Basingstoke Gazette)',
    ]);
    expect(view.conflicts.map((c) => c.fact.preferred.id)).toEqual(['f0140', 'f0133']);
    // Beyond the two caveats every view carries: overlapping periods, platform records, percentages.
    expect(view.caveats).toHaveLength(5);
    expect(view.caveats.slice(2).map((c) => c.split(' ')[0])).toEqual(['Some', 'Platform', 'Percentages']);
  });

  it('adds the caveats for Police Scotland, suppressed cells and lower bounds when they are in view', () => {
    const view = sourcesView(ctx, {
      ...base,
      areas: ['northamptonshire', 'police-scotland'],
      periods: ['2017-18', '2024-25'],
    });
    expect(view.sources.map((s) => [s.publisher, s.figures])).toEqual([
      ['Northamptonshire Police', 2],
      ['Care Appointments', 1],
    ]);
    expect(view.conflicts).toEqual([]);
    expect(view.caveats.slice(2)).toEqual([
      // The area's own note in areas.csv, for a force that counts another offence than s.15A.
      "Police Scotland: Figures count Scotland's 'communicating indecently with a child' (Sexual Offences (Scotland) Act 2009), not s.15A; that offence predates April 2017.",
      'Suppressed cells ("*") hide small numbers: a total with a suppressed part is a range.',
      '"More than" figures are lower bounds.',
    ]);
  });
});

describe('a figure in words', () => {
  it('displays each qualifier as a reader should read it, and percentages with their sign', () => {
    expect(displayValue(row('f0127'))).toBe('62');
    expect(displayValue(row('f0482'))).toBe('3,171');
    expect(displayValue(row('f0157'))).toBe('200 or more');
    expect(displayValue(row('f0148'))).toBe('≈ 992');
    expect(displayValue(row('f0260'))).toBe('suppressed');
    expect(displayValue(row('f0119'))).toBe('not available');
    expect(displayValue(row('f0140'))).toBe('40.2%');
    expect(displayValue(row('f0141'))).toBe('40% or more');
    expect(displayValue({ value: 33, qualifier: 'approximate', unit: 'percent' })).toBe('≈ 33%');
    expect(displayValue({ value: 1628, qualifier: 'exact', unit: 'percent' })).toBe('1,628%');
  });

  it('describes a fact with its qualifier, period, area, source and date', () => {
    const ds = ctx.ds;
    expect(describeFact(ds, fact('hampshire', 'offences', '2024-04-01..2025-03-31'))).toBe(
      'Hampshire, 2024/25 · offences: 200 or more (at least (a lower bound)) · source: Greatest Hits Radio South Coast (Rayo), 2025-11-13',
    );
    expect(describeFact(ds, fact('hampshire', 'offences', '2017-04-03..2023-03-31'))).toBe(
      // Flagged: "Hampshire did not provide 2021/22".
      'Hampshire, Six years 2017/18–2022/23 · offences: ≈ 992 (approximate) · possibly incomplete · source: Portsmouth News (portsmouth.uk copy) (undated)',
    );
    const suppressed = fact('northamptonshire', 'victim_age', '2024-04-01..2025-03-31', '11 and under');
    expect(describeFact(ds, suppressed, 'victims aged 11 and under')).toBe(
      'Northamptonshire, 2024/25 · victims aged 11 and under: suppressed (suppressed by the source) · source: Northamptonshire Police, 2025-10',
    );
    expect(describeFact(ds, fact('england-and-wales', 'offences', FY1718))).toBe(
      'England and Wales, 2017/18 · offences: 3,217 · source: NSPCC (undated) · sources disagree: also published as 3,171',
    );
  });

  it('writes each other reading of a fact of many rows once, in preference order, and never the one shown', () => {
    const at = (id: string, value: number | null, more: Partial<Figure> = {}) =>
      figure({ id, area: 'hampshire', period_start: '2017-04-03', period_end: '2018-03-31', value, ...more });
    const alternatives = [
      at('f2', 33),
      at('f3', 62),
      at('f4', 33, { qualifier: 'at_least' }),
      at('f5', 33),
      at('u1', 33),
      at('f6', 200, { qualifier: 'at_least' }),
      at('f7', 33, { unit: 'percent' }),
      at('f8', null, { qualifier: 'suppressed' }),
      at('f9', 33, { qualifier: 'at_least' }),
      at('u2', 33),
    ];
    const many = { key: 'k', preferred: at('f1', 62), alternatives, disagree: true };
    expect(describeFact(ctx.ds, many)).toBe(
      'Hampshire, 2017/18 · offences: 62 · source: source unknown · sources disagree: also published as ' +
        '33, 33 or more, 33 (your data), 200 or more, 33%, suppressed',
    );
  });

  it("marks the person's own figures: alone, agreeing, or disagreeing with the published ones", () => {
    const imported = importFigures(
      'area,period_start,period_end,measure,value,source_url\n' +
        'Kent,2017-04-03,2018-03-31,offences,122,https://example.org/reply\n' +
        'Surrey,2017-04-03,2018-03-31,offences,30,https://example.org/reply\n' +
        'Bedfordshire,2017-04-03,2018-03-31,offences,41,https://example.org/reply\n',
      ctx.ds,
      { fileName: 'mine.csv' },
    );
    if (!imported.ok) throw new Error(imported.error);
    const mine = makeContext(withImported(ctx.ds, imported));
    const words = (area: string) => describeFact(mine.ds, mine.index.one(area, 'offences', FY1718)!);
    expect(words('bedfordshire')).toBe(
      'Your data: Bedfordshire, 2017/18 · offences: 41 · source: example.org (undated)',
    );
    expect(words('kent')).toBe(
      'Kent, 2017/18 · offences: 122 · source: On the Wight (undated) · your data agrees',
    );
    expect(words('surrey')).toBe(
      'Surrey, 2017/18 · offences: 27 · source: On the Wight (undated) · sources disagree: also published as 30 (your data)',
    );
  });
});

describe('the context made over several tasks', () => {
  it('is the context made at once, kept for the dataset, with the work split between tasks', async () => {
    const ds = await fixtureDataset();
    let tasks = 0;
    const ctxInTasks = await contextInTasks(ds, async () => void tasks++);
    expect(tasks).toBeGreaterThanOrEqual(2);
    expect(ctxInTasks.index.facts).toEqual(makeContext(ds).index.facts);
    // Made once: the pages' look-up finds the same context, with no work left to do.
    expect(contextOf(ds)).toBe(ctxInTasks);
    expect(await contextInTasks(ds, async () => void tasks++)).toBe(ctxInTasks);
    expect(tasks).toBe(2);
  });
});
