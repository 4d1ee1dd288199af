/** Properties of the query core on generated data: what must hold whatever the figures are. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { disjointPeriods, overlappingPair } from '../support/arbitraries.ts';
import * as aq from 'arquero';
import { figure, syntheticDataset } from '../support/dataset.ts';
import { resolveFacts, type Fact } from '../../src/lib/query/resolve.ts';
import { totalAcrossForces, totalAcrossPeriods } from '../../src/lib/query/totals.ts';
import { FactIndex } from '../../src/lib/query/facts.ts';
import { OverlapError, overlaps, periodKey } from '../../src/lib/query/period.ts';
import type { Figure, Qualifier, Source, SourceKind } from '../../src/lib/data/schema.ts';

const source = (id: string, kind: SourceKind, date: string): Source => ({
  id,
  url: `https://example.org/${id}`,
  kind,
  publisher: id,
  date,
});

describe('aggregation over periods', () => {
  it('the total over disjoint periods equals the sum of its parts', () => {
    fc.assert(
      fc.property(disjointPeriods(6), (periods) => {
        const figures = periods.map((p, i) =>
          figure({ id: `f${i}`, area: 'a1', period_start: p.start, period_end: p.end, value: p.value }),
        );
        const ds = syntheticDataset(figures, [source('s1', 'nspcc', '')]);
        const index = new FactIndex(resolveFacts(ds.figures, ds.sources));
        const total = totalAcrossPeriods(
          ds,
          index,
          'a1',
          periods.map((p) => periodKey(p)),
        );
        const sum = periods.reduce((s, p) => s + p.value, 0);
        expect(total).toMatchObject({ lo: sum, hi: sum, approximate: false });
      }),
      { numRuns: 500 },
    );
  });

  it('refuses any pair of overlapping periods', () => {
    fc.assert(
      fc.property(overlappingPair, ([a, b]) => {
        expect(overlaps(a, b)).toBe(true);
        const figures = [
          figure({ id: 'f1', period_start: a.start, period_end: a.end }),
          figure({ id: 'f2', period_start: b.start, period_end: b.end }),
        ];
        const ds = syntheticDataset(figures, [source('s1', 'nspcc', '')]);
        const index = new FactIndex(resolveFacts(ds.figures, ds.sources));
        expect(() => totalAcrossPeriods(ds, index, 'a1', [periodKey(a), periodKey(b)])).toThrow(OverlapError);
      }),
      { numRuns: 500 },
    );
  });

  it('a suppressed force widens the total over forces into a range that holds every true value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: fc.nat(300), suppressed: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        (parts) => {
          const figures = parts.map((p, i) =>
            figure({
              id: `f${i}`,
              area: `a${i + 1}`,
              value: p.suppressed ? null : p.value,
              qualifier: p.suppressed ? 'suppressed' : 'exact',
            }),
          );
          const ds = syntheticDataset(figures, [source('s1', 'nspcc', '')], parts.length);
          const index = new FactIndex(resolveFacts(ds.figures, ds.sources));
          const ids = parts.map((_, i) => `a${i + 1}`);
          const { estimate } = totalAcrossForces(ds, index, ids, '2017-04-03..2018-03-31');
          const known = parts.filter((p) => !p.suppressed).reduce((s, p) => s + p.value, 0);
          // Whatever a suppressed cell hid (any count from 0 up), the truth lies in the range.
          for (const hidden of [0, 1, 4, 9, 1000]) {
            const truth = known + parts.filter((p) => p.suppressed).length * hidden;
            expect(estimate!.lo).toBeLessThanOrEqual(truth);
            expect(estimate!.hi).toBeGreaterThanOrEqual(truth);
          }
          if (parts.some((p) => p.suppressed)) expect(estimate!.hi).toBeGreaterThan(estimate!.lo);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** The one fact that rows of the same key state, resolved from a table of them in the given order. */
function resolved(rows: Figure[], sources: ReadonlyMap<string, Source>): Fact {
  const facts = resolveFacts(aq.from(rows), sources);
  expect(facts).toHaveLength(1);
  return facts[0]!;
}

describe('the preference rule', () => {
  const kinds: SourceKind[] = ['foi_disclosure', 'official', 'nspcc', 'news'];
  const row = fc.record({
    value: fc.integer({ min: 0, max: 50 }),
    qualifier: fc.constantFrom<Qualifier>('exact', 'approximate', 'at_least'),
    kind: fc.constantFrom(...kinds),
    date: fc.constantFrom('', '2018-04-17', '2018-06-18', '2019-03'),
  });

  it('picks the same row whatever the row order', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), fc.nat(), (rows, seed) => {
        const sources = new Map(rows.map((r, i) => [`s${i}`, source(`s${i}`, r.kind, r.date)]));
        const figures: Figure[] = rows.map((r, i) =>
          figure({
            id: `f${String(i).padStart(2, '0')}`,
            value: r.value,
            qualifier: r.qualifier,
            source: `s${i}`,
          }),
        );
        const shuffled = [...figures].sort(
          (a, b) => ((a.id.charCodeAt(2) * 31 + seed) % 17) - ((b.id.charCodeAt(2) * 31 + seed) % 17),
        );
        const one = resolved(figures, sources);
        const two = resolved(shuffled, sources);
        expect(two.preferred.id).toBe(one.preferred.id);
        expect(two.alternatives.map((f) => f.id)).toEqual(one.alternatives.map((f) => f.id));
        // Disagreement is exactly "more than one reading".
        expect(one.disagree).toBe(new Set(rows.map((r) => `${r.value}|${r.qualifier}`)).size > 1);
      }),
      { numRuns: 1000 },
    );
  });

  it("prefers a force's own FOI reply, then the later release, then the exact figure", () => {
    const sources = new Map([
      ['foi', source('foi', 'foi_disclosure', '2022-07-01')],
      ['early', source('early', 'nspcc', '2018-06-18')],
      ['late', source('late', 'nspcc', '2019-09-11')],
      ['paper', source('paper', 'news', '2024-01-01')],
    ]);
    const f = (id: string, src: string, value: number, qualifier: Qualifier = 'exact') =>
      figure({ id, source: src, value, qualifier });
    expect(resolved([f('a', 'paper', 36), f('b', 'foi', 39)], sources).preferred.value).toBe(39);
    expect(resolved([f('a', 'early', 3171), f('b', 'late', 3217)], sources).preferred.value).toBe(3217);
    expect(resolved([f('a', 'late', 990, 'approximate'), f('b', 'late', 992)], sources).preferred.value).toBe(
      992,
    );
  });
});
