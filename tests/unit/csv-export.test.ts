import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { toCSV, neutralise } from '../../src/lib/export/csv.ts';

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(neutralise('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutralise('+1+1')).toBe("'+1+1");
    expect(neutralise('-2+3')).toBe("'-2+3");
    expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralise('\tcmd')).toBe("'\tcmd");
    expect(neutralise('\rcmd')).toBe("'\rcmd");
    expect(neutralise('-12')).toBe('-12');
    expect(neutralise('Hampshire')).toBe('Hampshire');
  });

  it('quotes commas, quotes and newlines and reads back to the same values', () => {
    const rows = [
      { a: 'Facebook, Snapchat or Instagram', b: 'say "hi"', c: 'two\nlines', d: 62, e: null },
      { a: '=1+1', b: '', c: 'x', d: 1.5, e: 'y' },
    ];
    const text = toCSV(rows, ['a', 'b', 'c', 'd', 'e']);
    const back = aq.fromCSV(text, { autoType: false }).objects();
    expect(back).toEqual([
      { a: 'Facebook, Snapchat or Instagram', b: 'say "hi"', c: 'two\nlines', d: '62', e: null },
      { a: "'=1+1", b: null, c: 'x', d: '1.5', e: 'y' },
    ]);
  });

  it('ignores inherited keys such as __proto__', () => {
    const row = JSON.parse('{"__proto__": {"polluted": 1}, "a": "ok"}') as Record<string, unknown>;
    expect(toCSV([row], ['a', 'polluted'])).toBe('a,polluted\nok,\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
