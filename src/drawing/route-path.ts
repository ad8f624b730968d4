import type { Point } from './geometry';

/** Corners of a route are rounded with this radius (less where the segments are shorter). */
const CORNER_RADIUS = 8;

const num = (value: number): string => String(Math.round(value * 100) / 100);

/**
 * An orthogonal route as an SVG path: straight runs and rounded corners. The canvas edge, the
 * overview picture (as a Path2D) and the SVG export all draw this one string.
 */
export function routePath(points: readonly Point[], radius = CORNER_RADIUS): string {
  const first = points[0];
  if (!first) return '';
  let d = `M${num(first[0])},${num(first[1])}`;
  for (let i = 1; i < points.length; i++) {
    const point = points[i] as Point;
    const next = points[i + 1];
    if (!next) {
      d += ` L${num(point[0])},${num(point[1])}`;
      break;
    }
    const prev = points[i - 1] as Point;
    const inLength = Math.abs(point[0] - prev[0]) + Math.abs(point[1] - prev[1]);
    const outLength = Math.abs(next[0] - point[0]) + Math.abs(next[1] - point[1]);
    const r = Math.min(radius, inLength / 2, outLength / 2);
    const a: Point = [
      point[0] - Math.sign(point[0] - prev[0]) * r,
      point[1] - Math.sign(point[1] - prev[1]) * r,
    ];
    const b: Point = [
      point[0] + Math.sign(next[0] - point[0]) * r,
      point[1] + Math.sign(next[1] - point[1]) * r,
    ];
    d += ` L${num(a[0])},${num(a[1])} Q${num(point[0])},${num(point[1])} ${num(b[0])},${num(b[1])}`;
  }
  return d;
}

/** The bounding box of a route: [minX, minY, maxX, maxY]. */
export function routeBounds(points: readonly Point[]): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return [x0, y0, x1, y1];
}
