import { segmentCrossesRect, type Point, type Rect } from './geometry';

/** How far apart routes that would share a run are drawn, and the most one is moved. */
export const NUDGE_STEP = 6;
const NUDGE_MAX = 12;

interface Run {
  readonly route: number;
  /** Index of the run's first point in its route. */
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/**
 * Spreads routes that would run along the same line over the same stretch a few pixels apart,
 * so that each stays traceable. Only inner runs move (a route's first and last runs stay on
 * their handles); a move is kept only if the route still enters no card (`cardsNear` gives
 * the cards round a segment) and no corner folds back.
 */
export function nudgeRoutes(
  routes: readonly (readonly Point[])[],
  cardsNear: (a: Point, b: Point) => readonly Rect[],
): Point[][] {
  const out = routes.map((points) => points.map((p): Point => [p[0], p[1]]));
  for (const axis of [1, 0] as const) {
    // axis 1: horizontal runs, keyed by y; axis 0: vertical runs, keyed by x.
    const along = axis === 1 ? 0 : 1;
    const lines = new Map<number, Run[]>();
    out.forEach((points, route) => {
      for (let at = 1; at + 2 < points.length; at++) {
        const a = points[at] as Point;
        const b = points[at + 1] as Point;
        if (a[axis] !== b[axis]) continue;
        const run = {
          route,
          at,
          from: Math.min(a[along], b[along]),
          to: Math.max(a[along], b[along]),
        };
        const line = lines.get(a[axis]);
        if (line) line.push(run);
        else lines.set(a[axis], [run]);
      }
    });
    for (const runs of lines.values()) {
      if (runs.length < 2) continue;
      runs.sort((r, s) => r.from - s.from || r.route - s.route);
      // Interval colouring: each run takes the lowest track free where it starts.
      const trackEnds: number[] = [];
      const tracks = runs.map((run) => {
        let track = trackEnds.findIndex((end) => end <= run.from);
        if (track < 0) track = trackEnds.length;
        trackEnds[track] = run.to;
        return track;
      });
      const count = trackEnds.length;
      if (count < 2) continue;
      runs.forEach((run, i) => {
        const raw = ((tracks[i] as number) - (count - 1) / 2) * NUDGE_STEP;
        const offset = Math.max(-NUDGE_MAX, Math.min(NUDGE_MAX, raw));
        if (offset !== 0) shift(out[run.route] as Point[], run.at, axis, offset, cardsNear);
      });
    }
  }
  return out;
}

function shift(
  points: Point[],
  at: number,
  axis: 0 | 1,
  offset: number,
  cardsNear: (a: Point, b: Point) => readonly Rect[],
): void {
  const before = points[at - 1] as Point;
  const a = points[at] as Point;
  const b = points[at + 1] as Point;
  const after = points[at + 2] as Point;
  // The runs either side are perpendicular: they must stay longer than the move.
  if (Math.abs(a[axis] + offset - before[axis]) < 2 || Math.abs(b[axis] + offset - after[axis]) < 2)
    return;
  if (Math.sign(a[axis] - before[axis]) !== Math.sign(a[axis] + offset - before[axis])) return;
  if (Math.sign(after[axis] - b[axis]) !== Math.sign(after[axis] - b[axis] - offset)) return;
  const moved = (p: Point): Point => (axis === 1 ? [p[0], p[1] + offset] : [p[0] + offset, p[1]]);
  const na = moved(a);
  const nb = moved(b);
  const segments: [Point, Point][] = [
    [before, na],
    [na, nb],
    [nb, after],
  ];
  for (const [p, q] of segments) {
    if (cardsNear(p, q).some((card) => segmentCrossesRect(p, q, card))) return;
  }
  points[at] = na;
  points[at + 1] = nb;
}
