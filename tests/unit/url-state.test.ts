import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultState, fromQuery, toQuery, type Vocabulary } from '../../src/lib/state/url.ts';
import { PERS, VIEWS, type ViewState } from '../../src/lib/views/state.ts';

const vocab: Vocabulary = {
  areas: ['avon-and-somerset', 'hampshire', 'kent', 'wales', 'england-and-wales'],
  platforms: ['facebook', 'instagram', 'snapchat', 'owner:meta', 'owner:snap'],
  periods: ['2017-04-03_2017-10-02', '2017-04-03_2018-01-02', '2017-18', '2018-19', '2019-20'],
  defaultPeriods: ['2017-18', '2018-19', '2019-20'],
};

const subset = (list: readonly string[]) =>
  fc.subarray([...list]).map((s) => s.filter((x, i) => s.indexOf(x) === i));

const validState: fc.Arbitrary<ViewState> = fc.record({
  view: fc.constantFrom(...VIEWS),
  areas: subset(vocab.areas),
  platforms: subset(vocab.platforms),
  periods: subset(vocab.periods),
  focus: fc.option(fc.constantFrom(...vocab.periods), { nil: null }),
  likeForLike: fc.boolean(),
  per: fc.constantFrom(...PERS),
});

describe('URL state', () => {
  it('leaves the default view out of the URL', () => {
    expect(toQuery(defaultState(vocab), vocab)).toBe('');
    expect(fromQuery('', vocab)).toEqual({ state: defaultState(vocab), ignored: [] });
  });

  it('writes a readable URL', () => {
    const state: ViewState = {
      ...defaultState(vocab),
      view: 'platforms',
      areas: ['hampshire'],
      periods: ['2017-04-03_2018-01-02'],
    };
    expect(toQuery(state, vocab)).toBe('view=platforms&force=hampshire&period=2017-04-03_2018-01-02');
  });

  it('round-trips every valid state (property)', () => {
    fc.assert(
      fc.property(validState, (state) => {
        const { state: back, ignored } = fromQuery(toQuery(state, vocab), vocab);
        expect(ignored).toEqual([]);
        expect(back).toEqual(state);
      }),
      { numRuns: 3000 },
    );
  });

  it('opens the nearest valid view and lists what it ignored', () => {
    const { state, ignored } = fromQuery(
      'view=pie&force=hampshire,atlantis&period=1999-00&ltl=yes&colour=red&focus=2018-19',
      vocab,
    );
    expect(state).toEqual({ ...defaultState(vocab), areas: ['hampshire'], focus: '2018-19' });
    expect(ignored.map((i) => `${i.key}=${i.value}: ${i.reason}`)).toEqual([
      'colour=red: unknown setting',
      'view=pie: no such view',
      'force=atlantis: no such area',
      'period=1999-00: no such period',
      'period=1999-00: no known period left: showing the default years',
      'ltl=yes: expected 1 or 0',
    ]);
  });

  it('leaves keys that another reader owns alone', () => {
    expect(fromQuery('theme=dark&initialWidth=400', vocab, ['theme', 'initialWidth']).ignored).toEqual([]);
  });

  it('never throws on junk and always returns a valid state (property)', () => {
    const junk = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc
        .array(
          fc.tuple(
            fc.constantFrom(
              'view',
              'force',
              'platform',
              'period',
              'focus',
              'ltl',
              '__proto__',
              'constructor',
              'x',
            ),
            fc.string({ maxLength: 40 }),
          ),
          { maxLength: 8 },
        )
        .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')),
    );
    fc.assert(
      fc.property(junk, (query) => {
        const { state } = fromQuery(query, vocab);
        expect(VIEWS).toContain(state.view);
        for (const a of state.areas) expect(vocab.areas).toContain(a);
        for (const p of state.platforms) expect(vocab.platforms).toContain(p);
        for (const p of state.periods) expect(vocab.periods).toContain(p);
        expect(PERS).toContain(state.per);
        expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
      }),
      { numRuns: 3000 },
    );
  });
});
