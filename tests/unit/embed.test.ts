import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PARTS, embedQuery, readEmbedQuery, defaultEmbedOptions } from '../../src/lib/embed/params.ts';
import { heightMessages, pymMessage, pymWidth } from '../../src/lib/embed/resize.ts';
import { escapeHtml, iframeSnippet, linkSnippet, pymSnippet } from '../../src/lib/embed/snippet.ts';
import { defaultState, type Vocabulary } from '../../src/lib/state/url.ts';

const vocab: Vocabulary = {
  areas: ['hampshire', 'kent'],
  platforms: ['facebook'],
  periods: ['2017-18', '2018-19'],
  defaultPeriods: ['2017-18', '2018-19'],
};

describe('embed URL keys', () => {
  it('reads theme and parts beside the explorer keys', () => {
    const { state, options, ignored } = readEmbedQuery(
      'view=forces&force=kent&theme=dark&show=title,source',
      vocab,
    );
    expect(ignored).toEqual([]);
    expect(state).toMatchObject({ view: 'forces', areas: ['kent'] });
    expect(options.theme).toBe('dark');
    expect([...options.show]).toEqual(['title', 'source']);
  });

  it("treats pym.js's own parameters as expected, and keeps a safe child id", () => {
    const query =
      'initialWidth=640&childId=chart-1&parentTitle=News&parentUrl=https%3A%2F%2Fnews.example%2Fa';
    const { options, ignored } = readEmbedQuery(query, vocab);
    expect(ignored).toEqual([]);
    expect(options.pymId).toBe('chart-1');
    expect(readEmbedQuery('childId=a%20b%3Cscript%3E', vocab).options.pymId).toBeNull();
  });

  it('shows a chart view when asked for another, and says so', () => {
    const { state, ignored } = readEmbedQuery('view=table&theme=neon&show=title,ads', vocab);
    expect(state.view).toBe('time');
    expect(ignored.map((i) => `${i.key}=${i.value}`)).toEqual(['theme=neon', 'show=ads', 'view=table']);
  });

  it('reads show=none, which embedQuery writes for a chart alone, as no part and nothing ignored', () => {
    const q = embedQuery(defaultState(vocab), vocab, { theme: 'auto', show: new Set() });
    expect(q).toBe('show=none');
    const { options, ignored } = readEmbedQuery(q, vocab);
    expect([...options.show]).toEqual([]);
    expect(ignored).toEqual([]);
  });

  it('round-trips embed options and leaves defaults out', () => {
    const state = { ...defaultState(vocab), view: 'platforms' as const, areas: ['hampshire'] };
    expect(embedQuery(state, vocab, defaultEmbedOptions())).toBe('view=platforms&force=hampshire');
    const q = embedQuery(state, vocab, { theme: 'transparent', show: new Set(['title', 'link'] as const) });
    expect(q).toBe('view=platforms&force=hampshire&theme=transparent&show=title,link');
    const back = readEmbedQuery(q, vocab);
    expect(back.options.theme).toBe('transparent');
    expect([...back.options.show].sort()).toEqual(['link', 'title']);
    expect(back.state).toEqual(state);
    expect(PARTS).toHaveLength(4);
  });
});

describe('height messages', () => {
  it('carry the height and the embed URL only, in three formats', () => {
    const src = 'https://charts.example/embed.html?view=forces';
    expect(heightMessages(512, src, null)).toEqual([
      { type: 'foi-explorer:resize', height: 512, src },
      JSON.stringify({ context: 'iframe.resize', height: 512, src }),
    ]);
    expect(heightMessages(512, src, 'c1')[2]).toBe('pymxPYMxc1xPYMxheightxPYMx512');
  });

  it("reads pym.js's width messages for this child only", () => {
    expect(pymWidth(pymMessage('c1', 'width', 640), 'c1')).toBe(640);
    expect(pymWidth(pymMessage('c2', 'width', 640), 'c1')).toBeNull();
    expect(pymWidth(pymMessage('c1', 'height', 640), 'c1')).toBeNull();
    expect(pymWidth({ width: 640 }, 'c1')).toBeNull();
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        expect(() => pymWidth(junk, 'c1')).not.toThrow();
      }),
    );
  });
});

describe('snippets', () => {
  const hostile = {
    embedUrl: 'https://charts.example/app/embed.html?force=hampshire&view=forces',
    explorerUrl: 'https://charts.example/app/?force=hampshire&view=forces',
    title: 'Forces "</script><script>alert(1)</script>',
  };

  it('escape text from the data in attributes and scripts', () => {
    const iframe = iframeSnippet(hostile);
    expect(iframe).toContain('title="Forces &quot;&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(iframe).toContain('src="https://charts.example/app/embed.html?force=hampshire&amp;view=forces"');
    expect(iframe).toContain('e.origin!=="https://charts.example"');
    const pym = pymSnippet(hostile, 'chart');
    expect(pym).not.toMatch(/<\/script><script>alert/);
    expect(pym).toContain('\\u003c/script>');
    expect(linkSnippet(hostile)).toBe(
      '<a href="https://charts.example/app/?force=hampshire&amp;view=forces">Forces &quot;&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;: explore the police figures</a>',
    );
    expect(escapeHtml(`<'&">`)).toBe('&lt;&#39;&amp;&quot;&gt;');
  });

  it('resize only their own iframe, from the embed origin, with a sane height', () => {
    const iframe = iframeSnippet(hostile);
    expect(iframe).toContain('e.source!==f.contentWindow');
    expect(iframe).toContain('d.height>0&&d.height<20000');
    expect(iframe).toMatch(/loading="lazy"/);
  });
});
