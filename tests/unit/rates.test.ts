/**
 * Rates per 100,000 children: known figures from the bundled files, the refusals, and properties on generated
 * data (never over a missing denominator, never over an overlapping sum).
 */
import { beforeAll, describe, expect, it } from 'vitest';

import fc from 'fast-check';
import { disjointPeriods, overlappingPair } from '../support/arbitraries.ts';

import { readFileSync } from 'node:fs';

import { join } from 'node:path';

import * as aq from 'arquero';
import { bundledDataset, figure, population, syntheticDataset } from '../support/dataset.ts';

import type { Dataset } from '../../src/lib/data/load.ts';
import type { Figure, Population, Source } from '../../src/lib/data/schema.ts';
import { resolveFacts } from '../../src/lib/query/resolve.ts';

import { FactIndex } from '../../src/lib/query/facts.ts';

import { addEstimates, estimateOf } from '../../src/lib/query/estimate.ts';

import { OverlapError, durationDays, periodKey } from '../../src/lib/query/period.ts';

import { RATE_WORDING, SMALL_BASE, aggregateRate, forceRate, rateOf } from '../../src/lib/query/rates.ts';
import { forceRateAcrossPeriods } from '../../src/lib/query/span-rates.ts';
import { formatRate } from '../../src/lib/words/numbers.ts';

const NINE_MONTHS = '2017-04-03..2018-01-02';
const FY1718 = '2017-04-03..2018-03-31';
const FY1819 = '2018-04-01..2019-03-31';
const FY2021 = '2020-04-01..2021-03-31';
const FY2425 = '2024-04-01..2025-03-31';

const exact = (n: number) => estimateOf(n, 'exact')!;
const per100k = (count: number, children: number) => (count / children) * 100_000;

/** The population file's row for a force, read as text (not through the loader). */
function populationCell(area: string, column: string): number {
  const text = readFileSync(join(import.meta.dirname, '..', '..', 'data', 'population.csv'), 'utf8');
  const table = aq.fromCSV(text, { autoType: false });
  const row = (table.objects() as Record<string, string>[]).find((r) => r.area === area);
  if (!row) throw new Error(`no population row for ${area}`);
  return Number(row[column]);
}

const S1: Source = { id: 's1', url: 'https://example.org/s1', kind: 'nspcc', publisher: 's1', date: '' };
const indexOf = (ds: Dataset) => new FactIndex(resolveFacts(ds.figures, ds.sources));

describe('rateOf and formatRate', () => {
  it('152 offences over 363,247 children under 16 is 41.8 per 100,000', () => {
    const r = rateOf(exact(152), 363_247);
    expect(r.lo).toBeCloseTo(41.845, 3);
    expect(r.hi).toBe(r.lo);
    expect(formatRate(r)).toBe('41.8');
    expect(r).toMatchObject({ approximate: false, suppressed: false, atLeast: false, children: 363_247 });
  });

  it('an "at least" count gives a lower bound with no upper end', () => {
    const r = rateOf(estimateOf(200, 'at_least')!, 363_247);
    expect(r.lo).toBeCloseTo(per100k(200, 363_247), 10);
    expect(r.hi).toBe(Infinity);
    expect(r.atLeast).toBe(true);
    expect(formatRate(r)).toBe('55.1 or more');
  });

  it('a suppressed count gives a range, never a point or zero', () => {
    const alone = rateOf(estimateOf(null, 'suppressed', 9)!, 100_000);
    expect(alone).toMatchObject({ lo: 0, hi: 9, suppressed: true });
    expect(formatRate(alone)).toBe('0.0 to 9.0 (1 suppressed part)');
    const withKnown = rateOf(addEstimates(exact(40), estimateOf(null, 'suppressed', 4)!), 200_000);
    expect(withKnown.lo).toBeCloseTo(20, 10);
    expect(withKnown.hi).toBeCloseTo(22, 10);
    expect(formatRate(withKnown)).toBe('20.0 to 22.0 (1 suppressed part)');
    const unbounded = rateOf(estimateOf(null, 'suppressed')!, 100_000);
    expect(unbounded.hi).toBe(Infinity);
  });

  it('an approximate count gives an approximate rate', () => {
    const r = rateOf(estimateOf(992, 'approximate')!, 363_247);
    expect(r.approximate).toBe(true);
    expect(formatRate(r)).toBe('≈ 273.1');
  });

  it('refuses to divide by a missing, zero or negative denominator', () => {
    for (const children of [0, -5, NaN, Infinity])
      expect(() => rateOf(exact(10), children)).toThrow(RangeError);
  });
});

describe('bundled figures', () => {
  let ds: Dataset;
  let index: FactIndex;
  beforeAll(async () => {
    ds = await bundledDataset();
    index = indexOf(ds);
  });

  it('loads one population row for each of the 43 forces of England and Wales, and none for the others', () => {
    const ew43 = [...ds.areas.values()].filter((a) => a.ew43).map((a) => a.id);
    expect([...ds.population.keys()].sort()).toEqual(ew43.sort());
    expect(ds.population.has('police-scotland')).toBe(false);
    expect(ds.population.has('psni')).toBe(false);
  });

  it('Hampshire 2017/18: 152 offences over the under-16 figure in the file is 41.8', () => {
    const children = populationCell('hampshire', 'children_under_16');
    expect(ds.population.get('hampshire')?.children_under_16).toBe(children);
    const r = forceRate(ds, index, 'hampshire', FY1718, 'under16');
    expect(r.refused).toBeUndefined();
    expect(r.count?.preferred.value).toBe(152);
    expect(r.children).toBe(children);
    expect(r.rate?.lo).toBeCloseTo(per100k(152, children), 10);
    expect(formatRate(r.rate!)).toBe('41.8');
    expect(r).toMatchObject({ base: 'under16', notAYear: false, smallBase: false, periodDays: 363 });
    expect(r.wording).toBe('per 100,000 children under 16 (ONS mid-2020 estimate)');
  });

  it('the under-18 base divides by children under 18', () => {
    const children = populationCell('hampshire', 'children_under_18');
    const r = forceRate(ds, index, 'hampshire', FY1718, 'under18');
    expect(r.children).toBe(children);
    expect(r.rate?.lo).toBeCloseTo(per100k(152, children), 10);
    expect(r.wording).toBe(RATE_WORDING.under18);
    expect(r.wording).toBe('per 100,000 children under 18 (ONS mid-2020 estimate)');
  });

  it('a rate for the first nine months is flagged as not a year and not annualised', () => {
    const children = populationCell('hampshire', 'children_under_16');
    const r = forceRate(ds, index, 'hampshire', NINE_MONTHS, 'under16');
    expect(r.count?.preferred.value).toBe(62);
    expect(r.periodDays).toBe(275);
    expect(r.notAYear).toBe(true);
    expect(r.rate?.lo).toBeCloseTo(per100k(62, children), 10);
    expect(r.rate?.lo).not.toBeCloseTo(per100k(62 * (365 / 275), children), 1);
  });

  it('Hampshire 2024/25 "at least 200" gives a lower-bound rate', () => {
    const r = forceRate(ds, index, 'hampshire', FY2425, 'under16');
    expect(r.count?.preferred.qualifier).toBe('at_least');
    expect(r.rate).toMatchObject({ atLeast: true, hi: Infinity });
    expect(formatRate(r.rate!)).toMatch(/ or more$/);
  });

  it('Gwent 2020/21 "n/a": no rate, not available', () => {
    const r = forceRate(ds, index, 'gwent', FY2021, 'under16');
    expect(r.rate).toBeNull();
    expect(r.refused).toBe('not available');
    expect(r.count?.preferred.qualifier).toBe('not_available');
  });

  it('no rate for Police Scotland or PSNI, though both have counts', () => {
    const scotland = forceRate(ds, index, 'police-scotland', FY1718, 'under16');
    expect(scotland.count?.preferred.value).toBe(429);
    expect(scotland.rate).toBeNull();
    expect(scotland.children).toBeNull();
    expect(scotland.refused).toBe('no population figure for Police Scotland');
    const ni = forceRate(ds, index, 'psni', FY1718, 'under18');
    expect(ni.count?.preferred.value).toBe(82);
    expect(ni.rate).toBeNull();
    expect(ni.refused).toBe('no population figure for Police Service of Northern Ireland');
  });

  it('the City of London is a small base (about 1,700 children), and has no figure of its own', () => {
    const r = forceRate(ds, index, 'city-of-london', FY1718, 'under16');
    expect(r.children).toBe(populationCell('city-of-london', 'children_under_16'));
    expect(r.children!).toBeLessThan(SMALL_BASE);
    expect(r.smallBase).toBe(true);
    expect(r.rate).toBeNull();
    expect(r.refused).toBe('no figure for this period');
    expect(forceRate(ds, index, 'hampshire', FY1718, 'under16').smallBase).toBe(false);
  });

  it('Wales 2017/18: 274 offences over the children of its four forces', () => {
    const r = aggregateRate(ds, index, 'wales', FY1718, 'under16');
    const members = ['dyfed-powys', 'gwent', 'north-wales', 'south-wales'];
    const children = members.reduce((s, id) => s + populationCell(id, 'children_under_16'), 0);
    expect(r.covered.sort()).toEqual(members);
    expect(r.missing).toEqual([]);
    expect(r.noPopulation).toEqual([]);
    expect(r.count?.lo).toBe(274);
    expect(r.children).toBe(children);
    expect(r.rate?.lo).toBeCloseTo(per100k(274, children), 10);
  });

  it('South West 2017/18: Avon and Somerset has no figure, so neither its count nor its children count', () => {
    const r = aggregateRate(ds, index, 'south-west-region', FY1718, 'under16');
    expect(r.missing).toEqual(['avon-and-somerset']);
    expect(r.covered).not.toContain('avon-and-somerset');
    const children = r.covered.reduce((s, id) => s + populationCell(id, 'children_under_16'), 0);
    expect(r.children).toBe(children);
    const counts = r.facts.reduce((s, f) => s + f.preferred.value!, 0);
    expect(r.count?.lo).toBe(counts);
    expect(r.rate?.lo).toBeCloseTo(per100k(counts, children), 10);
  });

  it('United Kingdom 2017/18: Police Scotland and PSNI are left out of both sides', () => {
    const r = aggregateRate(ds, index, 'united-kingdom', FY1718, 'under16');
    expect(r.noPopulation.sort()).toEqual(['police-scotland', 'psni']);
    expect(r.covered).not.toContain('police-scotland');
    expect(r.covered).not.toContain('psni');
    expect(r.covered).toHaveLength(34);
    expect(r.children).toBe(r.covered.reduce((s, id) => s + ds.population.get(id)!.children_under_16, 0));
  });

  it('adds disjoint years (Hampshire 2017/18 + 2018/19 = 333) into one rate for the span, not annualised', () => {
    const children = populationCell('hampshire', 'children_under_16');
    const r = forceRateAcrossPeriods(ds, index, 'hampshire', [FY1718, FY1819], 'under16');
    expect(r.count?.lo).toBe(333);
    expect(r.periodDays).toBe(728);
    expect(r.notAYear).toBe(true);
    expect(r.rate?.lo).toBeCloseTo(per100k(333, children), 10);
  });

  it('refuses a rate over overlapping periods, even for an area that would have no rate anyway', () => {
    expect(() => forceRateAcrossPeriods(ds, index, 'hampshire', [NINE_MONTHS, FY1718], 'under16')).toThrow(
      OverlapError,
    );
    expect(() =>
      forceRateAcrossPeriods(ds, index, 'police-scotland', [NINE_MONTHS, FY1718], 'under16'),
    ).toThrow(OverlapError);
  });

  it('keeps forces and aggregates apart', () => {
    expect(() => forceRate(ds, index, 'wales', FY1718, 'under16')).toThrow(/use aggregateRate/);
    expect(() => aggregateRate(ds, index, 'gwent', FY1718, 'under16')).toThrow(/use forceRate/);
    expect(() => forceRate(ds, index, 'atlantis', FY1718, 'under16')).toThrow(/Unknown area/);
    expect(() => forceRate(ds, index, 'gwent', '2017/18', 'under16')).toThrow(/Not a period/);
  });
});

describe('synthetic regions', () => {
  const offences = (area: string, value: number | null, qualifier: Figure['qualifier'] = 'exact') =>
    figure({ id: `f-${area}`, area, value, qualifier });

  it('a region rate uses only the forces that reported, and names the missing one', () => {
    const ds = syntheticDataset(
      [offences('a1', 10), offences('a2', 20), offences('a4', 1000)],
      [S1],
      4,
      [],
      [
        population({ area: 'a1', children_under_16: 50_000 }),
        population({ area: 'a2', children_under_16: 100_000 }),
        population({ area: 'a3', children_under_16: 70_000 }),
      ],
    );
    const r = aggregateRate(ds, indexOf(ds), 'r', FY1718, 'under16');
    expect(r.covered).toEqual(['a1', 'a2']);
    expect(r.missing).toEqual(['a3']);
    expect(r.noPopulation).toEqual(['a4']);
    expect(r.count?.lo).toBe(30);
    expect(r.children).toBe(150_000);
    expect(formatRate(r.rate!)).toBe('20.0');
  });

  it('refuses a region whose forces all lack population figures', () => {
    const ds = syntheticDataset([offences('a1', 10), offences('a2', 20)], [S1], 2);
    const r = aggregateRate(ds, indexOf(ds), 'r', FY1718, 'under16');
    expect(r.rate).toBeNull();
    expect(r.children).toBeNull();
    expect(r.covered).toEqual([]);
    expect(r.noPopulation).toEqual(['a1', 'a2']);
    expect(r.refused).toBe('no population figure for any force in R');
  });

  it('refuses a region where no force with a population figure reported', () => {
    const ds = syntheticDataset([offences('a2', 20)], [S1], 2, [], [population({ area: 'a1' })]);
    const r = aggregateRate(ds, indexOf(ds), 'r', FY1718, 'under16');
    expect(r.rate).toBeNull();
    expect(r.refused).toBe('no figure for this period');
    expect(r.missing).toEqual(['a1']);
    expect(r.noPopulation).toEqual(['a2']);
  });

  it('a suppressed force makes the region rate a range', () => {
    const ds = syntheticDataset(
      [offences('a1', 10), offences('a2', null, 'suppressed')],
      [S1],
      2,
      [],
      [population({ area: 'a1' }), population({ area: 'a2' })],
    );
    const r = aggregateRate(ds, indexOf(ds), 'r', FY1718, 'under16');
    expect(r.covered).toEqual(['a1', 'a2']);
    expect(r.rate).toMatchObject({ lo: 5, suppressed: true });
    expect(r.rate!.hi).toBeGreaterThan(r.rate!.lo);
  });

  it('flags a small base where a small force has a figure', () => {
    const ds = syntheticDataset(
      [offences('a1', 3)],
      [S1],
      1,
      [],
      [population({ area: 'a1', children_under_16: 1_679 })],
    );
    const r = forceRate(ds, indexOf(ds), 'a1', FY1718, 'under16');
    expect(r.smallBase).toBe(true);
    expect(r.rate?.lo).toBeCloseTo(per100k(3, 1_679), 10);
  });
});

describe('properties', () => {
  /** Per force: its children (or none) and its count (none, "not available", or a number). */
  const forceArb = fc.record({
    children: fc.option(fc.integer({ min: 1, max: 2_000_000 }), { nil: null }),
    count: fc.oneof(fc.constant<'none' | 'na'>('none'), fc.constant<'none' | 'na'>('na'), fc.nat(5_000)),
  });

  it('a rate is never computed over a missing denominator', () => {
    fc.assert(
      fc.property(fc.array(forceArb, { minLength: 1, maxLength: 7 }), (forces) => {
        const ids = forces.map((_, i) => `a${i + 1}`);
        const figures: Figure[] = [];
        const populations: Population[] = [];
        forces.forEach((f, i) => {
          const area = ids[i]!;
          if (f.count === 'na')
            figures.push(figure({ id: `f${i}`, area, value: null, qualifier: 'not_available' }));
          else if (f.count !== 'none') figures.push(figure({ id: `f${i}`, area, value: f.count }));
          if (f.children != null) populations.push(population({ area, children_under_16: f.children }));
        });
        const ds = syntheticDataset(figures, [S1], forces.length, [], populations);
        const index = indexOf(ds);

        const usable = ids.filter(
          (_, i) => forces[i]!.children != null && typeof forces[i]!.count === 'number',
        );
        const r = aggregateRate(ds, index, 'r', FY1718, 'under16');
        expect(r.covered).toEqual(usable);
        expect(r.noPopulation).toEqual(ids.filter((_, i) => forces[i]!.children == null));
        for (const id of r.noPopulation) {
          expect(r.covered).not.toContain(id);
          expect(r.facts.map((f) => f.preferred.area)).not.toContain(id);
        }
        if (usable.length === 0) {
          expect(r.rate).toBeNull();
          expect(r.refused).toBeTruthy();
        } else {
          const count = usable.reduce((s, id) => s + (forces[ids.indexOf(id)]!.count as number), 0);
          const children = usable.reduce((s, id) => s + forces[ids.indexOf(id)]!.children!, 0);
          expect(r.count?.lo).toBe(count);
          expect(r.children).toBe(children);
          expect(r.rate?.lo).toBeCloseTo(per100k(count, children), 6);
        }

        forces.forEach((f, i) => {
          const fr = forceRate(ds, index, ids[i]!, FY1718, 'under16');
          if (f.children == null) {
            expect(fr.rate).toBeNull();
            expect(fr.children).toBeNull();
            expect(fr.refused).toBe(`no population figure for ${ids[i]!.toUpperCase()}`);
          } else if (typeof f.count !== 'number') {
            expect(fr.rate).toBeNull();
            expect(fr.refused).toBe(f.count === 'na' ? 'not available' : 'no figure for this period');
          } else {
            expect(fr.refused).toBeUndefined();
            expect(fr.rate?.lo).toBeCloseTo(per100k(f.count, f.children), 6);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a rate is never computed over an overlapping sum', () => {
    fc.assert(
      fc.property(overlappingPair, fc.boolean(), fc.boolean(), ([a, b], hasPopulation, reversed) => {
        const figures = [
          figure({ id: 'f1', period_start: a.start, period_end: a.end }),
          figure({ id: 'f2', period_start: b.start, period_end: b.end }),
        ];
        const ds = syntheticDataset(figures, [S1], 1, [], hasPopulation ? [population({ area: 'a1' })] : []);
        const keys = reversed ? [periodKey(b), periodKey(a)] : [periodKey(a), periodKey(b)];
        expect(() => forceRateAcrossPeriods(ds, indexOf(ds), 'a1', keys, 'under16')).toThrow(OverlapError);
      }),
      { numRuns: 300 },
    );
  });

  it('over disjoint periods, the rate is the summed count over the children, for the whole span', () => {
    const disjoint = disjointPeriods(5);
    fc.assert(
      fc.property(disjoint, fc.integer({ min: 1, max: 2_000_000 }), (periods, children) => {
        const figures = periods.map((p, i) =>
          figure({ id: `f${i}`, period_start: p.start, period_end: p.end, value: p.value }),
        );
        const ds = syntheticDataset(
          figures,
          [S1],
          1,
          [],
          [population({ area: 'a1', children_under_16: children })],
        );
        const r = forceRateAcrossPeriods(
          ds,
          indexOf(ds),
          'a1',
          periods.map((p) => periodKey(p)),
          'under16',
        );
        const sum = periods.reduce((s, p) => s + p.value, 0);
        const days = periods.reduce((s, p) => s + durationDays(p), 0);
        expect(r.periodDays).toBe(days);
        expect(r.rate?.lo).toBeCloseTo(per100k(sum, children), 6);
      }),
      { numRuns: 300 },
    );
  });
});
