import { describe, expect, it } from 'vitest';

import fc from 'fast-check';
import { estimateOf, sumEstimates, type Estimate } from '../../src/lib/query/estimate.ts';
import type { Qualifier } from '../../src/lib/data/schema.ts';
import { formatEstimate } from '../../src/lib/words/numbers.ts';

describe('estimates', () => {
  it('keeps exact, at-least, approximate and suppressed figures distinct', () => {
    expect(formatEstimate(estimateOf(62, 'exact')!)).toBe('62');
    expect(formatEstimate(estimateOf(200, 'at_least')!)).toBe('200 or more');
    expect(formatEstimate(estimateOf(992, 'approximate')!)).toBe('≈ 992');
    expect(formatEstimate(estimateOf(null, 'suppressed', 4)!)).toBe('0 to 4 (1 suppressed part)');
    expect(estimateOf(null, 'not_available')).toBeNull();
  });

  it('never turns a suppressed or at-least part into a bare number', () => {
    const total = sumEstimates([estimateOf(10, 'exact')!, estimateOf(null, 'suppressed')!]);
    expect(total.lo).toBe(10);
    expect(total.hi).toBe(Infinity);
    expect(formatEstimate(total)).toBe('10 or more (1 suppressed part)');
    const atLeast = sumEstimates([estimateOf(10, 'exact')!, estimateOf(200, 'at_least')!]);
    expect(formatEstimate(atLeast)).toBe('210 or more');
  });

  it('widens a total into a range containing every possible true value (property)', () => {
    // Each part: a true value, and how the source published it.
    const part = fc.record({
      truth: fc.integer({ min: 0, max: 500 }),
      how: fc.constantFrom<Qualifier>('exact', 'at_least', 'suppressed'),
      slack: fc.integer({ min: 0, max: 50 }),
    });
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 10 }),
        (parts, limit) => {
          const published = parts.map((p) => {
            if (p.how === 'suppressed')
              return { truth: Math.min(p.truth, limit - 1), est: estimateOf(null, 'suppressed', limit - 1)! };
            if (p.how === 'at_least')
              return { truth: p.truth + p.slack, est: estimateOf(p.truth, 'at_least')! };
            return { truth: p.truth, est: estimateOf(p.truth, 'exact')! };
          });
          const total: Estimate = sumEstimates(published.map((p) => p.est));
          const truth = published.reduce((s, p) => s + p.truth, 0);
          expect(total.lo).toBeLessThanOrEqual(truth);
          expect(total.hi).toBeGreaterThanOrEqual(truth);
          if (parts.every((p) => p.how === 'exact')) expect(total.lo).toBe(total.hi);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
