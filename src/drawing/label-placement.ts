import { inflate, rectsOverlap, type Point, type Rect } from './geometry';
import { createRectIndex } from './rect-index';

export interface LabelRequest {
  readonly id: string;
  /** The route the label belongs on. */
  readonly points: readonly Point[];
  /** The chip's width with its whole text. */
  readonly width: number;
}

export interface PlacedLabel {
  /** Centre of the chip. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Narrower than its whole text: drawn with an ellipsis, the full text in its tooltip. */
  readonly shortened: boolean;
  /** Clear of every card and every other chip (false only when the route has no room at all). */
  readonly clear: boolean;
}

export const LABEL_HEIGHT = 20;
/** Narrowest a chip gets: a word or two and the ellipsis. */
export const LABEL_MIN_WIDTH = 56;
/** Room kept between a chip and a card, and between two chips. */
const CARD_GAP = 4;
const CHIP_GAP = 3;
/** Where along a segment a chip may sit, most preferred first. */
const ALONG = [0.5, 0.35, 0.65, 0.2, 0.8];

function candidates(points: readonly Point[]): Point[] {
  const segments = points
    .slice(1)
    .map((b, i) => [points[i] as Point, b] as const)
    .map(([a, b]) => ({ a, b, length: Math.abs(b[0] - a[0]) + Math.abs(b[1] - a[1]) }))
    .filter((segment) => segment.length > 0)
    .sort((s, t) => t.length - s.length);
  return segments.flatMap(({ a, b }) =>
    ALONG.map((t): Point => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]),
  );
}

const box = ([x, y]: Point, width: number, height: number): Rect => ({
  x: x - width / 2,
  y: y - height / 2,
  width,
  height,
});

/**
 * Places each label chip on its route where it covers no card and no chip placed before it:
 * whole on any segment if it can, else narrower (with an ellipsis), longest segments and their
 * middles first. Pure and deterministic, so the canvas and the exports put chips in the same
 * places.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  cards: readonly Rect[],
): Map<string, PlacedLabel> {
  // Each index holds the rectangle grown by its gap, so a chip is blocked by what it overlaps.
  const cardIndex = createRectIndex<Rect>();
  for (const card of cards) {
    const grown = inflate(card, CARD_GAP);
    cardIndex.add(grown, grown);
  }
  const chips = createRectIndex<Rect>();
  const blocked = (rect: Rect) =>
    cardIndex.some(rect, (card) => rectsOverlap(card, rect)) ||
    chips.some(rect, (chip) => rectsOverlap(chip, rect));

  const placed = new Map<string, PlacedLabel>();
  for (const request of requests) {
    const spots = candidates(request.points);
    const full = request.width;
    const widths = [full, full * 0.7, full * 0.5, LABEL_MIN_WIDTH].filter(
      (width, i) => i === 0 || (width >= LABEL_MIN_WIDTH && width < full),
    );
    let found: PlacedLabel | null = null;
    search: for (const width of widths) {
      for (const spot of spots) {
        const rect = box(spot, width, LABEL_HEIGHT);
        if (blocked(rect)) continue;
        found = {
          x: spot[0],
          y: spot[1],
          width,
          height: LABEL_HEIGHT,
          shortened: width < full,
          clear: true,
        };
        break search;
      }
    }
    const fallback = spots[0] ?? request.points[0] ?? [0, 0];
    found ??= {
      x: fallback[0],
      y: fallback[1],
      width: Math.min(full, LABEL_MIN_WIDTH),
      height: LABEL_HEIGHT,
      shortened: full > LABEL_MIN_WIDTH,
      clear: false,
    };
    const grown = inflate(box([found.x, found.y], found.width, found.height), CHIP_GAP);
    chips.add(grown, grown);
    placed.set(request.id, found);
  }
  return placed;
}

/** The chip's rectangle. */
export const labelRect = (label: PlacedLabel): Rect =>
  box([label.x, label.y], label.width, label.height);
