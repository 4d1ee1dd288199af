/** fast-check generators of periods shared by the property tests. */
import fc from 'fast-check';
import type { Interval } from '../../src/lib/query/period.ts';

const DAY = 86_400_000;
const OFFENCE_START = Date.UTC(2017, 3, 3);

/** The ISO date `day` days after `base` (the offence's first day unless given). */
export const isoDay = (day: number, base = OFFENCE_START): string =>
  new Date(base + day * DAY).toISOString().slice(0, 10);

/** Two periods of which the second starts inside the first: they always share at least one day. */
export const overlappingPair: fc.Arbitrary<[Interval, Interval]> = fc
  .tuple(
    fc.integer({ min: 0, max: 2000 }),
    fc.integer({ min: 0, max: 400 }),
    fc.integer({ min: 0, max: 400 }),
    fc.integer({ min: 0, max: 400 }),
  )
  .map(([s, len, offset, len2]): [Interval, Interval] => {
    const a = { start: isoDay(s), end: isoDay(s + len) };
    const bStart = s + Math.min(offset, len);
    return [a, { start: isoDay(bStart), end: isoDay(bStart + len2) }];
  });

/** 1 to `most` periods that never overlap, in order, each with an exact count: they may be added. */
export const disjointPeriods = (most: number) =>
  fc
    .array(fc.tuple(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 60 }), fc.nat(10_000)), {
      minLength: 1,
      maxLength: most,
    })
    .map((parts) => {
      let day = 0;
      return parts.map(([len, gap, value]) => {
        const p = { start: isoDay(day + gap), end: isoDay(day + gap + len - 1), value };
        day += gap + len;
        return p;
      });
    });
