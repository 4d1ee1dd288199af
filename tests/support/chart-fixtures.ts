/**
 * Fixed chart inputs for the chart tests, built from the frozen fixture dataset (tests/fixtures/dataset/, see its
 * README) through the view-model functions, so that a change in a view model that moves a mark shows in a
 * snapshot diff while a new figure in data/ changes nothing. Also the normaliser that turns a chart's SVG into
 * stable, line-per-element text. No Node APIs: the browser tests use it too.
 */
import type { Dataset } from '../../src/lib/data/load.ts';
import { makeContext, type Context } from '../../src/lib/views/context.ts';
import { forcesView, type ForcesView } from '../../src/lib/views/forces.ts';
import { platformView, type PlatformPanel } from '../../src/lib/views/platforms.ts';
import { timeView, type TimeView } from '../../src/lib/views/time.ts';
import { defaultState } from '../../src/lib/state/url.ts';
import { type ViewState } from '../../src/lib/views/state.ts';
import { vocabularyOf } from '../../src/lib/state/explorer.svelte.ts';

/** Snapshots are drawn at this width, whatever the screen. */
export const WIDTH = 640;

export const NINE_MONTHS = '2017-04-03_2018-01-02';
export const FY1718 = '2017-18';

/** Forces with a figure for every year 2017/18–2023/24 except Hampshire (none for 2021/22). */
export const LIKE_FOR_LIKE_FORCES = ['hampshire', 'kent', 'surrey', 'sussex'];

export interface ChartFixtures {
  ctx: Context;
  states: Record<'timeNational' | 'timeLikeForLike' | 'timeCovered' | 'platforms' | 'forces', ViewState>;
  /** Hampshire and England and Wales over the eight financial years and the first nine months. */
  timeNational: TimeView;
  /** Four forces asked for over 2017/18–2023/24, like for like: Hampshire dropped, a total of three. */
  timeLikeForLike: TimeView;
  /** The same four forces over the eight years without like for like: totals covering fewer forces. */
  timeCovered: TimeView;
  /** Hampshire, first nine months: the one platform panel. */
  platformPanel: PlatformPanel;
  /** Every force of England and Wales, 2017/18 (ten of them have a figure in the fixture). */
  forces: ForcesView;
}

export function chartFixtures(ds: Dataset): ChartFixtures {
  const ctx = makeContext(ds);
  const base = defaultState(vocabularyOf(ds));
  const years = base.periods;
  const states: ChartFixtures['states'] = {
    timeNational: {
      ...base,
      areas: ['hampshire', 'england-and-wales'],
      periods: [NINE_MONTHS, ...years],
    },
    timeLikeForLike: {
      ...base,
      areas: LIKE_FOR_LIKE_FORCES,
      periods: years.filter((y) => y !== '2024-25'),
      likeForLike: true,
    },
    timeCovered: { ...base, areas: LIKE_FOR_LIKE_FORCES },
    platforms: { ...base, view: 'platforms', areas: ['hampshire'], periods: [NINE_MONTHS] },
    forces: { ...base, view: 'forces', focus: FY1718 },
  };
  const panels = platformView(ctx, states.platforms).panels;
  if (panels.length !== 1 || !panels[0]) throw new Error(`expected one platform panel, got ${panels.length}`);
  return {
    ctx,
    states,
    timeNational: timeView(ctx, states.timeNational),
    timeLikeForLike: timeView(ctx, states.timeLikeForLike),
    timeCovered: timeView(ctx, states.timeCovered),
    platformPanel: panels[0],
    forces: forcesView(ctx, states.forces),
  };
}

/** Attributes holding words, not geometry: their numbers are left as written. */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'data-tip', 'data-figure', 'href']);

const round = (text: string) =>
  text.replace(/-?\d*\.\d+(?:e-?\d+)?/g, (n) => {
    const r = Math.round(Number(n) * 10) / 10;
    return String(Object.is(r, -0) ? 0 : r);
  });

/**
 * Stable text for a chart: one element per line, indented by depth, attributes in document order, numbers in
 * geometric attributes rounded to one decimal, Plot's generated class names and ids replaced by tokens.
 */
export function normaliseSvg(root: Element): string {
  const ids = new Map<string, string>();
  const token = (text: string) =>
    text
      .replace(/\bplot-[0-9a-f]{6}\b/g, 'plot-CLASS')
      .replace(/\bplot-(clip|marker|pattern|gradient)-\d+\b/g, (id, kind: string) => {
        if (!ids.has(id)) ids.set(id, `plot-${kind}-${ids.size + 1}`);
        return ids.get(id)!;
      });
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const lines: string[] = [];
  const walk = (el: Element, depth: number) => {
    const pad = '  '.repeat(depth);
    const attrs = [...el.attributes]
      .map((a) => {
        const value = TEXT_ATTRIBUTES.has(a.name) ? a.value : round(a.value);
        return ` ${a.name}="${escape(token(value))}"`;
      })
      .join('');
    const tag = el.tagName.toLowerCase();
    const children = [...el.children];
    const text = children.length === 0 ? (el.textContent ?? '').trim() : '';
    if (tag === 'style') {
      lines.push(`${pad}<style${attrs}>`);
      for (const line of token(el.textContent ?? '').split('\n')) if (line.trim()) lines.push(pad + line);
      lines.push(`${pad}</style>`);
    } else if (children.length === 0) {
      lines.push(text ? `${pad}<${tag}${attrs}>${escape(text)}</${tag}>` : `${pad}<${tag}${attrs}/>`);
    } else {
      lines.push(`${pad}<${tag}${attrs}>`);
      for (const child of children) walk(child, depth + 1);
      lines.push(`${pad}</${tag}>`);
    }
  };
  walk(root, 0);
  return lines.join('\n') + '\n';
}
