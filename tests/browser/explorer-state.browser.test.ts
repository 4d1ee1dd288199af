/** The one filter state (Svelte runes, so it runs here, compiled as the app compiles it). */
import { beforeAll, describe, expect, it } from 'vitest';
import { Explorer } from '../../src/lib/state/explorer.svelte.ts';
import type { Dataset } from '../../src/lib/data/load.ts';
import { fixtureDataset } from './fixture.ts';

let ds: Dataset;
beforeAll(async () => {
  ds = await fixtureDataset();
});

describe('Explorer', () => {
  it('reads its state from a link and writes it back the same', () => {
    const e = new Explorer(ds, '?view=forces&force=kent,hampshire&per=u16');
    expect(e.state.areas).toEqual(['hampshire', 'kent']); // the fixed order, not the link's
    expect(e.query).toBe('view=forces&force=hampshire,kent&per=u16');
    expect(e.ignored).toEqual([]);
  });

  it('picks a whole region in one action, and clears it with the same action', () => {
    const e = new Explorer(ds);
    const wales = ['dyfed-powys', 'gwent', 'north-wales', 'south-wales'];
    e.toggleArea('gwent', true);
    e.toggleGroup(wales);
    expect(e.state.areas).toEqual(wales);
    e.toggleGroup(wales);
    expect(e.state.areas).toEqual([]);
  });

  it('sets financial years as a range and keeps the special rounds chosen', () => {
    const e = new Explorer(ds);
    e.togglePeriod('2017-04-03_2018-01-02', true);
    e.setYearRange('2019-20', '2018-19'); // either order
    expect(e.state.periods).toEqual(['2017-04-03_2018-01-02', '2018-19', '2019-20']);
    e.setYearRange(null, null);
    expect(e.state.periods).toEqual(['2017-04-03_2018-01-02']);
  });

  it('resets each filter, and everything', () => {
    const e = new Explorer(ds, '?force=kent&platform=snapchat&period=2018-19&focus=2018-19&ltl=1&view=table');
    e.resetAreas();
    e.resetPlatforms();
    e.resetPeriods();
    expect(e.query).toBe('view=table&ltl=1');
    e.resetAll();
    expect(e.query).toBe('');
  });

  it('restores from Back and Forward, listing what the link could not use', () => {
    const e = new Explorer(ds);
    e.restore('?force=hampshire&view=nowhere');
    expect(e.state.areas).toEqual(['hampshire']);
    expect(e.ignored.map((i) => i.key)).toEqual(['view']);
    e.dismissIgnored();
    expect(e.ignored).toEqual([]);
  });
});
