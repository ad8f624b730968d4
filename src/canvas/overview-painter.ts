import { NODE_HEIGHT, NODE_WIDTH } from '../model/bands';
import { BADGE_COLORS } from '../model/badge-palette';
import { LAYER_PALETTE } from '../model/layer-palette';
import { layerOf } from '../model/layers';
import type { DiagramEdge, DiagramNode } from '../model/schema';
import type { EdgeRoute, RouteMap } from '../drawing/edge-routes';
import { EDGE_STYLE, HIGHLIGHT_EDGE_COLOR } from '../drawing/edge-style';
import { OUTWARD, type Point } from '../drawing/geometry';
import { routeBounds, routePath } from '../drawing/route-path';
import type { ViewWindow } from './big-diagram';

/** An edge to draw, with the cards at its ends. */
export type DrawnEdge = readonly [DiagramEdge, DiagramNode, DiagramNode];

/** Everything one drawing of the big-diagram picture depends on. */
export interface OverviewScene {
  readonly window: ViewWindow;
  /** Cards drawn as part of the picture (zoomed out); empty at readable zoom. */
  readonly cards: readonly DiagramNode[];
  readonly edges: readonly DrawnEdge[];
  /** The routes the canvas draws (src/drawing), so the picture and the live edges agree. */
  readonly routes: RouteMap;
  /** Worst severity and count of each card's audit findings. */
  readonly badges: ReadonlyMap<string, { readonly worst: Severity; readonly count: number }>;
  readonly highlight: { readonly nodes: ReadonlySet<string>; readonly edges: ReadonlySet<string> };
  /** Feedback edges are dashed at readable zoom only, as on the live canvas. */
  readonly detailed: boolean;
}

type Severity = keyof typeof BADGE_COLORS;

/** Largest side of the picture's bitmap: beyond it the picture is drawn at a lower density. */
export const MAX_BITMAP_SIDE = 4096;
const HIGHLIGHT = '#facc15';

interface Shape {
  readonly path: Path2D;
  readonly end: Point;
  /** Unit vector the arrow points along as it enters the target. */
  readonly into: Point;
  readonly bounds: readonly [number, number, number, number];
}
const shapes = new WeakMap<EdgeRoute, Shape>();

/** The edge's path, reused while its route is the same object (neither card moved near it). */
function shapeOf(route: EdgeRoute): Shape {
  const cached = shapes.get(route);
  if (cached) return cached;
  const [dx, dy] = OUTWARD[route.targetSide];
  const shape: Shape = {
    path: new Path2D(routePath(route.points)),
    end: route.points[route.points.length - 1] ?? [0, 0],
    into: [-dx, -dy],
    bounds: routeBounds(route.points),
  };
  shapes.set(route, shape);
  return shape;
}

/** The arrowhead at an edge's target, as the live canvas's marker draws it. */
function arrowHead(path: CanvasPath, shape: Shape, size: number): void {
  const [dx, dy] = shape.into;
  const [x, y] = shape.end;
  path.moveTo(x, y);
  path.lineTo(x - dx * size - dy * size * 0.5, y - dy * size - dx * size * 0.5);
  path.lineTo(x - dx * size + dy * size * 0.5, y - dy * size + dx * size * 0.5);
  path.closePath();
}

const fittedTitles = new Map<string, string>();
/** A title cut to one line of the card with an ellipsis (measured once per distinct title). */
function fitTitle(ctx: CanvasRenderingContext2D, title: string, maxWidth: number): string {
  let fitted = fittedTitles.get(title);
  if (fitted !== undefined) return fitted;
  fitted = title;
  if (ctx.measureText(title).width > maxWidth) {
    let end = title.length;
    while (end > 1 && ctx.measureText(`${title.slice(0, end)}…`).width > maxWidth) end--;
    fitted = `${title.slice(0, end)}…`;
  }
  if (fittedTitles.size > 20_000) fittedTitles.clear();
  fittedTitles.set(title, fitted);
  return fitted;
}

/** The bitmap size and the scale from diagram units to bitmap pixels. */
export function bitmapFor(
  window: ViewWindow,
  pixelRatio: number,
): { width: number; height: number; scale: number } {
  const wanted = window.zoom * pixelRatio;
  const scale = Math.min(wanted, MAX_BITMAP_SIDE / window.width, MAX_BITMAP_SIDE / window.height);
  return {
    width: Math.max(1, Math.round(window.width * scale)),
    height: Math.max(1, Math.round(window.height * scale)),
    scale,
  };
}

function touches(window: ViewWindow, x0: number, y0: number, x1: number, y1: number): boolean {
  return (
    x0 < window.x + window.width && x1 > window.x && y0 < window.y + window.height && y1 > window.y
  );
}

/** Edges or cards drawn between two yields of `paintOverview`: a few milliseconds of work. */
const BATCH = 400;

/**
 * Draws the scene: edges first, then cards over them, as React Flow stacks them. Only what
 * touches the window is drawn; the context is in bitmap pixels on entry. A generator: it yields
 * after every batch of edges or cards, so the caller can spread a big picture over several
 * tasks (see OverviewLayer); the result is what was drawn.
 */
export function* paintOverview(
  ctx: CanvasRenderingContext2D,
  scene: OverviewScene,
  scale: number,
): Generator<void, { cards: number; edges: number }> {
  const { window } = scene;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(scale, 0, 0, scale, -window.x * scale, -window.y * scale);
  ctx.lineCap = 'round';

  // One path per kind and weight and batch, stroked once: on the CPU, a single stroke of many
  // lines is about twice as fast as a stroke each. Edges with neither end in the window only
  // pass through the view; they are drawn as hairlines (1 screen px), which rasterise about
  // three times faster than wider lines and keep the cards' own edges in front.
  let edgeCount = 0;
  const hairline = 1 / scale;
  for (const kind of ['dataflow', 'handoff', 'feedback'] as const) {
    const style = EDGE_STYLE[kind];
    const dash = style.dash && scene.detailed ? style.dash.split(' ').map(Number) : [];
    let near = new Path2D();
    let passing = new Path2D();
    // Arrowheads only where they are big enough to see.
    let heads = new Path2D();
    let inBatch = 0;
    const flush = () => {
      ctx.strokeStyle = style.color;
      ctx.fillStyle = style.color;
      ctx.setLineDash(dash);
      ctx.lineWidth = style.width;
      ctx.stroke(near);
      ctx.lineWidth = Math.min(hairline, style.width);
      ctx.stroke(passing);
      ctx.setLineDash([]);
      if (scene.detailed) ctx.fill(heads);
      near = new Path2D();
      passing = new Path2D();
      heads = new Path2D();
      inBatch = 0;
    };
    for (const [edge] of scene.edges) {
      if ((edge.kind ?? 'handoff') !== kind || scene.highlight.edges.has(edge.id)) continue;
      const route = scene.routes.get(edge.id);
      if (!route) continue;
      const shape = shapeOf(route);
      if (!boundsTouch(window, shape.bounds)) continue;
      const [targetX, targetY] = shape.end;
      const [sourceX, sourceY] = route.points[0] ?? shape.end;
      const targetIn = touches(window, targetX - 12, targetY - 12, targetX + 12, targetY + 12);
      const sourceIn = touches(window, sourceX, sourceY, sourceX, sourceY);
      (targetIn || sourceIn || !scene.detailed ? near : passing).addPath(shape.path);
      if (targetIn) arrowHead(heads, shape, 5 * style.width);
      edgeCount++;
      if (++inBatch === BATCH) {
        flush();
        yield;
      }
    }
    flush();
  }
  if (scene.highlight.edges.size > 0) {
    ctx.lineWidth = 3;
    ctx.strokeStyle = HIGHLIGHT_EDGE_COLOR;
    for (const [edge] of scene.edges) {
      const route = scene.routes.get(edge.id);
      if (!route || !scene.highlight.edges.has(edge.id)) continue;
      ctx.stroke(shapeOf(route).path);
      edgeCount++;
    }
  }
  yield;

  // Text below about 6 px on screen is noise; the colour and the badge still tell.
  const titles = window.zoom * 24 >= 6;
  const counts = window.zoom * 11 >= 5;
  let cardCount = 0;
  ctx.font = '600 24px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  for (const node of scene.cards) {
    const { x, y } = node.position;
    if (!touches(window, x - 12, y - 12, x + NODE_WIDTH + 12, y + NODE_HEIGHT)) continue;
    const theme = LAYER_PALETTE[layerOf(node.kind)];
    ctx.beginPath();
    ctx.roundRect(x + 2, y + 2, NODE_WIDTH - 4, NODE_HEIGHT - 4, 6);
    ctx.fillStyle = theme.soft;
    ctx.fill();
    ctx.lineWidth = 4;
    ctx.strokeStyle = scene.highlight.nodes.has(node.id) ? HIGHLIGHT : theme.accent;
    ctx.stroke();
    if (titles) {
      ctx.fillStyle = theme.text;
      ctx.fillText(fitTitle(ctx, node.title || 'Untitled', NODE_WIDTH - 24), x + 12, y + 10);
    }
    if (++cardCount % BATCH === 0) yield;
  }
  // Badges last, so a neighbour's card never covers one.
  ctx.font = 'bold 11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const node of scene.cards) {
    const badge = scene.badges.get(node.id);
    if (!badge) continue;
    const cx = node.position.x + NODE_WIDTH;
    const cy = node.position.y;
    if (!touches(window, cx - 12, cy - 12, cx + 12, cy + 12)) continue;
    ctx.beginPath();
    ctx.arc(cx, cy, 11, 0, 2 * Math.PI);
    ctx.fillStyle = BADGE_COLORS[badge.worst];
    ctx.fill();
    if (counts) {
      ctx.fillStyle = '#ffffff';
      ctx.fillText(String(badge.count), cx, cy + 0.5);
    }
  }
  ctx.textAlign = 'start';
  return { cards: cardCount, edges: edgeCount };
}

function boundsTouch(window: ViewWindow, [x0, y0, x1, y1]: Shape['bounds']): boolean {
  // Wide enough for the line and its arrowhead.
  return touches(window, x0 - 12, y0 - 12, x1 + 12, y1 + 12);
}

let probe: CanvasRenderingContext2D | null = null;

/** The drawn edge under a point (within `tolerance`, diagram units), topmost first. */
export function edgeAt(
  edges: readonly DrawnEdge[],
  routes: RouteMap,
  x: number,
  y: number,
  tolerance: number,
): DiagramEdge | null {
  probe ??= document.createElement('canvas').getContext('2d');
  if (!probe) return null;
  probe.lineWidth = 2 * tolerance;
  const near: ViewWindow = {
    x: x - tolerance,
    y: y - tolerance,
    width: 2 * tolerance,
    height: 2 * tolerance,
    zoom: 1,
  };
  for (let i = edges.length - 1; i >= 0; i--) {
    const edge = (edges[i] as DrawnEdge)[0];
    const route = routes.get(edge.id);
    if (!route) continue;
    const shape = shapeOf(route);
    if (!boundsTouch(near, shape.bounds)) continue;
    if (probe.isPointInStroke(shape.path, x, y)) return edge;
  }
  return null;
}
