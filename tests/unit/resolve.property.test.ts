/**
 * resolveFacts groups and orders rows by numbers made of the key columns' ranks (src/lib/query/fact-keys.ts): it
 * gives exactly what the preference rule written plainly gives (rows grouped by their written key, keys
 * sorted as text, each group sorted by comparePreference), over any table of figures, keys that are
 * prefixes of one another and facts of many rows included.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as aq from 'arquero';
import type { Figure, Source } from '../../src/lib/data/schema.ts';
import {
  comparePreference,
  keyValue,
  reading,
  resolveFacts,
  type Fact,
} from '../../src/lib/query/resolve.ts';
import { FACT_KEY, factKey } from '../../src/lib/query/fact-keys.ts';
import { FactIndex } from '../../src/lib/query/facts.ts';
import { filterRows, groupKeys } from '../../src/lib/query/columnar.ts';
import { figure, plainFacts } from '../support/dataset.ts';

/** The rule as written in the module's comment, without any of the speed-ups. */
function plainly(rows: Figure[], sources: ReadonlyMap<string, Source>): Fact[] {
  const groups = new Map<string, Figure[]>();
  for (const f of rows) groups.set(factKey(f), [...(groups.get(factKey(f)) ?? []), f]);
  return [...groups.keys()].sort().map((key) => {
    const group = groups.get(key)!;
    const support = new Map<string, number>();
    for (const r of group) support.set(reading(r), (support.get(reading(r)) ?? 0) + 1);
    const ordered = [...group].sort((a, b) => comparePreference(a, b, sources, support));
    return { key, preferred: ordered[0]!, alternatives: ordered.slice(1), disagree: support.size > 1 };
  });
}

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

describe('resolveFacts', () => {
  it('gives what the preference rule written plainly gives, facts in the same order', () => {
    fc.assert(
      fc.property(figureRows, (rows) => {
        expect(plainFacts(resolveFacts(aq.from(rows), SOURCES))).toEqual(plainly(rows, SOURCES));
      }),
      { numRuns: 400 },
    );
  });

  it('resolves only the rows a filtered table keeps, as the rule resolves those rows alone', () => {
    fc.assert(
      fc.property(figureRows, fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }), (rows, keep) => {
        const kept = (i: number) => keep[i % keep.length]!;
        const table = filterRows(aq.from(rows), kept);
        expect(table.isFiltered()).toBe(true);
        expect(plainFacts(resolveFacts(table, SOURCES))).toEqual(
          plainly(
            rows.filter((_, i) => kept(i)),
            SOURCES,
          ),
        );
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['against the rows', (i: number) => 89 - i],
    ['with the rows', (i: number) => i],
  ])(
    'resolves a fact of many rows (more than eight, whose readings are counted by value), ids %s, as plainly',
    (_, idAt) => {
      const rows = Array.from({ length: 90 }, (_, i) =>
        figure({
          id: `f${String(idAt(i)).padStart(3, '0')}`,
          value: i % 4,
          source: ['s1', 's2', 's3'][i % 3]!,
        }),
      );
      const facts = resolveFacts(aq.from(rows), SOURCES);
      expect(plainFacts(facts)).toEqual(plainly(rows, SOURCES));
      expect(facts[0]!.alternatives).toHaveLength(89);
      expect(facts[0]!.alternatives).toBe(facts[0]!.alternatives); // made once
    },
  );
});

describe('FactIndex', () => {
  it("finds each fact under its area, measure and period, read from the columns as the preferred row's", () => {
    fc.assert(
      fc.property(figureRows, (rows) => {
        const facts = resolveFacts(aq.from(rows), SOURCES);
        // Built, and each fact's place read, before any preferred row is made into an object.
        const index = new FactIndex(facts);
        const places = facts.map((f) => FACT_KEY.map((name) => keyValue(f, name)));
        expect(places).toEqual(facts.map((f) => FACT_KEY.map((name) => f.preferred[name])));
        const at = (fs: readonly Fact[]) => fs.map((f) => facts.indexOf(f));
        for (const { preferred: p } of facts) {
          const here = facts.filter(
            ({ preferred: q }) =>
              q.area === p.area &&
              q.measure === p.measure &&
              q.period_start === p.period_start &&
              q.period_end === p.period_end,
          );
          expect(at(index.get(p.area, p.measure, `${p.period_start}..${p.period_end}`))).toEqual(at(here));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('groupKeys', () => {
  it('numbers the keys as grouping them plainly does, with an array of every possible key or a Map', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(300), { maxLength: 200 }), fc.boolean(), (keys, dense) => {
        const { start, groups, groupOf } = groupKeys(Float64Array.from(keys), 301, dense);
        const distinct = [...new Set(keys)].sort((a, b) => a - b);
        // One group a distinct key, in key order, each holding the places of the rows with that key.
        const places = (g: number) => keys.flatMap((_, k) => (groupOf[k] === g ? [k] : []));
        expect([...groups].map((g) => keys[places(g)[0]!])).toEqual(distinct);
        for (const g of groups) {
          expect(start[g + 1]! - start[g]!).toBe(places(g).length);
          expect(new Set(places(g).map((k) => keys[k])).size).toBe(1);
        }
        expect(start[start.length - 1]).toBe(keys.length);
      }),
      { numRuns: 300 },
    );
  });
});
