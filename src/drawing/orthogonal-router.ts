import { OUTWARD, type Point, type Rect, type Side } from './geometry';

export interface RouteRequest {
  readonly start: Point;
  /** The route's first step goes out through this side. */
  readonly startSide: Side;
  readonly end: Point;
  /** The route's last step comes in through this side (as an arrow into a card's handle). */
  readonly endSide: Side;
  /** Rectangles whose interior the route may not enter; their borders may be followed. */
  readonly obstacles: readonly Rect[];
  /** The route stays inside this rectangle. */
  readonly area: Rect;
  /** More lines the route may run along (clear of cards), besides the obstacles' borders. */
  readonly extraX?: readonly number[];
  readonly extraY?: readonly number[];
}

/**
 * A bend costs as much as this many pixels of length: a slightly longer route with fewer
 * corners reads better than the shortest staircase.
 */
const BEND = 30;

// Directions of travel: +x, -x, +y, -y.
const DX = [1, -1, 0, 0] as const;
const DY = [0, 0, 1, -1] as const;
const DIR_OF: Readonly<Record<Side, number>> = { r: 0, l: 1, b: 2, t: 3 };
const REVERSE = [1, 0, 3, 2] as const;

function uniqueSorted(values: number[]): number[] {
  values.sort((a, b) => a - b);
  const out: number[] = [];
  for (const value of values)
    if (out.length === 0 || out[out.length - 1] !== value) out.push(value);
  return out;
}

/** First index with values[i] >= x (values sorted). */
function lowerBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A binary min-heap of states keyed by a float priority, in flat typed arrays. */
class StateHeap {
  private keys = new Float64Array(64);
  private states = new Int32Array(64);
  size = 0;
  push(key: number, state: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const states = new Int32Array(this.size * 2);
      states.set(this.states);
      this.states = states;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((this.keys[parent] as number) <= key) break;
      this.keys[i] = this.keys[parent] as number;
      this.states[i] = this.states[parent] as number;
      i = parent;
    }
    this.keys[i] = key;
    this.states[i] = state;
  }
  pop(): number {
    const top = this.states[0] as number;
    const lastKey = this.keys[--this.size] as number;
    const lastState = this.states[this.size] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && (this.keys[child + 1] as number) < (this.keys[child] as number))
        child++;
      if ((this.keys[child] as number) >= lastKey) break;
      this.keys[i] = this.keys[child] as number;
      this.states[i] = this.states[child] as number;
      i = child;
    }
    this.keys[i] = lastKey;
    this.states[i] = lastState;
    return top;
  }
}

// Search state reused from call to call: a diagram routes hundreds of edges, and allocating
// (and clearing) the cost arrays for each was most of the time. `seen[state] === generation`
// marks the entries this call wrote; the rest are stale.
let cost = new Float64Array(0);
let previous = new Int32Array(0);
let seen = new Uint32Array(0);
let generation = 0;
function buffers(states: number) {
  if (cost.length < states) {
    const size = Math.max(states, cost.length * 2);
    cost = new Float64Array(size);
    previous = new Int32Array(size);
    seen = new Uint32Array(size);
    generation = 0;
  }
  generation = generation === 0xffffffff ? 1 : generation + 1;
  if (generation === 1) seen.fill(0);
  return { cost, previous, seen, generation };
}

/**
 * An orthogonal route from `start` to `end` that never enters an obstacle: A* over the sparse
 * grid of the obstacles' borders and the ends' coordinates (a route that bends only on those
 * lines loses nothing, since between them the free space does not change), with each bend
 * costing `BEND`. Returns the corner points, ends included, or null when no route exists
 * inside `area`.
 */
export function routeOrthogonal(request: RouteRequest): Point[] | null {
  const { start, end, area, obstacles } = request;
  const xsIn = [start[0], end[0], area.x, area.x + area.width, ...(request.extraX ?? [])];
  const ysIn = [start[1], end[1], area.y, area.y + area.height, ...(request.extraY ?? [])];
  for (const rect of obstacles) {
    xsIn.push(rect.x, rect.x + rect.width);
    ysIn.push(rect.y, rect.y + rect.height);
  }
  const x0 = area.x;
  const x1 = area.x + area.width;
  const y0 = area.y;
  const y1 = area.y + area.height;
  const xs = uniqueSorted(xsIn.filter((x) => x >= x0 && x <= x1));
  const ys = uniqueSorted(ysIn.filter((y) => y >= y0 && y <= y1));
  const nx = xs.length;
  const ny = ys.length;
  const si = lowerBound(xs, start[0]);
  const sj = lowerBound(ys, start[1]);
  const ei = lowerBound(xs, end[0]);
  const ej = lowerBound(ys, end[1]);
  if (xs[si] !== start[0] || ys[sj] !== start[1] || xs[ei] !== end[0] || ys[ej] !== end[1])
    return null;

  // blockedNode: the point is inside an obstacle; blockedH/V: the step from (i, j) to
  // (i + 1, j) / (i, j + 1) runs through one. Grid lines include every border, so a step is
  // either wholly inside an obstacle's span or wholly outside it.
  const cells = nx * ny;
  const blockedNode = new Uint8Array(cells);
  const blockedH = new Uint8Array(cells);
  const blockedV = new Uint8Array(cells);
  for (const rect of obstacles) {
    const rx0 = rect.x;
    const rx1 = rect.x + rect.width;
    const ry0 = rect.y;
    const ry1 = rect.y + rect.height;
    const iIn0 = lowerBound(xs, rx0);
    const iIn1 = lowerBound(xs, rx1);
    const jIn0 = lowerBound(ys, ry0);
    const jIn1 = lowerBound(ys, ry1);
    // Strictly inside: indices after the border up to before the far border.
    const iStrict0 = xs[iIn0] === rx0 ? iIn0 + 1 : iIn0;
    const jStrict0 = ys[jIn0] === ry0 ? jIn0 + 1 : jIn0;
    for (let j = jStrict0; j < jIn1; j++) {
      const row = j * nx;
      for (let i = iStrict0; i < iIn1; i++) blockedNode[row + i] = 1;
      // Horizontal steps strictly inside in y, spanning [xs[i], xs[i+1]] within [rx0, rx1].
      for (let i = iIn0; i + 1 < nx && (xs[i + 1] as number) <= rx1; i++) blockedH[row + i] = 1;
    }
    for (let j = jIn0; j + 1 < ny && (ys[j + 1] as number) <= ry1; j++) {
      const row = j * nx;
      for (let i = iStrict0; i < iIn1; i++) blockedV[row + i] = 1;
    }
  }
  const startNode = sj * nx + si;
  const endNode = ej * nx + ei;
  const firstDir = DIR_OF[request.startSide];
  const lastDir = REVERSE[DIR_OF[request.endSide]];

  const states = cells * 4;
  const { cost, previous, seen, generation } = buffers(states);
  const heap = new StateHeap();
  const ex = end[0];
  const ey = end[1];
  const startState = startNode * 4 + firstDir;
  cost[startState] = 0;
  previous[startState] = -1;
  seen[startState] = generation;
  heap.push(Math.abs(start[0] - ex) + Math.abs(start[1] - ey), startState);
  let found = -1;
  while (heap.size > 0) {
    const state = heap.pop();
    const node = state >> 2;
    const dir = state & 3;
    const g = cost[state] as number;
    if (node === endNode && dir === lastDir) {
      found = state;
      break;
    }
    const i = node % nx;
    const j = (node - i) / nx;
    for (let d = 0; d < 4; d++) {
      if (d === REVERSE[dir]) continue;
      // The first step leaves through the start side.
      if (state === startState && d !== firstDir) continue;
      const ni = i + (DX[d] as number);
      const nj = j + (DY[d] as number);
      if (ni < 0 || nj < 0 || ni >= nx || nj >= ny) continue;
      const next = nj * nx + ni;
      if (blockedNode[next] === 1) continue;
      if (
        d < 2 ? blockedH[j * nx + Math.min(i, ni)] === 1 : blockedV[Math.min(j, nj) * nx + i] === 1
      )
        continue;
      const nxp = xs[ni] as number;
      const nyp = ys[nj] as number;
      const step = Math.abs(nxp - (xs[i] as number)) + Math.abs(nyp - (ys[j] as number));
      const ng = g + step + (d === dir ? 0 : BEND);
      const nextState = next * 4 + d;
      if (seen[nextState] === generation && ng >= (cost[nextState] as number)) continue;
      seen[nextState] = generation;
      cost[nextState] = ng;
      previous[nextState] = state;
      // Ties go to the state further along (smaller h): in open space A* then runs
      // straight at the target instead of widening a front of equal-cost states.
      // Off both of the target's lines, at least one more bend is due.
      const h = Math.abs(nxp - ex) + Math.abs(nyp - ey) + (nxp !== ex && nyp !== ey ? BEND : 0);
      heap.push(ng + h * 1.000001, nextState);
    }
  }
  if (found < 0) return null;

  const nodes: number[] = [];
  for (let state = found; state >= 0; state = previous[state] as number) {
    const node = state >> 2;
    if (nodes[nodes.length - 1] !== node) nodes.push(node);
  }
  nodes.reverse();
  return simplify(
    nodes.map((node) => [xs[node % nx] as number, ys[Math.floor(node / nx)] as number]),
  );
}

/** Drops the points in the middle of straight runs, leaving ends and corners. */
export function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const point of points) {
    const last = out[out.length - 1];
    if (last && last[0] === point[0] && last[1] === point[1]) continue;
    const before = out[out.length - 2];
    if (
      before &&
      last &&
      ((before[0] === last[0] && last[0] === point[0]) ||
        (before[1] === last[1] && last[1] === point[1]))
    ) {
      out[out.length - 1] = point;
    } else out.push(point);
  }
  return out;
}

/** The point one step of `length` out of `side` from `point`. */
export function stepOut(point: Point, side: Side, length: number): Point {
  const [dx, dy] = OUTWARD[side];
  return [point[0] + dx * length, point[1] + dy * length];
}
