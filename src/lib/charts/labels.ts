/**
 * Places direct value labels beside a few marks so that none sits on another label or on a mark: each label
 * takes the first of its allowed places (above, left, right, below the mark) whose box is free, or its first
 * place when none is. Pure arithmetic on pixel positions the chart has already computed with its own scales.
 */

export type Slot = 'above' | 'left' | 'right' | 'below';

/** Where a label in each place is drawn, relative to its mark, as Plot's text options. */
export const SLOTS: Readonly<
  Record<Slot, { dx: number; dy: number; textAnchor: 'start' | 'middle' | 'end' }>
> = {
  above: { dx: 0, dy: -12, textAnchor: 'middle' },
  left: { dx: -8, dy: 0, textAnchor: 'end' },
  right: { dx: 8, dy: 0, textAnchor: 'start' },
  below: { dx: 0, dy: 15, textAnchor: 'middle' },
};

/** A rectangle in pixels. */
export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface LabelRequest<T> {
  datum: T;
  /** The mark's centre in pixels. */
  x: number;
  y: number;
  text: string;
  /** The places this label may take, in order of preference. */
  slots: readonly Slot[];
}

/** Width of a character and height of a line at the labels' 11-pixel font, generously rounded up. */
const CHAR_PX = 6.6;
const LINE_PX = 13;

/** The box a label of `text` covers in `slot` beside a mark at (x, y). */
export function labelBox(x: number, y: number, text: string, slot: Slot): Box {
  const { dx, dy, textAnchor } = SLOTS[slot];
  const w = text.length * CHAR_PX;
  const left = textAnchor === 'start' ? x + dx : textAnchor === 'end' ? x + dx - w : x + dx - w / 2;
  return { x0: left, x1: left + w, y0: y + dy - LINE_PX / 2, y1: y + dy + LINE_PX / 2 };
}

const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Each label's place, top of the chart first; `obstacles` are the marks and anything else drawn. */
export function placeLabels<T>(
  requests: readonly LabelRequest<T>[],
  obstacles: readonly Box[],
): { datum: T; slot: Slot }[] {
  const taken: Box[] = [...obstacles];
  return [...requests]
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((r) => {
      const free = r.slots.find((slot) => {
        const box = labelBox(r.x, r.y, r.text, slot);
        return !taken.some((t) => overlaps(box, t));
      });
      const slot = free ?? r.slots[0] ?? 'above';
      taken.push(labelBox(r.x, r.y, r.text, slot));
      return { datum: r.datum, slot };
    });
}
