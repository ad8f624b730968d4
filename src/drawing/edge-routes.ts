import { BAND_HEIGHT, NODE_HEIGHT, NODE_WIDTH } from '../model/bands';
import type { DiagramEdge, DiagramNode } from '../model/schema';
import {
  inflate,
  rectsOverlap,
  segmentCrossesRect,
  type Point,
  type Rect,
  type Side,
} from './geometry';
import { routeOrthogonal, simplify, stepOut } from './orthogonal-router';
import { createRectIndex } from './rect-index';
import { nudgeRoutes } from './route-nudging';

/** How far a route keeps from the cards it passes (not from its own two ends). */
export const CLEARANCE = 16;
/** Feedback lanes run this far right of the rightmost card, one lane per edge, this far apart. */
const LANE_GAP = 48;
const LANE_STEP = 14;
/** How far past its two ends a route first looks for a way round (then the whole diagram). */
const SEARCH_PAD = NODE_HEIGHT;

export interface EdgeRoute {
  readonly edge: DiagramEdge;
  readonly source: DiagramNode;
  readonly target: DiagramNode;
  readonly sourceSide: Side;
  readonly targetSide: Side;
  /** Corner points from the source's handle to the target's handle; axis-parallel segments. */
  readonly points: readonly Point[];
  /** The rectangle searched for this route: a card moving inside it may change the route. */
  readonly area: Rect;
  /** Feedback lane x, when the route goes round the outside. */
  readonly lane: number | null;
  /** The points as routed, before shared runs were spread apart (`points` is what is drawn). */
  readonly base: readonly Point[];
}

export type RouteMap = ReadonlyMap<string, EdgeRoute>;

export function cardRect(node: DiagramNode): Rect {
  return { x: node.position.x, y: node.position.y, width: NODE_WIDTH, height: NODE_HEIGHT };
}

/** Where an edge attaches: the middle of the card's side. */
export function anchorPoint(node: DiagramNode, side: Side): Point {
  const { x, y } = node.position;
  switch (side) {
    case 't':
      return [x + NODE_WIDTH / 2, y];
    case 'b':
      return [x + NODE_WIDTH / 2, y + NODE_HEIGHT];
    case 'l':
      return [x, y + NODE_HEIGHT / 2];
    default:
      return [x + NODE_WIDTH, y + NODE_HEIGHT / 2];
  }
}

/**
 * Which sides an edge leaves and enters by. Feedback goes back up the diagram round its right
 * side, outside every card, so it reads as a loop; other edges go down the bands top to
 * bottom, or sideways between cards on one band.
 */
export function sidesFor(
  edge: DiagramEdge,
  source: DiagramNode,
  target: DiagramNode,
): { source: Side; target: Side } {
  const auto = autoSides(edge, source, target);
  // The handles a connector was drawn between are kept (a person chose them).
  return { source: edge.sourceSide ?? auto.source, target: edge.targetSide ?? auto.target };
}

function autoSides(
  edge: DiagramEdge,
  source: DiagramNode,
  target: DiagramNode,
): { source: Side; target: Side } {
  if (edge.kind === 'feedback') return { source: 'r', target: 'r' };
  const dy = target.position.y - source.position.y;
  const dx = target.position.x - source.position.x;
  if (Math.abs(dy) < BAND_HEIGHT / 2) {
    return dx >= 0 ? { source: 'r', target: 'l' } : { source: 'l', target: 'r' };
  }
  return dy > 0 ? { source: 'b', target: 't' } : { source: 't', target: 'b' };
}

const union = (a: Rect, b: Rect): Rect => {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
};

const around = (a: Point, b: Point, pad: number): Rect => ({
  x: Math.min(a[0], b[0]) - pad,
  y: Math.min(a[1], b[1]) - pad,
  width: Math.abs(a[0] - b[0]) + 2 * pad,
  height: Math.abs(a[1] - b[1]) + 2 * pad,
});

interface Cards {
  readonly index: ReturnType<typeof createRectIndex<DiagramNode>>;
  /** All cards with room round them: the widest area a route searches. */
  readonly bounds: Rect;
}

/**
 * The rectangles a leg may not enter: its own two cards as they are, the others with
 * `clearance` round them, except a card so close to an end that its margin would wall in the
 * handle (rows of cards 16 px apart): that one counts as it is, and the leg may run midway
 * between the two.
 */
function obstaclesIn(
  cards: Cards,
  area: Rect,
  ends: readonly DiagramNode[],
  stubs: readonly Rect[],
  clearance: number,
  extraX: number[],
  extraY: number[],
): Rect[] {
  return cards.index.near(area).map((node) => {
    const rect = cardRect(node);
    if (ends.includes(node) || clearance === 0) return rect;
    const grown = inflate(rect, clearance);
    if (!stubs.some((stub) => rectsOverlap(grown, stub))) return grown;
    extraX.push(rect.x - clearance / 2, rect.x + rect.width + clearance / 2);
    extraY.push(rect.y - clearance / 2, rect.y + rect.height + clearance / 2);
    return rect;
  });
}

/** The strip from a handle to the end of its first step out, a little wider than a line. */
function stubRect(from: Point, side: Side): Rect {
  const to = stepOut(from, side, CLEARANCE);
  return around(from, to, 0.5);
}

/** An elbow with its middle run halfway, or null when the ends face away from each other. */
function simpleRoute(from: Point, fromSide: Side, to: Point, toSide: Side): Point[] | null {
  const out = stepOut(from, fromSide, CLEARANCE);
  const into = stepOut(to, toSide, CLEARANCE);
  const vertical = fromSide === 't' || fromSide === 'b';
  if (vertical !== (toSide === 't' || toSide === 'b')) return null;
  // The first step must head towards the target, and the last arrive from its side.
  const ahead = vertical
    ? (fromSide === 'b' ? into[1] >= out[1] : into[1] <= out[1]) && toSide !== fromSide
    : (fromSide === 'r' ? into[0] >= out[0] : into[0] <= out[0]) && toSide !== fromSide;
  if (!ahead) return null;
  const mid: Point[] = vertical
    ? [
        [from[0], (from[1] + to[1]) / 2],
        [to[0], (from[1] + to[1]) / 2],
      ]
    : [
        [(from[0] + to[0]) / 2, from[1]],
        [(from[0] + to[0]) / 2, to[1]],
      ];
  return simplify([from, ...mid, to]);
}

/** Whether no segment of `points` enters a card (others with their clearance, the ends as they are). */
function isClear(cards: Cards, points: readonly Point[], ends: readonly DiagramNode[]): boolean {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    const blocked = cards.index.some(around(a, b, CLEARANCE), (node) => {
      const rect = ends.includes(node) ? cardRect(node) : inflate(cardRect(node), CLEARANCE);
      return segmentCrossesRect(a, b, rect);
    });
    if (blocked) return false;
  }
  return true;
}

/**
 * One leg of a route: near its ends first, then across the whole diagram, then (cards closer
 * than two clearances leave no lane between them) hugging the cards' borders. Last resort,
 * should a card's handle be walled in, a plain elbow.
 */
function leg(
  cards: Cards,
  from: Point,
  fromSide: Side,
  to: Point,
  toSide: Side,
  ends: readonly DiagramNode[],
): { points: Point[]; area: Rect } {
  const near = around(from, to, SEARCH_PAD);
  const whole = union(union(near, cards.bounds), around(from, to, CLEARANCE * 4));
  const extraX = [
    stepOut(from, fromSide, CLEARANCE)[0],
    stepOut(to, toSide, CLEARANCE)[0],
    (from[0] + to[0]) / 2,
  ];
  const extraY = [
    stepOut(from, fromSide, CLEARANCE)[1],
    stepOut(to, toSide, CLEARANCE)[1],
    (from[1] + to[1]) / 2,
  ];
  // Most edges need no search: a plain elbow that misses every card (with its margin) is the
  // route A* would find too, and checking it costs a few index lookups.
  const simple = simpleRoute(from, fromSide, to, toSide);
  if (simple && isClear(cards, simple, ends)) return { points: simple, area: around(from, to, 0) };
  const stubs = [stubRect(from, fromSide), stubRect(to, toSide)];
  const wider = around(from, to, SEARCH_PAD * 4);
  for (const [area, clearance] of [
    [near, CLEARANCE],
    [wider, CLEARANCE],
    [whole, CLEARANCE],
    [whole, 0],
  ] as const) {
    const xs = [...extraX];
    const ys = [...extraY];
    const obstacles = obstaclesIn(cards, area, ends, stubs, clearance, xs, ys);
    const points = routeOrthogonal({
      start: from,
      startSide: fromSide,
      end: to,
      endSide: toSide,
      obstacles,
      area,
      extraX: xs,
      extraY: ys,
    });
    if (points) return { points, area };
  }
  const out = stepOut(from, fromSide, CLEARANCE);
  const into = stepOut(to, toSide, CLEARANCE);
  return { points: simplify([from, out, [out[0], into[1]], into, to]), area: whole };
}

/** An elbow out of one handle and into the other, cards or no cards (see `avoidCards`). */
function elbow(from: Point, fromSide: Side, to: Point, toSide: Side): Point[] {
  const out = stepOut(from, fromSide, CLEARANCE);
  const into = stepOut(to, toSide, CLEARANCE);
  const vertical = fromSide === 't' || fromSide === 'b';
  const mid: Point[] = vertical
    ? [
        [out[0], (out[1] + into[1]) / 2],
        [into[0], (out[1] + into[1]) / 2],
      ]
    : [
        [(out[0] + into[0]) / 2, out[1]],
        [(out[0] + into[0]) / 2, into[1]],
      ];
  return simplify([from, out, ...mid, into, to]);
}

function routeOne(
  edge: DiagramEdge,
  source: DiagramNode,
  target: DiagramNode,
  cards: Cards,
  lane: number | null,
  avoidCards: boolean,
): Omit<EdgeRoute, 'base'> {
  const sides = sidesFor(edge, source, target);
  const start = anchorPoint(source, sides.source);
  const end = anchorPoint(target, sides.target);
  const ends = [source, target];
  if (!avoidCards) {
    const points =
      lane === null
        ? elbow(start, sides.source, end, sides.target)
        : simplify([start, [lane, start[1]], [lane, end[1]], end]);
    const [x0, y0, x1, y1] = [
      Math.min(...points.map((p) => p[0])),
      Math.min(...points.map((p) => p[1])),
      Math.max(...points.map((p) => p[0])),
      Math.max(...points.map((p) => p[1])),
    ];
    return {
      edge,
      source,
      target,
      sourceSide: sides.source,
      targetSide: sides.target,
      points,
      area: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 },
      lane,
    };
  }
  if (lane === null) {
    const { points, area } = leg(cards, start, sides.source, end, sides.target, ends);
    return {
      edge,
      source,
      target,
      sourceSide: sides.source,
      targetSide: sides.target,
      points,
      area,
      lane,
    };
  }
  // Out to the lane right of every card, along it, and back in: the lane itself is clear.
  const out = leg(cards, start, sides.source, [lane, start[1]], 'l', ends);
  const back = leg(cards, [lane, end[1]], 'l', end, sides.target, ends);
  return {
    edge,
    source,
    target,
    sourceSide: sides.source,
    targetSide: sides.target,
    points: simplify([...out.points, ...back.points]),
    area: union(out.area, back.area),
    lane,
  };
}

/** The cards that went or changed between two versions (old objects) and those that came or changed. */
export function cardChanges(
  before: readonly DiagramNode[],
  after: readonly DiagramNode[],
): { gone: DiagramNode[]; came: DiagramNode[] } {
  const now = new Set(after);
  const byId = new Map(before.map((node) => [node.id, node]));
  return {
    gone: before.filter((node) => !now.has(node)),
    came: after.filter((node) => byId.get(node.id) !== node),
  };
}

/**
 * Orthogonal routes for every edge whose two cards exist, none through a card. With
 * `previous` (the routes of the diagram before an edit), a route is reused when its edge and
 * cards are the same objects and no card appeared, left or moved inside the area it searched:
 * a drag re-routes only the edges near the dragged cards.
 */
export function routeEdges(
  nodes: readonly DiagramNode[],
  edges: readonly DiagramEdge[],
  previous?: { readonly nodes: readonly DiagramNode[]; readonly routes: RouteMap },
  /**
   * False draws plain elbows: for diagrams past a few thousand edges, where routing them all
   * would hold the page for seconds (1,000 edges route in about 200 ms, see bench/).
   */
  avoidCards = true,
): RouteMap {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const index = createRectIndex<DiagramNode>();
  let right = -Infinity;
  let bounds: Rect | null = null;
  for (const node of nodes) {
    const rect = cardRect(node);
    // Plain elbows meet no card: indexing 5,000 cards on every drag step cost frames for nothing.
    if (avoidCards) index.add(rect, node);
    right = Math.max(right, rect.x + rect.width);
    bounds = bounds ? union(bounds, rect) : rect;
  }
  const cards: Cards = {
    index,
    bounds: bounds ? inflate(bounds, SEARCH_PAD) : { x: 0, y: 0, width: 0, height: 0 },
  };

  // The rectangles a change touched: where a card was and where it is now.
  let changed: Rect[] | null = null;
  if (previous && avoidCards) {
    const { gone, came } = cardChanges(previous.nodes, nodes);
    changed = [...gone, ...came].map(cardRect);
    // Past a few hundred moved cards (auto layout, a template) routing afresh is as quick.
    if (changed.length > 400) changed = null;
  }
  const dirty = changed ? createRectIndex<Rect>() : null;
  for (const rect of changed ?? []) dirty?.add(rect, rect);

  const routes = new Map<string, EdgeRoute>();
  let lanes = 0;
  for (const edge of edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target || source === target) continue;
    const lane = edge.kind === 'feedback' ? right + LANE_GAP + LANE_STEP * lanes++ : null;
    const old = previous?.routes.get(edge.id);
    if (
      old &&
      old.edge === edge &&
      old.source === source &&
      old.target === target &&
      old.lane === lane &&
      // An elbow depends on its edge and two cards only; a route round cards on those it met.
      (!avoidCards || (dirty && !dirty.some(old.area, () => true)))
    ) {
      routes.set(edge.id, old);
      continue;
    }
    const route = routeOne(edge, source, target, cards, lane, avoidCards);
    routes.set(edge.id, { ...route, base: route.points });
  }
  if (!avoidCards) return routes;
  return withNudges(routes, cards, previous?.routes);
}

/**
 * The routes with shared runs spread apart (route-nudging.ts), worked out from the routes as
 * routed (`base`), so that nudges never add up from one edit to the next. A route whose drawn
 * points come out as before keeps its object.
 */
function withNudges(routes: Map<string, EdgeRoute>, cards: Cards, previous?: RouteMap): RouteMap {
  const list = [...routes.values()];
  const cardsNear = (a: Point, b: Point) => cards.index.near(around(a, b, 1)).map(cardRect);
  const nudged = nudgeRoutes(
    list.map((route) => route.base),
    cardsNear,
  );
  const out = new Map<string, EdgeRoute>();
  list.forEach((route, i) => {
    const points = nudged[i] as Point[];
    const old = previous?.get(route.edge.id);
    const same = (other: readonly Point[]) =>
      other.length === points.length &&
      other.every((p, j) => p[0] === points[j]?.[0] && p[1] === points[j]?.[1]);
    if (old && old.base === route.base && same(old.points)) out.set(route.edge.id, old);
    else out.set(route.edge.id, same(route.points) ? route : { ...route, points });
  });
  return out;
}
