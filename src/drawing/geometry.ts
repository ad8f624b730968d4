/** A point of the diagram (flow coordinates). */
export type Point = readonly [number, number];

/** A rectangle of the diagram (flow coordinates). */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The side of a card an edge leaves or enters by: top, bottom, left, right. */
export type Side = 't' | 'b' | 'l' | 'r';

/** The unit step out of a card through each side. */
export const OUTWARD: Readonly<Record<Side, Point>> = {
  t: [0, -1],
  b: [0, 1],
  l: [-1, 0],
  r: [1, 0],
};

export function inflate(rect: Rect, by: number): Rect {
  return {
    x: rect.x - by,
    y: rect.y - by,
    width: rect.width + 2 * by,
    height: rect.height + 2 * by,
  };
}

/** Whether two rectangles share interior (touching edges do not count). */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Whether the axis-parallel segment a–b passes through the interior of `rect`. A segment along
 * a card's border, or ending on it, does not: that is where edges attach.
 */
export function segmentCrossesRect(a: Point, b: Point, rect: Rect): boolean {
  const x0 = Math.min(a[0], b[0]);
  const x1 = Math.max(a[0], b[0]);
  const y0 = Math.min(a[1], b[1]);
  const y1 = Math.max(a[1], b[1]);
  const rx1 = rect.x + rect.width;
  const ry1 = rect.y + rect.height;
  if (x0 === x1) return x0 > rect.x && x0 < rx1 && y0 < ry1 && y1 > rect.y;
  if (y0 === y1) return y0 > rect.y && y0 < ry1 && x0 < rx1 && x1 > rect.x;
  // Not axis-parallel: check the bounding box, which is conservative.
  return x0 < rx1 && x1 > rect.x && y0 < ry1 && y1 > rect.y;
}
