/**
 * Published totals beside their members: the verdict (a pure function of the estimates), its words, and what
 * the views, the table and the downloads say on the bundled data and on a small synthetic dataset.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledDataset, figure, syntheticDataset } from '../support/dataset.ts';
import type { Source } from '../../src/lib/data/schema.ts';
import { ZERO, type Estimate } from '../../src/lib/query/estimate.ts';
import { classifyMembers, membersCheck, shortfall } from '../../src/lib/query/members.ts';
import { makeContext, type Context } from '../../src/lib/views/context.ts';
import { membersRow } from '../../src/lib/views/members.ts';
import { timeView } from '../../src/lib/views/time.ts';
import { forcesView } from '../../src/lib/views/forces.ts';
import { factsInView, tableRow } from '../../src/lib/views/table.ts';
import { downloadColumns, downloadRows, MEMBERS_COLUMNS } from '../../src/lib/export/downloads.ts';
import { vocabularyOf } from '../../src/lib/state/explorer.svelte.ts';
import { defaultState } from '../../src/lib/state/url.ts';
import type { ViewState } from '../../src/lib/views/state.ts';
import { markedWords, membersOf, membersWords, showMembersLabel } from '../../src/lib/words/members.ts';
import { E_AND_W_MISSING_1718 as E_AND_W_MISSING, FY1718 } from '../support/published.ts';

const exact = (n: number): Estimate => ({ ...ZERO, lo: n, hi: n, parts: 1 });
const atLeast = (n: number): Estimate => ({ ...ZERO, lo: n, hi: Infinity, parts: 1, atLeastParts: 1 });
const approx = (n: number): Estimate => ({ ...exact(n), approximate: true });
const suppressed: Estimate = { ...ZERO, lo: 0, hi: Infinity, parts: 1, suppressedParts: 1 };

describe('classifyMembers', () => {
  it('agree: every member has a figure and the sum can be the published figure', () => {
    expect(classifyMembers(exact(274), exact(274), 0)).toBe('agree');
    expect(classifyMembers(atLeast(200), exact(250), 0)).toBe('agree');
    expect(classifyMembers(exact(250), { ...exact(240), hi: Infinity, suppressedParts: 1 }, 0)).toBe('agree');
  });

  it('explained: members are missing and the published figure is at least what the others add up to', () => {
    expect(classifyMembers(exact(3217), exact(2572), 9)).toBe('explained');
    expect(classifyMembers(exact(679), exact(679), 1)).toBe('explained');
    expect(classifyMembers(atLeast(7000), exact(1916), 36)).toBe('explained');
  });

  it('disagree: every member reports and the sum differs, or the reporting members already exceed it', () => {
    expect(classifyMembers(exact(326), exact(329), 0)).toBe('disagree');
    expect(classifyMembers(exact(565), exact(566), 1)).toBe('disagree');
    expect(classifyMembers(exact(100), atLeast(120), 0)).toBe('disagree');
  });

  it('cannot be checked exactly where an approximate figure would disagree', () => {
    expect(classifyMembers(approx(2000), exact(2010), 0)).toBe('approximate');
    expect(classifyMembers(approx(2000), exact(2000), 0)).toBe('agree');
  });

  it('nothing to compare: no member figure, or no usable published figure (never read as zero)', () => {
    expect(classifyMembers(exact(10119), null, 43)).toBe('no-members');
    expect(classifyMembers(null, exact(12), 0)).toBe('unpublished');
    expect(classifyMembers(suppressed, exact(12), 0)).toBe('agree');
  });

  it('the shortfall is a range, never below zero, and none where the members already exceed', () => {
    expect(shortfall(exact(3217), exact(2572))).toMatchObject({ lo: 645, hi: 645 });
    expect(shortfall(exact(7263), { ...exact(596), hi: Infinity })).toMatchObject({ lo: 0, hi: 6667 });
    expect(shortfall(exact(565), exact(566))).toBeNull();
  });
});

describe('the words', () => {
  it('name the members of an aggregate, and what a button or a mark does with them', () => {
    expect(membersOf('Wales', 4)).toBe("Wales's 4 forces");
    expect(membersOf('East of England (region)', 6)).toBe('the 6 forces of East of England (region)');
    expect(showMembersLabel('Wales', 4, false)).toBe("Show Wales's 4 forces");
    expect(showMembersLabel('Wales', 4, true)).toBe("Hide Wales's 4 forces");
    expect(markedWords([membersOf('Wales', 4)])).toBe("Wales's 4 forces marked");
    expect(markedWords(['Hampshire', 'Kent', membersOf('Wales', 4)])).toBe(
      "Hampshire, Kent and Wales's 4 forces marked",
    );
    expect(markedWords([])).toBeNull();
  });

  it('print a suppressed part as a word, never as a number', () => {
    const w = membersWords({
      name: 'R',
      published: exact(30),
      alsoPublished: [],
      parts: [exact(30), suppressed],
      sum: { ...exact(30), hi: Infinity, parts: 2, suppressedParts: 1 },
      members: 2,
      missing: [],
      verdict: 'agree',
      shortfall: null,
    });
    expect(w.sum).toBe("members' sum 30 + suppressed = 30 or more (1 suppressed part)");
    expect(w.reason).toBe("the forces' sum, 30 or more (1 suppressed part), can be the published 30.");
  });
});

describe('on the bundled data', () => {
  let ctx: Context;
  let base: ViewState;
  beforeAll(async () => {
    ctx = makeContext(await bundledDataset());
    base = defaultState(vocabularyOf(ctx.ds));
  });

  it('Wales 2017/18: published 274, its four forces 158 + 53 + 44 + 19 = 274, agree', () => {
    const check = membersCheck(ctx.ds, ctx.index, 'wales', FY1718);
    expect(check.verdict).toBe('agree');
    expect(check.parts.map((p) => p.estimate.lo)).toEqual([158, 53, 44, 19]);
    const row = membersRow(ctx, 'wales', FY1718)!;
    expect(row.words).toMatchObject({
      published: 'published 274',
      sum: "members' sum 158 + 53 + 44 + 19 = 274",
      coverage: '4 of 4 forces have a figure',
      missing: '',
      verdict: 'Agree',
      reason: 'all 4 forces have a figure and add up to the published figure.',
    });
    expect(row.parts).toBe('South Wales 158, North Wales 53, Gwent 44, Dyfed-Powys 19');
  });

  it('England and Wales 2017/18: 3,217 (also 3,171), 34 forces sum to 2,572, 9 named missing, explained', () => {
    const row = membersRow(ctx, 'england-and-wales', FY1718)!;
    expect(row.verdict).toBe('explained');
    expect(row.missing).toEqual(E_AND_W_MISSING);
    expect(row.words).toMatchObject({
      published: 'published 3,217 (also published as 3,171)',
      sum: "members' sum 2,572",
      coverage: '34 of 43 forces have a figure',
      missing: `No figure: ${E_AND_W_MISSING.join(', ')}.`,
      missingInline: true,
      verdict: 'Differ by what the missing forces could explain',
      reason:
        'the published figure exceeds the sum of the 34 forces with a figure by 645; the 9 forces without a figure could account for that.',
    });
  });

  it('Wales 2021/22: every force reports and the sum differs: disagree', () => {
    const row = membersRow(ctx, 'wales', '2021-04-01..2022-03-31')!;
    expect(row.verdict).toBe('disagree');
    expect(row.words.reason).toBe(
      'all 4 forces have a figure and they add up to 329, not the published 326 (a difference of 3); no missing force can explain it.',
    );
  });

  it('North West 2017/18: the reporting forces already exceed the published figure: disagree', () => {
    const row = membersRow(ctx, 'north-west-region', FY1718)!;
    expect(row.verdict).toBe('disagree');
    expect(row.words.reason).toBe(
      'the sum of the 4 forces with a figure is already 566, more than the published 565, before counting Cumbria.',
    );
  });

  it('South East 2019/20: four forces make the published figure without Thames Valley', () => {
    const row = membersRow(ctx, 'south-east-region', '2019-04-01..2020-03-31')!;
    expect(row.verdict).toBe('explained');
    expect(row.words.verdict).toBe('Match without the missing forces');
    expect(row.words.reason).toBe(
      'the 4 forces with a figure already make up the published figure, so either it leaves out Thames Valley or that force recorded none.',
    );
  });

  it('is no check for a force, nor where nothing is published', () => {
    expect(membersRow(ctx, 'hampshire', FY1718)).toBeNull();
    expect(membersRow(ctx, 'wales', '2018-04-01..2019-03-31')).toBeNull();
  });

  it('over time: the published totals shown, each with the button that shows its forces', () => {
    const view = timeView(ctx, { ...base, areas: ['wales'], periods: ['2017-18'] });
    expect(view.aggregates).toHaveLength(1);
    const [wales] = view.aggregates;
    expect(wales!.rows.map((r) => r.words.verdict)).toEqual(['Agree']);
    expect(wales!.toggle).toEqual({
      label: "Show Wales's 4 forces",
      areas: ['wales', 'dyfed-powys', 'gwent', 'north-wales', 'south-wales'],
    });
    const shown = timeView(ctx, { ...base, areas: wales!.toggle.areas, periods: ['2017-18'] });
    expect(shown.aggregates[0]!.toggle).toEqual({ label: "Hide Wales's 4 forces", areas: ['wales'] });
    // With nothing chosen, the national totals are shown: the button keeps them and adds the members.
    const national = timeView(ctx, { ...base, periods: ['2017-18'] });
    expect(national.aggregates.map((g) => g.name)).toEqual(['United Kingdom', 'England and Wales']);
    expect(national.aggregates[1]!.toggle.areas).toHaveLength(45);
  });

  it("forces: Wales marks its four forces and says so, beside Wales's published figure", () => {
    const view = forcesView(ctx, { ...base, areas: ['wales'], periods: ['2017-18'] });
    expect(view.marked).toBe("Wales's 4 forces marked");
    expect(view.bars.filter((b) => b.selected).map((b) => b.name)).toEqual([
      'South Wales',
      'North Wales',
      'Gwent',
      'Dyfed-Powys',
    ]);
    expect(view.tiles.filter((t) => t.selected)).toHaveLength(4);
    expect(view.aggregates.flatMap((g) => g.rows.map((r) => r.line))).toEqual([
      "Wales, 2017/18: published 274 · members' sum 158 + 53 + 44 + 19 = 274 · 4 of 4 forces have a figure · Agree: all 4 forces have a figure and add up to the published figure.",
    ]);
    const none = forcesView(ctx, { ...base, periods: ['2017-18'] });
    expect(none.marked).toBeNull();
    expect(none.aggregates.map((g) => g.area)).toEqual(['england-and-wales']);
  });

  it('the table row and the download carry the check beside the published figure', () => {
    const state = { ...base, areas: ['england-and-wales'], periods: ['2017-18'] };
    const facts = factsInView(ctx, state);
    const offences = facts.find((f) => f.preferred.measure === 'offences')!;
    expect(tableRow(ctx, offences).members?.words.sum).toBe("members' sum 2,572");
    expect(downloadColumns('count')).toEqual(expect.arrayContaining([...MEMBERS_COLUMNS]));
    const rows = downloadRows(ctx, facts);
    expect(rows.find((r) => r.measure === 'offences')).toMatchObject({
      value: 3217,
      members_sum: 2572,
      members_sum_upper: 2572,
      members_reporting: '34 of 43',
      members_missing: E_AND_W_MISSING.join('; '),
      members_check: expect.stringMatching(/^Differ by what the missing forces could explain: /),
    });
    expect(rows.find((r) => r.measure !== 'offences')?.members_sum).toBeUndefined();
  });
});

describe('on a synthetic region', () => {
  const sources: Source[] = [
    { id: 's1', url: 'https://example.org/s1', kind: 'nspcc', publisher: 'S1', date: '2020-01-01' },
  ];
  const offences = (values: Record<string, number>) =>
    Object.entries(values).map(([area, value], i) => figure({ id: `f${i}`, area, value }));

  it('disagrees where every member reports and the sum differs from the published figure', () => {
    const ctx = makeContext(syntheticDataset(offences({ a1: 10, a2: 20, a3: 30, r: 70 }), sources));
    const row = membersRow(ctx, 'r', FY1718)!;
    expect(row.verdict).toBe('disagree');
    expect(row.words.sum).toBe("members' sum 30 + 20 + 10 = 60");
    expect(row.words.reason).toBe(
      'all 3 forces have a figure and they add up to 60, not the published 70 (a difference of 10); no missing force can explain it.',
    );
  });

  it('agrees where they add up, and names the missing member where one has no figure', () => {
    const agree = makeContext(syntheticDataset(offences({ a1: 10, a2: 20, a3: 30, r: 60 }), sources));
    expect(membersRow(agree, 'r', FY1718)!.verdict).toBe('agree');
    const missing = makeContext(syntheticDataset(offences({ a1: 10, a2: 20, r: 60 }), sources));
    const row = membersRow(missing, 'r', FY1718)!;
    expect(row.verdict).toBe('explained');
    expect(row.words.missing).toBe('No figure: A3.');
    expect(row.words.reason).toBe(
      'the published figure exceeds the sum of the 2 forces with a figure by 30; A3 could account for that.',
    );
  });
});
