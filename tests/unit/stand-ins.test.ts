/** The stand-ins of build/stand-ins are what tests and the build load: nothing parses Arquero expressions. */
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';

describe('Arquero stand-ins', () => {
  it('no expression parser is loaded: an Arquero expression string fails loudly', () => {
    // With the real acorn this filter would keep one row; with the stand-in Arquero cannot parse it.
    expect(() => aq.table({ a: [1, 2] }).filter('d => d.a > 1')).toThrow(/Expression parse error/);
  });

  it('Arrow support is not loaded', () => {
    expect(() => aq.table({ a: [1] }).toArrow()).toThrow(/Apache Arrow is not part of this app/);
  });
});
