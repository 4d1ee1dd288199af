/**
 * What platform figures are out of, in words: every share base the data has, and the base line of every kind
 * of platform panel the view model produces. Platform records are not offences (Hampshire, first nine months:
 * the platform was disclosed in 67 cases, 67 platform records for 62 offences).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledDataset } from '../support/dataset.ts';
import { SHARE_BASES } from '../../src/lib/data/schema.ts';
import { SHARE_BASE_WORDS, panelBaseWords } from '../../src/lib/words/bases.ts';
import { makeContext, type Context } from '../../src/lib/views/context.ts';
import { platformView, type PlatformPanel } from '../../src/lib/views/platforms.ts';
import { factsInView, tableRow } from '../../src/lib/views/table.ts';
import { vocabularyOf } from '../../src/lib/state/explorer.svelte.ts';
import { defaultState } from '../../src/lib/state/url.ts';

describe('share bases', () => {
  it('has words for every share base the data has', () => {
    expect(SHARE_BASE_WORDS).toEqual({
      platform_known: 'of offences where a platform was recorded',
      platform_records: 'of platform records',
      offences: 'of all offences',
      unstated: 'base not stated by the source',
    });
    expect(Object.keys(SHARE_BASE_WORDS).sort()).toEqual([...SHARE_BASES].sort());
  });
});

describe("a platform panel's base line", () => {
  it('names platform records as records where the cases outnumber the offences', () => {
    expect(panelBaseWords({ known: '67', offences: '62', knownCountsRecords: true })).toBe(
      '67 platform records (cases where a platform was disclosed) for 62 offences',
    );
    expect(panelBaseWords({ known: '67', offences: null, knownCountsRecords: true })).toBe(
      '67 platform records (cases where a platform was disclosed)',
    );
  });

  it('names offences where a platform was recorded, of the offences, otherwise', () => {
    expect(panelBaseWords({ known: '956', offences: '1,628', knownCountsRecords: false })).toBe(
      '956 offences where a platform was recorded, of 1,628 offences',
    );
    expect(panelBaseWords({ known: '956', offences: null, knownCountsRecords: false })).toBe(
      '956 offences where a platform was recorded; number of offences not published',
    );
  });

  it('says what was not published', () => {
    expect(panelBaseWords({ known: null, offences: '66', knownCountsRecords: false })).toBe(
      'number of offences with a platform recorded not published, of 66 offences',
    );
    expect(panelBaseWords({ known: null, offences: null, knownCountsRecords: false })).toBe(
      'number of offences with a platform recorded, and of offences, not published',
    );
  });
});

describe('on the bundled data', () => {
  let ctx: Context;
  let panels: PlatformPanel[];
  const panel = (title: string) => panels.find((p) => p.title === title)!;
  beforeAll(async () => {
    ctx = makeContext(await bundledDataset());
    const base = defaultState(vocabularyOf(ctx.ds));
    panels = platformView(ctx, { ...base, view: 'platforms', periods: [] }).panels;
  });

  it('the seed view: 67 platform records for 62 offences, and shares of platform records', () => {
    const hampshire = panel('Hampshire, First nine months (Apr 2017–Jan 2018)');
    expect(hampshire.denominator).toBe(
      '67 platform records (cases where a platform was disclosed) for 62 offences',
    );
    expect(hampshire.recordsExceedOffences).toBe(true);
    expect(new Set(hampshire.shares.map((s) => s.base))).toEqual(new Set(['of platform records']));
  });

  it('each kind of panel the data gives has its base line', () => {
    expect(panel('England and Wales, First nine months (Apr 2017–Jan 2018)').denominator).toBe(
      '956 offences where a platform was recorded, of 1,628 offences',
    );
    expect(panel('Cambridgeshire, 2017/18').denominator).toBe(
      'number of offences with a platform recorded not published, of 66 offences',
    );
    expect(panel('Avon and Somerset, 2017/18').denominator).toBe(
      'number of offences with a platform recorded, and of offences, not published',
    );
    expect(panel('United Kingdom, 2023/24').denominator).toBe(
      '1,824 offences where a platform was recorded, of 7,000 or more offences',
    );
    // Only where the cases outnumber the offences are they called platform records.
    for (const p of panels)
      expect(p.denominator, p.title).toMatch(
        /^(?:[\d,≈ ]+(?: or more)? platform records \(cases where a platform was disclosed\) for .+ offences|[\d,≈ ]+(?: or more)? offences where a platform was recorded, of .+ offences|number of offences with a platform recorded not published, of .+ offences|number of offences with a platform recorded, and of offences, not published)$/,
      );
    expect(panels.filter((p) => p.denominator.includes('platform records ('))).toHaveLength(1);
  });

  it('every share in the table names its base', () => {
    const base = defaultState(vocabularyOf(ctx.ds));
    const rows = factsInView(ctx, { ...base, periods: [] })
      .filter((f) => f.preferred.measure === 'platform_share')
      .map((f) => tableRow(ctx, f));
    expect(new Set(rows.map((r) => r.base))).toEqual(new Set(Object.values(SHARE_BASE_WORDS)));
  });
});
