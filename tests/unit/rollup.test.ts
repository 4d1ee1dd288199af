import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { beforeAll, describe, expect, it } from 'vitest';
import { figure, fixtureDataset } from '../support/dataset.ts';
import type { Dataset } from '../../src/lib/data/load.ts';
import { emptySelection, type Selection } from '../../src/lib/query/filter.ts';
import { resolveFacts } from '../../src/lib/query/resolve.ts';
import { offencesByPeriodRows } from '../../src/lib/query/rollup.ts';

const FY1718 = '2017-04-03..2018-03-31';
const NINE_MONTHS = '2017-04-03..2018-01-02';
const WELSH = ['dyfed-powys', 'gwent', 'north-wales', 'south-wales'];

const select = (areas: string[], periods: string[]): Selection => ({
  ...emptySelection(),
  areas: new Set(areas),
  periods: new Set(periods),
});

let ds: Dataset;
/** One row per fact: the preferred figures. */
let preferred: ColumnTable;
beforeAll(async () => {
  ds = await fixtureDataset();
  preferred = aq.from(resolveFacts(ds.figures, ds.sources).map((f) => f.preferred));
});

describe('offencesByPeriod on the fixture figures', () => {
  it('sums the four Welsh forces in 2017/18 to 274', () => {
    expect(offencesByPeriodRows(preferred, select(WELSH, [FY1718]))).toEqual([
      { period_start: '2017-04-03', period_end: '2018-03-31', value: 274, count: 4, valid: 4 },
    ]);
  });

  it('adds every row it is given: on the raw table each page counts again', () => {
    // Hampshire's 62 offences in the first nine months are on two pages (f0127, f0128).
    const [row] = offencesByPeriodRows(ds.figures, select(['hampshire'], [NINE_MONTHS]));
    expect(row).toMatchObject({ value: 62 * 2, count: 2 });
    expect(offencesByPeriodRows(preferred, select(['hampshire'], [NINE_MONTHS]))[0]).toMatchObject({
      value: 62,
      count: 1,
    });
  });

  it('keeps overlapping periods apart, ordered by start then end', () => {
    const rows = offencesByPeriodRows(preferred, select(['hampshire'], [FY1718, NINE_MONTHS]));
    expect(rows.map((r) => `${r.period_start}..${r.period_end}`)).toEqual([NINE_MONTHS, FY1718]);
    expect(rows[0]).toMatchObject({ value: 62, count: 1 });
  });

  it('ignores the platform selection and rows of other measures', () => {
    const withPlatform = { ...select(WELSH, [FY1718]), platforms: new Set(['snapchat']) };
    expect(offencesByPeriodRows(preferred, withPlatform)[0]?.value).toBe(274);
  });

  it('treats an empty set as every area or every period', () => {
    const all = offencesByPeriodRows(preferred, emptySelection());
    const periods = new Set(all.map((r) => `${r.period_start}..${r.period_end}`));
    expect(periods.size).toBe(all.length);
    const offences = (preferred.array('measure') as string[]).filter((m) => m === 'offences').length;
    expect(all.reduce((n, r) => n + r.count, 0)).toBe(offences);
  });
});

describe('offencesByPeriod on small tables', () => {
  it('gives null, not zero, when no row of a period carries a number', () => {
    const t = aq.from([
      figure({ id: 'f1', value: null, qualifier: 'suppressed' }),
      figure({ id: 'f2', period_end: '2018-01-02', value: 3 }),
      figure({ id: 'f3', period_end: '2018-01-02', value: null, qualifier: 'suppressed' }),
    ]);
    expect(offencesByPeriodRows(t, emptySelection())).toEqual([
      { period_start: '2017-04-03', period_end: '2018-01-02', value: 3, count: 2, valid: 1 },
      { period_start: '2017-04-03', period_end: '2018-03-31', value: null, count: 1, valid: 0 },
    ]);
  });

  it('reads the selection as data, never as expression text', () => {
    const t = aq.from([figure({ id: 'f1', area: 'a1', value: 5 })]);
    const hostile = select([`a1' || true || '`, `") || true || ("`], []);
    expect(offencesByPeriodRows(t, hostile)).toEqual([]);
    expect(offencesByPeriodRows(t, select(['a1'], []))[0]?.value).toBe(5);
  });
});
