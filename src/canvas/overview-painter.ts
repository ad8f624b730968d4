import { NODE_HEIGHT, NODE_WIDTH } from '../model/bands';
import { BADGE_COLORS } from '../model/badge-palette';
import { LAYER_PALETTE } from '../model/layer-palette';
import { layerOf } from '../model/layers';
import type { DiagramEdge, DiagramNode } from '../model/schema';
import type { ViewWindow } from './big-diagram';
import { Position } from '@xyflow/react';
import { EDGE_STROKE, edgeEnds, edgePath, type EdgeEnds } from './edge-path';

/** An edge to draw, with the cards at its ends. */
export type DrawnEdge = readonly [DiagramEdge, DiagramNode, DiagramNode];

/** Everything one drawing of the big-diagram picture depends on. */
export interface OverviewScene {
  readonly window: ViewWindow;
  /** Cards drawn as part of the picture (zoomed out); empty at readable zoom. */
  readonly cards: readonly DiagramNode[];
  readonly edges: readonly DrawnEdge[];
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
const HIGHLIGHT_EDGE = '#ca8a04';
/** How far a drawn edge may bulge past the box of its two ends (smooth-step offset, curves). */
const EDGE_BULGE = 60;

interface Shape {
  readonly source: DiagramNode;
  readonly target: DiagramNode;
  readonly path: Path2D;
  readonly ends: EdgeEnds;
}
const shapes = new WeakMap<DiagramEdge, Shape>();

/** The edge's path and ends, reused while neither of its cards has moved. */
function shapeOf([edge, source, target]: DrawnEdge): Shape {
  const cached = shapes.get(edge);
  if (cached && cached.source === source && cached.target === target) return cached;
  const ends = edgeEnds(edge, source, target);
  const shape = { source, target, ends, path: new Path2D(edgePath(edge.kind, ends)[0]) };
  shapes.set(edge, shape);
  return shape;
}

const pathOf = (drawn: DrawnEdge): Path2D => shapeOf(drawn).path;

/** Unit vector an arrow points along when it enters a card by this side. */
const INTO: Readonly<Record<Position, readonly [number, number]>> = {
  [Position.Top]: [0, 1],
  [Position.Bottom]: [0, -1],
  [Position.Left]: [1, 0],
  [Position.Right]: [-1, 0],
};

/** The arrowhead at an edge's target, as the live canvas's marker draws it. */
function arrowHead(path: CanvasPath, ends: EdgeEnds, size: number): void {
  const [dx, dy] = INTO[ends.targetPosition];
  const { targetX: x, targetY: y } = ends;
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
    const stroke = EDGE_STROKE[kind];
    const dash = kind === 'feedback' && scene.detailed ? [6, 4] : [];
    let near = new Path2D();
    let passing = new Path2D();
    // Arrowheads only where they are big enough to see.
    let heads = new Path2D();
    let inBatch = 0;
    const flush = () => {
      ctx.strokeStyle = stroke.stroke;
      ctx.fillStyle = stroke.stroke;
      ctx.setLineDash(dash);
      ctx.lineWidth = stroke.strokeWidth;
      ctx.stroke(near);
      ctx.lineWidth = Math.min(hairline, stroke.strokeWidth);
      ctx.stroke(passing);
      ctx.setLineDash([]);
      if (scene.detailed) ctx.fill(heads);
      near = new Path2D();
      passing = new Path2D();
      heads = new Path2D();
      inBatch = 0;
    };
    for (const drawn of scene.edges) {
      const [edge, source, target] = drawn;
      if ((edge.kind ?? 'handoff') !== kind || scene.highlight.edges.has(edge.id)) continue;
      if (!edgeTouches(window, source, target)) continue;
      const shape = shapeOf(drawn);
      const { sourceX, sourceY, targetX, targetY } = shape.ends;
      const targetIn = touches(window, targetX - 12, targetY - 12, targetX + 12, targetY + 12);
      const sourceIn = touches(window, sourceX, sourceY, sourceX, sourceY);
      (targetIn || sourceIn || !scene.detailed ? near : passing).addPath(shape.path);
      if (targetIn) arrowHead(heads, shape.ends, 5 * stroke.strokeWidth);
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
    ctx.strokeStyle = HIGHLIGHT_EDGE;
    for (const drawn of scene.edges) {
      if (!scene.highlight.edges.has(drawn[0].id)) continue;
      ctx.stroke(pathOf(drawn));
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

function edgeTouches(window: ViewWindow, source: DiagramNode, target: DiagramNode): boolean {
  const x0 = Math.min(source.position.x, target.position.x) - EDGE_BULGE;
  const y0 = Math.min(source.position.y, target.position.y) - EDGE_BULGE;
  const x1 = Math.max(source.position.x, target.position.x) + NODE_WIDTH + EDGE_BULGE;
  const y1 = Math.max(source.position.y, target.position.y) + NODE_HEIGHT + EDGE_BULGE;
  return touches(window, x0, y0, x1, y1);
}

let probe: CanvasRenderingContext2D | null = null;

/** The drawn edge under a point (within `tolerance`, diagram units), topmost first. */
export function edgeAt(
  edges: readonly DrawnEdge[],
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
    const drawn = edges[i] as DrawnEdge;
    if (!edgeTouches(near, drawn[1], drawn[2])) continue;
    if (probe.isPointInStroke(pathOf(drawn), x, y)) return drawn[0];
  }
  return null;
}
