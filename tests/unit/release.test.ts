/**
 * Pinned releases: which facts changed between two fixture releases (in-memory datasets, resolved as the app
 * resolves them), the notice's words, the pin read from a hostile address, and the release stamped into
 * downloads, citations, links and embeds.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as aq from 'arquero';
import { JSDOM } from 'jsdom';
import { figure, syntheticDataset } from '../support/dataset.ts';
import type { Figure, Source } from '../../src/lib/data/schema.ts';
import { makeContext } from '../../src/lib/views/context.ts';
import { changedFacts } from '../../src/lib/release/diff.ts';
import { changeWords, footerLine, pinNotice, releaseStamp } from '../../src/lib/release/words.ts';
import { parseReleaseId, type ReleaseInfo } from '../../src/lib/release/id.ts';
import {
  NO_RELEASE_LIST,
  NO_SUCH_RELEASE,
  indexUrl,
  pinnedHref,
  releaseFiles,
  resolvePin,
  type Pin,
} from '../../src/lib/release/pin.ts';
import { datasetCSV, figuresCSV, RELEASE_COLUMN } from '../../src/lib/export/downloads.ts';
import { citation } from '../../src/lib/words/citation.ts';
import { stampedSvg } from '../../src/lib/export/stamped.ts';
import { embedQuery, readEmbedQuery, defaultEmbedOptions } from '../../src/lib/embed/params.ts';
import { defaultState, fromQuery, toQuery, type Vocabulary } from '../../src/lib/state/url.ts';
import { withRelease } from '../../src/lib/release/pin.ts';
import { EMBED_ALLOWED, EXPLORER_ALLOWED, prerenderFits } from '../../src/lib/prerender/guard.ts';
import { CURRENT_RELEASE } from '../../src/lib/state/release.svelte.ts';

const source = (id: string, url: string, date = '2020-01-01'): Source => ({
  id,
  url,
  kind: 'nspcc',
  publisher: `Publisher ${id}`,
  date,
});
const FY = { period_start: '2017-04-03', period_end: '2018-03-31' };

/** Three fixture releases: the first, a correction of it, and one that changes nothing a reader sees. */
const oldFigures: Figure[] = [
  figure({ id: 'f1', area: 'a1', value: 62, ...FY }),
  figure({ id: 'f2', area: 'a2', value: 10, ...FY }),
  figure({ id: 'f3', area: 'a3', value: 5, ...FY }),
  figure({ id: 'f4', area: 'a1', measure: 'platform', category: 'P', value: 18, ...FY }),
  figure({ id: 'f5', area: 'r', value: 77, ...FY }),
];
const oldSources = [source('s1', 'https://a.example/1'), source('s2', 'https://b.example/2')];
const first = makeContext(syntheticDataset(oldFigures, oldSources));

const second = makeContext(
  syntheticDataset(
    [
      figure({ id: 'f1', area: 'a1', value: 60, ...FY }), // value corrected
      figure({ id: 'f2', area: 'a2', value: 10, qualifier: 'approximate', ...FY }), // qualifier corrected
      figure({ id: 'f3', area: 'a3', value: 5, source: 's2', ...FY }), // another page
      // f4 removed
      figure({ id: 'f5', area: 'r', value: 77, ...FY }), // unchanged
      figure({ id: 'f6', area: 'a2', measure: 'platform', category: 'P', value: 4, ...FY }), // added
    ],
    oldSources,
  ),
);
/** The first release's rows with their pages renumbered (a new page listed first): nothing a reader sees. */
const renumbered = makeContext(
  syntheticDataset(
    oldFigures.map((f) => ({ ...f, source: f.source === 's1' ? 's9' : f.source })),
    [source('s9', 'https://a.example/1'), source('s2', 'https://b.example/2')],
  ),
);

const keysOf = (ctx: typeof first) => ctx.index.facts.map((f) => f.key);
const OLD: ReleaseInfo = parseReleaseId('2026-11-28-a1b2c3')!;
const NEW: ReleaseInfo = parseReleaseId('2027-03-01-d4e5f6')!;

describe('changedFacts', () => {
  it('lists exactly the facts whose preferred value, qualifier or source differs, or that one release lacks', () => {
    const changes = changedFacts(first, second, [...keysOf(first), ...keysOf(second)]);
    const ids = changes.map((c) => [c.old?.preferred.id ?? null, c.current?.preferred.id ?? null, c.fields]);
    const name = (x: unknown[]) => String(x[0] ?? x[1]);
    expect(ids.sort((a, b) => name(a).localeCompare(name(b)))).toEqual([
      ['f1', 'f1', ['value']],
      ['f2', 'f2', ['qualifier']],
      ['f3', 'f3', ['source']],
      ['f4', null, []],
      [null, 'f6', []],
    ]);
  });

  it('only looks at the facts asked for, each once', () => {
    const [f1, f5] = ['f1', 'f5'].map((id) => first.index.facts.find((f) => f.preferred.id === id)!.key);
    expect(changedFacts(first, second, [f5!, f1!, f1!]).map((c) => c.key)).toEqual([f1]);
    expect(changedFacts(first, second, [])).toEqual([]);
    expect(changedFacts(first, second, ['no|such|fact'])).toEqual([]);
  });

  it('finds nothing between a release and itself, or one whose pages were only renumbered', () => {
    expect(changedFacts(first, first, keysOf(first))).toEqual([]);
    expect(changedFacts(first, renumbered, keysOf(first))).toEqual([]);
  });

  it('follows the preference rule: a later page with another figure changes the preferred value', () => {
    const later = makeContext(
      syntheticDataset(
        [...oldFigures, figure({ id: 'f7', area: 'a1', value: 64, source: 's3', ...FY })],
        [...oldSources, source('s3', 'https://c.example/3', '2026-01-01')],
      ),
    );
    const changes = changedFacts(first, later, keysOf(first));
    expect(changes.map((c) => [c.old!.preferred.value, c.current!.preferred.value, c.fields])).toEqual([
      [62, 64, ['value', 'source']],
    ]);
  });

  it('says what changed in words', () => {
    const words = changedFacts(first, second, [...keysOf(first), ...keysOf(second)]).map((c) =>
      changeWords(first.ds, second.ds, c),
    );
    expect(words).toContain('A1, 2017-04-03..2018-03-31: offences 62 → 60');
    expect(words).toContain('A2, 2017-04-03..2018-03-31: offences 10 → ≈ 10 (exact → approximate)');
    expect(words).toContain(
      'A3, 2017-04-03..2018-03-31: offences 5 (source: Publisher s1, 2020-01-01 → Publisher s2, 2020-01-01)',
    );
    expect(words).toContain('A1, 2017-04-03..2018-03-31: platform "P": 18, no longer published');
    expect(words).toContain('A2, 2017-04-03..2018-03-31: platform "P": new, 4');
  });
});

describe('the notice and the stamps', () => {
  it('says which release a pinned page shows and how many of its figures the current one changes', () => {
    expect(pinNotice(OLD, NEW, 4)).toBe(
      'Data as of release 2026-11-28 (a1b2c3); the current release is 2027-03-01, which changes 4 figures in this view.',
    );
    expect(pinNotice(OLD, NEW, 1)).toContain('which changes 1 figure in this view.');
    expect(pinNotice(OLD, NEW, 0)).toContain('which changes no figures in this view.');
    expect(pinNotice(NEW, NEW, 0)).toBe('Data as of release 2027-03-01 (d4e5f6), the current release.');
    expect(releaseStamp(NEW)).toBe('Data release 2027-03-01 (d4e5f6).');
    expect(footerLine(OLD, NEW)).toContain('the current release is 2027-03-01 (d4e5f6)');
  });

  it('puts a data_release column first on every row of a download, read by a CSV parser in its default mode', () => {
    const facts = first.index.facts;
    for (const text of [figuresCSV(first, facts, 'count', OLD.id), datasetCSV(first, OLD.id)]) {
      expect(text.startsWith(`${RELEASE_COLUMN},figure_id,origin,area,`)).toBe(true);
      expect(text.split('\n')[1]!.startsWith(`${OLD.id},f`)).toBe(true);
      const table = aq.fromCSV(text); // no options: what a reader's tool does
      expect(table.columnNames()[0]).toBe(RELEASE_COLUMN);
      expect(table.numRows()).toBe(5);
      expect(new Set(Array.from(table.array(RELEASE_COLUMN) as ArrayLike<unknown>))).toEqual(
        new Set([OLD.id]),
      );
    }
    expect(figuresCSV(first, facts, 'u16', OLD.id).split('\n')[0]).toMatch(
      /^data_release,.*,rate_per_100000,/,
    );
    // Without a release, the file is as before.
    expect(figuresCSV(first, facts, 'count').startsWith('figure_id,')).toBe(true);
  });

  it('names the release, the figure count and the pinned link in the citation', () => {
    const { text } = citation(
      'A1 · 2017/18',
      'Over time',
      'https://x.example/?data=2026-11-28-a1b2c3',
      new Date('2026-12-01'),
      OLD,
      8,
    );
    expect(text).toBe(
      'Sexual communication with a child: police FOI figures (Over time: A1 · 2017/18). Figures from police FOI ' +
        'disclosures, NSPCC releases and newspaper reports, as compiled in the FOI grooming-data explorer; ' +
        '8 figures, data release 2026-11-28 (a1b2c3). https://x.example/?data=2026-11-28-a1b2c3 (accessed 2026-12-01).',
    );
  });

  it('stamps the release into the SVG', () => {
    const { document } = new JSDOM('<!doctype html><svg></svg>').window;
    const svg = stampedSvg(
      [],
      {
        title: 'T',
        subtitle: 'S',
        notes: [],
        source: 'NSPCC.',
        release: releaseStamp(OLD),
        url: 'https://x.example/',
      },
      document,
    );
    expect([...svg.querySelectorAll('text')].map((t) => t.textContent)).toEqual([
      'T',
      'S',
      'Source: NSPCC.',
      'Data release 2026-11-28 (a1b2c3).',
      'https://x.example/',
    ]);
  });

  it('the pages are built with the release of the live data', () => {
    expect(parseReleaseId(CURRENT_RELEASE.id)).toEqual(CURRENT_RELEASE);
  });
});

describe('the data= key', () => {
  const vocab: Vocabulary = {
    areas: ['hampshire'],
    platforms: [],
    periods: ['2017-18'],
    defaultPeriods: ['2017-18'],
  };

  it('is known to the explorer and the embed, kept last, and never part of the view state', () => {
    expect(fromQuery(`view=forces&data=${OLD.id}`, vocab).ignored).toEqual([]);
    expect(fromQuery('data=../../etc', vocab).ignored).toEqual([]); // checked by the release, not here
    expect(readEmbedQuery(`data=${OLD.id}&theme=dark`, vocab).ignored).toEqual([]);
    const state = { ...defaultState(vocab), view: 'forces' as const, areas: ['hampshire'] };
    expect(toQuery(state, vocab)).toBe('view=forces&force=hampshire');
    expect(withRelease(toQuery(state, vocab), OLD.id)).toBe(`view=forces&force=hampshire&data=${OLD.id}`);
    expect(withRelease(`data=${OLD.id}&view=forces`, null)).toBe('view=forces');
    expect(withRelease('view=forces&force=a,b', null)).toBe('view=forces&force=a,b');
    expect(embedQuery(state, vocab, { ...defaultEmbedOptions(), data: OLD.id })).toBe(
      `view=forces&force=hampshire&data=${OLD.id}`,
    );
    expect(embedQuery(state, vocab, { ...defaultEmbedOptions(), data: null })).toBe(
      'view=forces&force=hampshire',
    );
  });

  it('makes the prerendered default view not fit, on either page', () => {
    for (const search of [`?data=${CURRENT_RELEASE.id}`, '?data=', `?view=time&data=${OLD.id}`]) {
      expect(prerenderFits(search, EXPLORER_ALLOWED)).toBe(false);
      expect(prerenderFits(search, EMBED_ALLOWED)).toBe(false);
    }
  });

  it('pins and unpins a full address', () => {
    expect(pinnedHref('https://x.example/sub/?view=forces#top', OLD.id)).toBe(
      `https://x.example/sub/?view=forces&data=${OLD.id}#top`,
    );
    expect(pinnedHref(`https://x.example/sub/embed.html?data=${OLD.id}`, null)).toBe(
      'https://x.example/sub/embed.html',
    );
  });
});

describe('resolving a pin', () => {
  const BASE = 'https://host.example/sub/dir/index.html?x=1';
  const RELEASES = 'https://host.example/sub/dir/releases/';
  const published = { current: NEW, releases: [NEW, OLD] };
  const resolve = (search: string, index: unknown = published) => {
    const fetched: string[] = [];
    const pin = resolvePin(search, {
      current: NEW,
      base: BASE,
      fetchJson: async (url) => {
        fetched.push(url);
        return index;
      },
    });
    return pin.then((p) => ({ pin: p, fetched }));
  };

  it('loads an earlier published release from releases/<id>/, the lean figures on the embed', async () => {
    const { pin, fetched } = await resolve(`?view=forces&data=${OLD.id}`);
    expect(fetched).toEqual([`${RELEASES}index.json`]);
    expect(pin).toMatchObject({ kind: 'earlier', release: OLD, ignored: [] });
    const files = (pin as Extract<Pin, { kind: 'earlier' }>).files;
    expect(files.figures).toBe(`${RELEASES}${OLD.id}/figures.csv`);
    expect(files.labels).toBe(`${RELEASES}${OLD.id}/platform-labels.csv`);
    expect(releaseFiles(OLD.id, BASE, true).figures).toBe(`${RELEASES}${OLD.id}/figures-lean.csv`);
  });

  it('names the current release without fetching anything, and shows it unpinned without a pin', async () => {
    await expect(resolve(`?data=${NEW.id}`)).resolves.toEqual({
      pin: { kind: 'current', release: NEW, ignored: [] },
      fetched: [],
    });
    await expect(resolve('?view=forces')).resolves.toEqual({
      pin: { kind: 'none', ignored: [] },
      fetched: [],
    });
  });

  it('ignores, with the notice of stale keys, an id that is malformed, unpublished or unreachable', async () => {
    const ignoredOf = async (search: string, index?: unknown) => (await resolve(search, index)).pin;
    expect(await ignoredOf('?data=2026-11-29-a1b2c3')).toEqual({
      kind: 'none',
      ignored: [{ key: 'data', value: '2026-11-29-a1b2c3', reason: NO_SUCH_RELEASE }],
    });
    expect((await resolve('?data=..%2F..%2Fetc')).fetched).toEqual([]);
    expect(await ignoredOf('?data=..%2F..%2Fetc')).toEqual({
      kind: 'none',
      ignored: [{ key: 'data', value: '../../etc', reason: NO_SUCH_RELEASE }],
    });
    const failing = await resolvePin(`?data=${OLD.id}`, {
      current: NEW,
      base: BASE,
      fetchJson: () => Promise.reject(new Error('offline')),
    });
    expect(failing).toEqual({
      kind: 'none',
      ignored: [{ key: 'data', value: OLD.id, reason: NO_RELEASE_LIST }],
    });
    expect((await ignoredOf(`?data=${OLD.id}`, '<html>not json</html>')).kind).toBe('none');
    expect((await ignoredOf(`?data=${OLD.id}&data=${NEW.id}`)).ignored).toEqual([
      { key: 'data', value: NEW.id, reason: 'a link pins one data release: the first one is used' },
    ]);
    const long = `2026-11-28-a1b2c3${'a'.repeat(5000)}`;
    expect((await ignoredOf(`?data=${long}`)).ignored[0]!.value).toHaveLength(80);
  });

  const hostile = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(
      '../',
      '..%2F..%2Fetc%2Fpasswd',
      '%2e%2e%2f',
      '2026-11-28-a1b2c3/../../index.html',
      '2026-11-28-a1b2c3%2F..%2F..%2Fsecret',
      '2026-11-28-a1b2c3/',
      '2026-11-28-a1b2c3?x',
      '2026-11-28-a1b2c3#x',
      '/etc/passwd',
      '//evil.example/x',
      'https://evil.example/',
      '2026-11-28-A1B2C3',
      ' 2026-11-28-a1b2c3',
      '2026-11-28-a1b2c3\n',
      '2026-11-28-a1b2c3%00',
      'index.json',
      `2026-11-28-${'a'.repeat(100_000)}`,
      '\\..\\..\\',
      '%252e%252e%252f',
    ),
  );

  it('never throws and never reads outside the releases folder, whatever the address (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, fc.boolean(), fc.boolean(), async (value, encode, listed) => {
        const search = `?view=forces&data=${encode ? encodeURIComponent(value) : value}`;
        // A list that also names the hostile string itself: the strict pattern must still refuse it.
        const index = { releases: [NEW, OLD, ...(listed ? [{ id: value }, { id: decodeSafe(value) }] : [])] };
        const { pin, fetched } = await resolve(search, index);
        for (const url of fetched) expect(url).toBe(indexUrl(BASE));
        if (pin.kind === 'earlier') {
          expect(pin.release.id).toMatch(/^\d{4}-\d{2}-\d{2}-[0-9a-f]{6}$/);
          for (const url of Object.values(pin.files)) {
            expect(url.startsWith(`${RELEASES}${pin.release.id}/`)).toBe(true);
            expect(new URL(url).pathname).toBe(new URL(url).pathname.replace(/\/\.\.?\//g, '/'));
          }
        }
        for (const item of pin.ignored) expect(item.value.length).toBeLessThanOrEqual(80);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses to make a path of anything but a release id', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        if (parseReleaseId(value)) return;
        expect(() => releaseFiles(value, BASE)).toThrow('not a release id');
      }),
    );
  });
});

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
