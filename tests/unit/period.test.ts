import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  OverlapError,
  assertDisjoint,
  durationDays,
  findOverlap,
  overlaps,
  parsePeriodKey,
  periodKey,
  type Interval,
} from '../../src/lib/query/period.ts';

const nineMonths = { start: '2017-04-03', end: '2018-01-02' };
const fy1718 = { start: '2017-04-03', end: '2018-03-31' };
const fy1819 = { start: '2018-04-01', end: '2019-03-31' };
const eighteen = { start: '2017-04-03', end: '2018-09-30' };

/** Any interval within 2016-2026, as inclusive ISO dates. */
const DAY = 86_400_000;
const BASE = Date.UTC(2016, 0, 1);
const iso = (day: number) => new Date(BASE + day * DAY).toISOString().slice(0, 10);
const interval = fc
  .tuple(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 800 }))
  .map(([s, len]): Interval => ({ start: iso(s), end: iso(s + len) }));

describe('periods', () => {
  it('knows which published periods overlap', () => {
    expect(overlaps(nineMonths, fy1718)).toBe(true);
    expect(overlaps(fy1718, eighteen)).toBe(true);
    expect(overlaps(fy1718, fy1819)).toBe(false);
    expect(overlaps({ start: '2018-03-31', end: '2018-03-31' }, fy1718)).toBe(true);
  });

  it('refuses to add overlapping periods with a message naming both', () => {
    expect(() => assertDisjoint([fy1718, fy1819])).not.toThrow();
    expect(() => assertDisjoint([fy1819, nineMonths, fy1718])).toThrow(OverlapError);
    expect(() => assertDisjoint([fy1718, eighteen], (p) => periodKey(p))).toThrow(
      /2017-04-03\.\.2018-03-31 and 2017-04-03\.\.2018-09-30 share days \(2017-04-03 to 2018-03-31\)/,
    );
  });

  it('treats the same period twice as an overlap', () => {
    expect(findOverlap([fy1718, fy1718])).not.toBeNull();
  });

  it('finds an overlap exactly when some pair overlaps (property)', () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 8 }), (list) => {
        const pairwise = list.some((a, i) => list.some((b, j) => i < j && overlaps(a, b)));
        expect(findOverlap(list) !== null).toBe(pairwise);
      }),
      { numRuns: 2000 },
    );
  });

  it('parses only well-formed period keys', () => {
    expect(parsePeriodKey('2017-04-03..2018-03-31')).toEqual(fy1718);
    expect(parsePeriodKey('2018-03-31..2017-04-03')).toBeNull();
    expect(parsePeriodKey('2017/18')).toBeNull();
    expect(durationDays(fy1718)).toBe(363);
    expect(durationDays(fy1819)).toBe(365);
  });
});
