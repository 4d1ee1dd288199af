/**
 * Release 2026-12-04 (data/CHANGELOG.md): the figures it adds are in the current release with their pages and
 * evidence; the release before it, pinned, still loads and shows its own figures, although its files have no
 * `completeness` column; and the figures it marks possibly incomplete are flagged in the views and downloads of
 * the current release, never in the earlier one's.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import { dataFilesIn, figureObjects, loadDataset, type Dataset } from '../../src/lib/data/load.ts';
import { leanFiguresCSV } from '../../build/lean-figures.ts';
import { makeContext, describeFact } from '../../src/lib/views/context.ts';
import type { ViewState } from '../../src/lib/views/state.ts';
import { timeView } from '../../src/lib/views/time.ts';
import { figuresCSV } from '../../src/lib/export/downloads.ts';
import { periodKeyOf } from '../../src/lib/query/period.ts';
import { readText } from '../support/dataset.ts';

const RELEASES = join(import.meta.dirname, '..', '..', 'data', 'releases');
const index = JSON.parse(readFileSync(join(RELEASES, 'index.json'), 'utf8')) as {
  current: { id: string };
  releases: { id: string }[];
};
const CURRENT = index.current.id;
const EARLIER = '2026-12-01-f3c32b';
/** The over-time view of `areas` over every period. */
const over = (areas: string[]): ViewState => ({
  view: 'time',
  areas,
  platforms: [],
  periods: [],
  focus: null,
  likeForLike: false,
  per: 'count',
});
const load = (id: string): Promise<Dataset> => loadDataset(dataFilesIn(join(RELEASES, id)), readText);

/** Each added figure as the pages state it: area, period, measure, category, value, qualifier, page. */
const ADDED: [string, string, string, string, string, number, string, string][] = [
  ['f0891', 'police-scotland', '2014-04-01..2015-03-31', 'offences', '', 354, 'exact', 'thenational.scot'],
  ['f0892', 'police-scotland', '2015-04-01..2016-03-31', 'offences', '', 381, 'exact', 'thenational.scot'],
  ['f0893', 'police-scotland', '2016-04-01..2017-03-31', 'offences', '', 462, 'exact', 'thenational.scot'],
  ['f0897', 'psni', '2016-04-01..2017-03-31', 'offences', '', 19, 'exact', 'irishpost.com'],
  ['f0898', 'psni', '2017-04-03..2018-03-31', 'offences', '', 82, 'exact', 'irishpost.com'],
  [
    'f0899',
    'east-midlands-region',
    '2017-04-03..2023-03-31',
    'offences',
    '',
    2600,
    'at_least',
    'hellorayo.co.uk',
  ],
  ['f0900', 'staffordshire', '2017-04-03..2017-10-02', 'offences', '', 28, 'exact', 'burtonmail.co.uk'],
  ['f0902', 'police-scotland', '2015-04-01..2016-03-31', 'offences', '', 381, 'exact', 'news.stv.tv'],
  ['f0903', 'police-scotland', '2016-04-01..2017-03-31', 'offences', '', 462, 'exact', 'news.stv.tv'],
  [
    'f0904',
    'police-scotland',
    '2019-04-01..2020-03-31',
    'victim_age',
    'under 13',
    334,
    'exact',
    'news.stv.tv',
  ],
  [
    'f0905',
    'police-scotland',
    '2020-04-01..2021-03-31',
    'victim_age',
    'under 13',
    370,
    'exact',
    'news.stv.tv',
  ],
  ['f0906', 'police-scotland', '2014-04-01..2015-03-31', 'offences', '', 354, 'exact', 'itv.com'],
  [
    'f0907',
    'police-scotland',
    '2017-04-03..2018-03-31',
    'victim_age',
    'under 13',
    226,
    'exact',
    'careappointments.com',
  ],
  [
    'f0908',
    'police-scotland',
    '2021-04-01..2022-03-31',
    'victim_age',
    'under 13',
    369,
    'exact',
    'careappointments.com',
  ],
  [
    'f0909',
    'police-scotland',
    '2017-04-01..2023-03-31',
    'victim_age',
    'under 13',
    1873,
    'exact',
    'scotsman.com',
  ],
  ['f0910', 'north-west-region', '2017-04-03..2023-03-31', 'offences', '', 6064, 'exact', 'vlex.co.uk'],
];

describe('release 2026-12-04', () => {
  it('is the current release, after the first', () => {
    expect(CURRENT).toBe('2026-12-04-be7c82');
    expect(index.releases.map((r) => r.id)).toEqual([CURRENT, EARLIER]);
  });

  it('holds the added figures, each with its page and the words it was read from', async () => {
    const ds = await load(CURRENT);
    const byId = new Map(figureObjects(ds.figures).map((f) => [f.id, f]));
    for (const [id, area, period, measure, category, value, qualifier, host] of ADDED) {
      const f = byId.get(id);
      expect(f, id).toBeDefined();
      expect([f!.area, periodKeyOf(f!), f!.measure, f!.category, f!.value, f!.qualifier], id).toEqual([
        area,
        period,
        measure,
        category,
        value,
        qualifier,
      ]);
      expect(new URL(ds.sources.get(f!.source)!.url).hostname.endsWith(host), id).toBe(true);
      expect(f!.evidence.length, id).toBeGreaterThan(10);
      // The numbers the row states are the numbers its evidence quotes.
      expect(f!.evidence.replace(/,/g, ''), id).toContain(String(value));
    }
    // Scotland's and Northern Ireland's years before s.15A are named as such, and of their own kind.
    for (const key of ['2014-04-01..2015-03-31', '2015-04-01..2016-03-31', '2016-04-01..2017-03-31']) {
      const p = ds.periodByKey.get(key)!;
      expect(p.kind).toBe('before_s15a');
      expect(p.label).toMatch(/before s\.15A/);
    }
    expect(ds.areas.get('east-midlands-region')!.members).toEqual([
      'derbyshire',
      'leicestershire',
      'lincolnshire',
      'northamptonshire',
      'nottinghamshire',
    ]);
  });

  it('leaves the earlier release as it was: a pinned page loads it, without the new column, and shows its figures', async () => {
    const earlier = await load(EARLIER);
    const current = await load(CURRENT);
    expect(earlier.figures.numRows()).toBe(890);
    // The loader gives the earlier figures the column, empty: nothing is flagged in a release that had no flag.
    expect(earlier.figures.columnNames()).toEqual(current.figures.columnNames());
    const rows = figureObjects(earlier.figures);
    expect(rows.every((f) => f.completeness === '')).toBe(true);
    // Every figure as its frozen file states it, cell for cell.
    const raw = aq
      .fromCSV(readFileSync(join(RELEASES, EARLIER, 'figures.csv'), 'utf8'), { autoType: false })
      .objects() as Record<string, string | null>[];
    expect(raw[0]).not.toHaveProperty('completeness');
    expect(
      rows.map((f) => [f.id, f.area, f.period_start, f.period_end, f.value, f.qualifier, f.source]),
    ).toEqual(
      raw.map((r) => [
        r.id,
        r.area,
        r.period_start,
        r.period_end,
        r.value == null ? null : Number(r.value),
        r.qualifier,
        r.source,
      ]),
    );
    // Its Hampshire chart: the same values, as plain points joined by the line as that release drew them.
    const view = timeView(makeContext(earlier), over(['hampshire']));
    const years = view.points.filter((p) => p.annual);
    expect(years.map((p) => [p.periodLabel, p.lo, p.incomplete])).toContainEqual(['2020/21', 18, false]);
    expect(years.map((p) => [p.periodLabel, p.lo, p.incomplete])).toContainEqual(['2023/24', 95, false]);
    // And the embed's lean figures of the earlier release load too.
    const lean = leanFiguresCSV(readFileSync(join(RELEASES, EARLIER, 'figures.csv'), 'utf8'));
    expect(lean.split('\n')[0]).not.toContain('completeness');
  });
});

describe('possibly incomplete figures', () => {
  it("break Hampshire's line at 2020/21 and 2023/24, whose notes say possibly partial, and say so", async () => {
    const ds = await load(CURRENT);
    const ctx = makeContext(ds);
    const view = timeView(ctx, over(['hampshire']));
    const year = (label: string) => view.points.find((p) => p.periodLabel === label)!;
    for (const label of ['2020/21', '2023/24']) {
      expect(year(label).incomplete, label).toBe(true);
      expect(year(label).tip).toContain('possibly incomplete');
      expect(view.lines.find((l) => l.period === year(label).period)!.y).toBeNull();
    }
    for (const label of ['2017/18', '2018/19', '2019/20', '2022/23'])
      expect(year(label).incomplete).toBe(false);
    expect(view.lines.find((l) => l.period === year('2019/20').period)!.y).toBe(291);
    expect(view.notes.some((n) => n.includes('possibly incomplete') && n.includes('line stops'))).toBe(true);
    // The download names the flag in a column of its own.
    const csv = aq.fromCSV(
      figuresCSV(
        ctx,
        view.points.flatMap((p) => (p.fact ? [p.fact] : [])),
        'count',
      ),
      { autoType: false },
    );
    const flags = Object.fromEntries(
      (csv.objects() as Record<string, string>[]).map((r) => [r.figure_id, r.completeness ?? '']),
    );
    expect(flags.f0152).toBe('possibly_incomplete');
    expect(flags.f0156).toBe('possibly_incomplete');
    expect(flags.f0151).toBe('');
  });

  it('mark a rate made from one, for the force and for the region computed from its forces', async () => {
    const ctx = makeContext(await load(CURRENT));
    const view = timeView(ctx, { ...over(['hampshire', 'south-east-region']), per: 'u16' });
    const at = (series: string, label: string) =>
      view.points.find((p) => p.series === series && p.periodLabel === label)!;
    expect(at('hampshire', '2020/21').incomplete).toBe(true);
    expect(at('hampshire', '2020/21').tip).toContain('possibly incomplete');
    expect(at('hampshire', '2019/20').incomplete).toBe(false);
    const region = at('south-east-region', '2020/21');
    expect(region.incomplete).toBe(true);
    expect(region.tip).toContain('computed from a figure marked possibly incomplete');
  });

  it('mark a published regional figure and a members sum that include one', async () => {
    const ds = await load(CURRENT);
    const ctx = makeContext(ds);
    const yorkshire = ctx.index.one('yorkshire-and-the-humber-region', 'offences', '2022-04-01..2023-03-31')!;
    expect(describeFact(ds, yorkshire)).toContain('possibly incomplete');
    const view = timeView(
      ctx,
      over(['south-east-region', 'hampshire', 'kent', 'surrey', 'sussex', 'thames-valley']),
    );
    const rows = view.aggregates.flatMap((g) => g.rows);
    const fy2021 = rows.find((r) => r.periodLabel === '2020/21')!;
    expect(fy2021.incomplete).toBe('the sum includes a figure marked possibly incomplete (Hampshire)');
    expect(fy2021.line).toContain('possibly incomplete');
  });

  it('keep the years before s.15A off the line of the s.15A years', async () => {
    const ds = await load(CURRENT);
    const view = timeView(makeContext(ds), over(['police-scotland']));
    const before = view.points.filter((p) => ds.periodByKey.get(p.period)!.kind === 'before_s15a');
    expect(before.map((p) => p.lo)).toEqual([354, 381, 462]);
    expect(before.every((p) => !p.annual)).toBe(true);
    expect(view.lines.some((l) => before.some((p) => p.period === l.period))).toBe(false);
    expect(view.notes.some((n) => n.startsWith('Years before 3 April 2017'))).toBe(true);
  });
});
