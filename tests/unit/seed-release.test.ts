/**
 * The figures whose meaning the explorer must never get wrong (DESIGN.md, point 8, and the Welsh check).
 * They run the app's own loader on the bundled files.
 */
import { beforeAll, describe, expect, it } from 'vitest';

import { bundledDataset } from '../support/dataset.ts';

import type { Dataset } from '../../src/lib/data/load.ts';
import { resolveFacts } from '../../src/lib/query/resolve.ts';

import { platformBreakdown } from '../../src/lib/query/platforms.ts';
import { compareAggregate, totalAcrossForces, totalAcrossPeriods } from '../../src/lib/query/totals.ts';
import { FactIndex } from '../../src/lib/query/facts.ts';

import { OverlapError } from '../../src/lib/query/period.ts';
import { formatEstimate } from '../../src/lib/words/numbers.ts';
import { E_AND_W_MISSING_1718, FY1718 } from '../support/published.ts';

const NINE_MONTHS = '2017-04-03..2018-01-02';
const FY1819 = '2018-04-01..2019-03-31';

let ds: Dataset;
let index: FactIndex;
beforeAll(async () => {
  ds = await bundledDataset();
  index = new FactIndex(resolveFacts(ds.figures, ds.sources));
});

const valueOf = (area: string, measure: 'offences' | 'platform_known', period: string) =>
  index.one(area, measure, period)?.preferred.value;

describe('the seed release (NSPCC, 17 April 2018)', () => {
  it('Hampshire, first nine months: 62 offences, platform recorded 67 times', () => {
    expect(valueOf('hampshire', 'offences', NINE_MONTHS)).toBe(62);
    expect(valueOf('hampshire', 'platform_known', NINE_MONTHS)).toBe(67);
  });

  it('Hampshire platform records as published: Facebook 18, Instagram/WhatsApp 17, Snapchat 16', () => {
    const b = platformBreakdown(ds, index, 'hampshire', NINE_MONTHS);
    const byLabel = Object.fromEntries(b.records.map((f) => [f.preferred.category, f.preferred.value]));
    expect(byLabel).toMatchObject({ Facebook: 18, 'Instagram/WhatsApp': 17, Snapchat: 16 });
    expect(b.platformKnown?.preferred.value).toBe(67);
    expect(b.offences?.preferred.value).toBe(62);
  });

  it("keeps the newspaper's 27 for Instagram/WhatsApp as a disagreeing alternative", () => {
    const b = platformBreakdown(ds, index, 'hampshire', NINE_MONTHS);
    const igwa = b.records.find((f) => f.preferred.category === 'Instagram/WhatsApp')!;
    expect(igwa.disagree).toBe(true);
    expect(igwa.alternatives.map((a) => a.value)).toContain(27);
  });

  it('shows "Facebook-owned apps" 27 as published and surfaces that 18 + 17 = 35', () => {
    const b = platformBreakdown(ds, index, 'hampshire', NINE_MONTHS);
    const meta = b.records.find((f) => f.preferred.category.startsWith('Facebook-owned apps'))!;
    expect(meta.preferred.value).toBe(27);
    const check = b.combinedVsParts.find((c) => c.combined === meta)!;
    expect(check.parts.map((p) => p.preferred.category).sort()).toEqual(['Facebook', 'Instagram/WhatsApp']);
    expect(check.partsSum.lo).toBe(35);
    expect(check.differs).toBe(true);
  });

  it('England and Wales in the same round: 1,628 offences, platform known in 956', () => {
    expect(valueOf('england-and-wales', 'offences', NINE_MONTHS)).toBe(1628);
    expect(valueOf('england-and-wales', 'platform_known', NINE_MONTHS)).toBe(956);
  });
});

describe('areas nest', () => {
  it('Wales 2017/18: the four Welsh forces sum to the published 274', () => {
    const check = compareAggregate(ds, index, 'wales', FY1718);
    expect(check.published?.preferred.value).toBe(274);
    expect(check.computed.missing).toEqual([]);
    expect(check.computed.reported).toHaveLength(4);
    expect(formatEstimate(check.computed.estimate!)).toBe('274');
    expect(check.difference).toBe(0);
  });

  it('refuses to add a region to its own forces', () => {
    expect(() => totalAcrossForces(ds, index, ['wales', 'gwent'], FY1718)).toThrow(/would count them twice/);
  });
});

describe('coverage', () => {
  it('2017/18 has a figure for 34 of the 43 forces and names the 9 missing', () => {
    const forces = [...ds.areas.values()].filter((a) => a.ew43).map((a) => a.id);
    const total = totalAcrossForces(ds, index, forces, FY1718);
    expect(total.reported).toHaveLength(34);
    expect(total.missing.map((id) => ds.areas.get(id)!.name).sort()).toEqual(E_AND_W_MISSING_1718);
  });
});

describe('overlapping periods', () => {
  it('refuses to add the first nine months to 2017/18, naming both', () => {
    expect(() => totalAcrossPeriods(ds, index, 'hampshire', [NINE_MONTHS, FY1718])).toThrow(OverlapError);
    expect(() => totalAcrossPeriods(ds, index, 'hampshire', [NINE_MONTHS, FY1718])).toThrow(
      /First nine months .* and 2017\/18 share days/,
    );
  });

  it('adds disjoint years: Hampshire 2017/18 + 2018/19 = 152 + 181', () => {
    expect(totalAcrossPeriods(ds, index, 'hampshire', [FY1718, FY1819])?.lo).toBe(333);
  });

  it('never adds shares', () => {
    expect(() =>
      totalAcrossForces(ds, index, ['hampshire'], NINE_MONTHS, 'platform_share' as 'offences'),
    ).toThrow(/Shares are never added/);
  });
});
