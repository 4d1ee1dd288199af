/**
 * The hand-written number format (src/lib/words/numbers.ts) against the Intl format it replaces, in Node's
 * full ICU: the same text for any double, at both precisions the explorer uses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimal, formatNumber, formatRateValue } from '../../src/lib/words/numbers.ts';

const intl = (min: number, max: number) =>
  new Intl.NumberFormat('en-GB', { minimumFractionDigits: min, maximumFractionDigits: max });
const plain = intl(0, 1);
const oneDecimal = intl(1, 1);

describe('formatDecimal writes what Intl en-GB writes', () => {
  it('for chosen numbers: halves, carries, tiny and huge, signs', () => {
    const cases = [
      0,
      -0,
      1,
      0.05,
      0.15,
      0.25,
      0.95,
      9.95,
      99.95,
      999.95,
      1.05,
      2.45,
      1234.5,
      1234.56,
      999999.96,
      1e21,
      1.5e21,
      1e-7,
      5e-7,
      0.04,
      -0.04,
      -1234.55,
      62,
      1628,
      40.2,
      123456789,
      0.1 + 0.2,
      Infinity,
      -Infinity,
      NaN,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
    ];
    for (const n of cases) {
      expect(formatNumber(n), String(n)).toBe(plain.format(n));
      expect(formatRateValue(n), String(n)).toBe(oneDecimal.format(n));
    }
  });

  it('for any double, and for counts and rates as the data has them', () => {
    const numbers = fc.oneof(
      fc.double(),
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 10),
      fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100),
      fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 1000 + 0.05),
    );
    fc.assert(
      fc.property(numbers, (n) => {
        expect(formatNumber(n)).toBe(plain.format(n));
        expect(formatRateValue(n)).toBe(oneDecimal.format(n));
      }),
      { numRuns: 20_000 },
    );
  });

  it('at other precisions too', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 4 }), (n, max) => {
        expect(formatDecimal(n, 0, max)).toBe(intl(0, max).format(n));
        expect(formatDecimal(n, max, max)).toBe(intl(max, max).format(n));
      }),
      { numRuns: 5_000 },
    );
  });
});
