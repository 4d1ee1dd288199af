/**
 * The Over time chart's value labels (./time.ts): where each of a few points' labels goes, by the placement
 * rule of ./labels.ts.
 */
import type { TimePoint, TimeView } from '../views/time.ts';
import { placeLabels, type Box, type Slot } from './labels.ts';
import { formatNumber } from '../words/numbers.ts';

/** A point's value as its label reads: "≈ 992", "200+", "18?" (possibly incomplete), "62 †"; none for a suppressed value. */
export const pointLabel = (p: TimePoint): string =>
  p.suppressed
    ? ''
    : `${p.approximate ? '≈' : ''}${formatNumber(p.lo)}${p.atLeast ? '+' : ''}${p.incomplete ? '?' : ''}${p.disagree ? ' †' : ''}`;

type Scale = { apply(value: unknown): number };

/**
 * The value labels of a few points, each beside its point where it covers no other label, point, arrow or
 * "n of m" note: a year's label prefers to sit above its point, a longer period's (whose point can sit beside
 * a year's) to its left, an "at least" figure's beside its arrow. A suppressed value has no label.
 */
export function placePointLabels(view: TimeView, x: Scale, y: Scale, max: number) {
  const at = (p: TimePoint) => ({ x: x.apply(p.mid), y: y.apply(p.lo) });
  const obstacles: Box[] = view.points.flatMap((p) => {
    const c = at(p);
    const boxes: Box[] = [{ x0: c.x - 5, x1: c.x + 5, y0: c.y - 5, y1: c.y + 5 }];
    if (p.atLeast) boxes.push({ x0: c.x - 4, x1: c.x + 4, y0: y.apply(p.lo + max * 0.08), y1: c.y });
    if (p.coverage && p.coverage.n < p.coverage.of)
      boxes.push({ x0: c.x - 16, x1: c.x + 16, y0: c.y + 8, y1: c.y + 20 });
    return boxes;
  });
  return placeLabels(
    view.points
      .filter((p) => !p.suppressed)
      .map((p) => ({
        datum: p,
        ...at(p),
        text: pointLabel(p),
        slots: (p.atLeast
          ? ['right', 'left', 'below']
          : p.annual
            ? ['above', 'right', 'left', 'below']
            : ['left', 'above', 'right', 'below']) as Slot[],
      })),
    obstacles,
  );
}
