/** Direct labels placed clear of one another and of the marks (src/lib/charts/labels.ts). */
import { describe, expect, it } from 'vitest';
import { labelBox, placeLabels, type Slot } from '../../src/lib/charts/labels.ts';

const ALL: Slot[] = ['above', 'right', 'left', 'below'];

describe('placeLabels', () => {
  it('puts a lone label in its first place', () => {
    expect(placeLabels([{ datum: 'a', x: 100, y: 100, text: '274', slots: ALL }], [])).toEqual([
      { datum: 'a', slot: 'above' },
    ]);
  });

  it('moves a label that would sit on another, or on a mark, to its next free place', () => {
    // Gwent 44 and North Wales 53, a few pixels apart in one period: the lower one goes beside its point.
    const placed = placeLabels(
      [
        { datum: 'gwent', x: 300, y: 380, text: '44', slots: ALL },
        { datum: 'north-wales', x: 300, y: 372, text: '53', slots: ALL },
      ],
      [
        { x0: 295, x1: 305, y0: 367, y1: 377 },
        { x0: 295, x1: 305, y0: 375, y1: 385 },
      ],
    );
    expect(placed).toEqual([
      { datum: 'north-wales', slot: 'above' },
      { datum: 'gwent', slot: 'right' },
    ]);
  });

  it('boxes follow the text anchor of each place', () => {
    expect(labelBox(100, 100, '12', 'right').x0).toBeGreaterThan(100);
    expect(labelBox(100, 100, '12', 'left').x1).toBeLessThan(100);
    expect(labelBox(100, 100, '12', 'above').y1).toBeLessThan(100);
    expect(labelBox(100, 100, '12', 'below').y0).toBeGreaterThan(100);
  });
});
