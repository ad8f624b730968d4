import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rectsOverlap, type Point, type Rect } from './geometry';
import { LABEL_MIN_WIDTH, labelRect, placeLabels } from './label-placement';

const card = (x: number, y: number): Rect => ({ x, y, width: 220, height: 112 });

describe('label placement', () => {
  it('puts a chip in the middle of the longest segment when there is room', () => {
    const points: Point[] = [
      [0, 0],
      [0, 40],
      [400, 40],
    ];
    const placed = placeLabels([{ id: 'a', points, width: 80 }], []).get('a');
    expect(placed).toMatchObject({ x: 200, y: 40, width: 80, shortened: false, clear: true });
  });

  it('moves along the route to clear a card, and two chips on one route never meet', () => {
    const points: Point[] = [
      [0, 100],
      [600, 100],
    ];
    const cards = [card(250, 60)];
    const placed = placeLabels(
      [
        { id: 'a', points, width: 100 },
        { id: 'b', points, width: 100 },
      ],
      cards,
    );
    const a = labelRect(placed.get('a')!);
    const b = labelRect(placed.get('b')!);
    expect(rectsOverlap(a, cards[0]!)).toBe(false);
    expect(rectsOverlap(b, cards[0]!)).toBe(false);
    expect(rectsOverlap(a, b)).toBe(false);
  });

  it('shortens a chip with no room for its whole text, down to a word or two', () => {
    // A 90 px gap between two cards: a 160 px chip does not fit, a narrower one does.
    const points: Point[] = [
      [220, 50],
      [310, 50],
    ];
    const placed = placeLabels([{ id: 'a', points, width: 160 }], [card(0, 0), card(310, 0)]);
    expect(placed.get('a')).toMatchObject({ shortened: true, clear: true });
    expect(placed.get('a')!.width).toBeGreaterThanOrEqual(LABEL_MIN_WIDTH);
    expect(placed.get('a')!.width).toBeLessThan(90);
  });

  it('never puts a clear chip on a card or another chip (property)', () => {
    const point = fc.tuple(fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 0, max: 800 }));
    const route = fc
      .array(point, { minLength: 2, maxLength: 5 })
      .map((corners) =>
        corners.flatMap((p, i): Point[] => (i === 0 ? [p] : [[p[0], corners[i - 1]![1]], p])),
      );
    fc.assert(
      fc.property(
        fc.array(point, { maxLength: 8 }),
        fc.array(fc.tuple(route, fc.integer({ min: 30, max: 180 })), {
          minLength: 1,
          maxLength: 12,
        }),
        (cardCorners, routes) => {
          const cards = cardCorners.map(([x, y]) => card(x, y));
          const placed = placeLabels(
            routes.map(([points, width], i) => ({ id: String(i), points, width })),
            cards,
          );
          const clear = [...placed.values()].filter((label) => label.clear).map(labelRect);
          for (const [i, chip] of clear.entries()) {
            for (const c of cards) expect(rectsOverlap(chip, c)).toBe(false);
            for (const other of clear.slice(i + 1)) expect(rectsOverlap(chip, other)).toBe(false);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
