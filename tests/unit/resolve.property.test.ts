/**
 * resolveFacts (src/lib/query/resolve.ts), over any table of figures (keys that are prefixes of one another,
 * keys holding the key's separator, facts of many rows): every row lands in the one fact its key names, each
 * fact's rows are in the order comparePreference gives, and nothing depends on the rows' order.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as aq from 'arquero';
import type { Figure, Source } from '../../src/lib/data/schema.ts';
import { comparePreference, factKey, reading, resolveFacts, type Fact } from '../../src/lib/query/resolve.ts';
import { FactIndex } from '../../src/lib/query/facts.ts';
import { figure } from '../support/dataset.ts';

const SOURCES = new Map<string, Source>(
  (
    [
      ['s1', 'foi_disclosure', '2020-01-01'],
      ['s2', 'news', '2021-05-01'],
      ['s3', 'nspcc', ''],
      ['s4', 'official', '2021-05'],
    ] as const
  ).map(([id, kind, date]) => [id, { id, url: `https://x.org/${id}`, kind, publisher: id, date }]),
);

const row = fc.record({
  // 'a|b': a key column holding the key's separator, so that facts are grouped by their written keys.
  area: fc.constantFrom('a', 'ab', 'a-b', 'b', 'a1', 'a|b'),
  period: fc.constantFrom(
    ['2017-04-03', '2018-03-31'],
    ['2017-04-03', '2018-01-02'],
    ['2018-04-01', '2019-03-31'],
    // The same end as the first, so that the index tells periods apart by their start too.
    ['2017-04-01', '2018-03-31'],
  ),
  measure: fc.constantFrom('offences', 'platform'),
  category: fc.constantFrom('', 'Snapchat', 'Snap', 'Snapchat|x', 'a'),
  value: fc.option(fc.constantFrom(0, 1, 62, 200), { nil: null }),
  qualifier: fc.constantFrom('exact', 'at_least', 'approximate', 'suppressed'),
  source: fc.constantFrom('s1', 's2', 's3', 's4', 'unknown'),
});

type RowSpec = typeof row extends fc.Arbitrary<infer T> ? T : never;

/**
 * The generated rows as figures; `pipeFree` drops the key separator from the key columns. `idsInRowOrder`: ids
 * ascend with the row, as the published figures' do (resolve then breaks ties by place); otherwise they are in
 * another order than the rows', so that the last rule decides against the table's order.
 */
const figuresOf = (specs: RowSpec[], pipeFree: boolean, idsInRowOrder = false): Figure[] =>
  specs.map((s, i) =>
    figure({
      id: `f${String(idsInRowOrder ? i : (i * 7919) % 1000).padStart(4, '0')}`,
      area: pipeFree ? s.area.replace('|', '') : s.area,
      period_start: s.period[0],
      period_end: s.period[1],
      measure: s.measure as Figure['measure'],
      category: pipeFree ? s.category.replace('|', '') : s.category,
      value: s.qualifier === 'suppressed' ? null : s.value,
      qualifier: s.qualifier as Figure['qualifier'],
      source: s.source,
    }),
  );

/** Tables of up to 120 generated rows, with and without the key separator, ids in and against row order. */
const figureRows = fc
  .tuple(fc.array(row, { minLength: 1, maxLength: 120 }), fc.boolean(), fc.boolean())
  .map(([specs, pipeFree, idsInRowOrder]) => figuresOf(specs, pipeFree, idsInRowOrder));

/** What a fact's rows must satisfy, whatever else is true of them. */
function expectResolved(facts: Fact[], rows: Figure[]) {
  const keys = facts.map((f) => f.key);
  expect(keys).toEqual([...new Set(rows.map(factKey))].sort());
  const ids = (fs: Figure[]) => fs.map((f) => f.id).sort();
  expect(ids(facts.flatMap((f) => [f.preferred, ...f.alternatives]))).toEqual(ids(rows));
  for (const f of facts) {
    const all = [f.preferred, ...f.alternatives];
    expect(all.every((r) => factKey(r) === f.key)).toBe(true);
    const support = new Map<string, number>();
    for (const r of all) support.set(reading(r), (support.get(reading(r)) ?? 0) + 1);
    for (let i = 1; i < all.length; i++)
      expect(comparePreference(all[i - 1]!, all[i]!, SOURCES, support)).toBeLessThan(0);
    expect(f.disagree).toBe(support.size > 1);
  }
}

describe('resolveFacts', () => {
  it('puts every row in its fact, each fact in preference order, facts in key order', () => {
    fc.assert(
      fc.property(figureRows, (rows) => expectResolved(resolveFacts(aq.from(rows), SOURCES), rows)),
      { numRuns: 400 },
    );
  });

  it('gives the same facts whatever the order of the rows', () => {
    fc.assert(
      fc.property(
        figureRows.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        ([rows, shuffled]) => {
          expect(resolveFacts(aq.from(shuffled), SOURCES)).toEqual(resolveFacts(aq.from(rows), SOURCES));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('resolves only the rows a filtered table keeps, as those rows alone', () => {
    fc.assert(
      fc.property(figureRows, fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }), (rows, keep) => {
        const kept = new Set(rows.filter((_, i) => keep[i % keep.length]).map((r) => r.id));
        const table = aq.from(rows).filter(aq.escape((d: Figure) => kept.has(d.id)));
        expect(resolveFacts(table, SOURCES)).toEqual(
          resolveFacts(aq.from(rows.filter((r) => kept.has(r.id))), SOURCES),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('resolves a fact of many rows, the preferred one by source, then agreement, then id', () => {
    const rows = Array.from({ length: 90 }, (_, i) =>
      figure({ id: `f${String(89 - i).padStart(3, '0')}`, value: i % 4, source: ['s1', 's2', 's3'][i % 3]! }),
    );
    const [fact] = resolveFacts(aq.from(rows), SOURCES);
    expectResolved([fact!], rows);
    expect(fact!.alternatives).toHaveLength(89);
    // s1 is the only FOI disclosure: its rows (i % 3 = 0) hold values 0 and 2 and 1 and 3 equally often,
    // so the lowest id of the rows most agree on wins.
    expect(fact!.preferred.source).toBe('s1');
  });
});

describe('FactIndex', () => {
  it('finds each fact under its area, measure and period, as a plain filter does', () => {
    fc.assert(
      fc.property(figureRows, (rows) => {
        const facts = resolveFacts(aq.from(rows), SOURCES);
        const index = new FactIndex(facts);
        for (const { preferred: p } of facts) {
          const here = facts.filter(
            ({ preferred: q }) =>
              q.area === p.area &&
              q.measure === p.measure &&
              q.period_start === p.period_start &&
              q.period_end === p.period_end,
          );
          expect(index.get(p.area, p.measure, `${p.period_start}..${p.period_end}`)).toEqual(here);
        }
      }),
      { numRuns: 300 },
    );
  });
});
