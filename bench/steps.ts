/**
 * The filter changes of the interaction budget: a fixed, varied sequence over the explorer's three charted views,
 * the same in every run (a seeded generator picks the year ranges), so that runs compare.
 */

export type StepKind = 'force' | 'platform' | 'period' | 'year' | 'tab';
export interface Step {
  kind: StepKind;
  /** The control's label (tab text; "From" or "to" for the year selects). */
  name: string;
  /** For 'year': the option value, e.g. "2019-20". */
  value?: string;
}

/** A small, seeded pseudo-random generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FORCES = [
  'Kent',
  'Essex',
  'Lancashire',
  'West Midlands',
  'Thames Valley',
  'Surrey',
  'North Wales',
  'South Wales',
  'Greater Manchester',
  'Sussex',
];
const PLATFORMS = [
  'Snapchat',
  'Facebook',
  'Meta (all its apps)',
  'Instagram',
  'Snap (all its apps)',
  'WhatsApp',
];
const PERIODS = [
  '18 months (Apr 2017–Sep 2018)',
  'First six months (Apr–Oct 2017)',
  'July 2020–March 2021',
  'April–September 2018',
];
/** The force and period with the most platform records, so that platform changes have bars to redraw. */
const PLATFORM_AREA = 'Hampshire';
const PLATFORM_PERIOD = 'First nine months (Apr 2017–Jan 2018)';
const YEARS = ['2017-18', '2018-19', '2019-20', '2020-21', '2021-22', '2022-23', '2023-24', '2024-25'];

/** Cycles through a list, keeping at most `max` items chosen: each call ticks one on, or the oldest off. */
function toggler(items: readonly string[], max: number): () => string {
  const on: string[] = [];
  let next = 0;
  return () => {
    if (on.length >= max) return on.shift()!;
    const name = items[next++ % items.length]!;
    on.push(name);
    return name;
  };
}

/**
 * A fixed, varied sequence of changes: on "Over time", forces, periods and year ranges; on "Platforms",
 * Hampshire and the first nine months (which have the most platform records) ticked, then platforms and a
 * force, then both unticked; on "Forces", forces, years and periods; a tab change between each block.
 * Only tabs that draw charts are used. The explorer starts on "Over time" with nothing chosen.
 * Kind "force" covers any checkbox of the "Force or area" filter.
 */
export function steps(count: number): Step[] {
  const rnd = random(6);
  const force = toggler(FORCES, 2);
  const platform = toggler(PLATFORMS, 2);
  const period = toggler(PERIODS, 1);
  let [from, to] = [0, YEARS.length - 1];
  let which = 0;
  const year = (): Step => {
    if (which++ % 2 === 0) {
      from = Math.floor(rnd() * (to + 1));
      return { kind: 'year', name: 'From', value: YEARS[from]! };
    }
    to = from + Math.floor(rnd() * (YEARS.length - from));
    return { kind: 'year', name: 'to', value: YEARS[to]! };
  };
  const f = (): Step => ({ kind: 'force', name: force() });
  const pl = (): Step => ({ kind: 'platform', name: platform() });
  const pe = (): Step => ({ kind: 'period', name: period() });
  const tab = (name: string): Step => ({ kind: 'tab', name });
  const out: Step[] = [];
  while (out.length < count) {
    out.push(f(), f(), pe(), year(), f(), year(), tab('Platforms'));
    const area: Step = { kind: 'force', name: PLATFORM_AREA };
    const round: Step = { kind: 'period', name: PLATFORM_PERIOD };
    out.push(area, round, pl(), pl(), f(), pl(), pl(), round, area, tab('Forces'));
    out.push(f(), year(), f(), pe(), tab('Over time'));
  }
  return out;
}
