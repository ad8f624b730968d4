import { NODE_HEIGHT, NODE_WIDTH } from '../model/bands';
import type { DiagramEdge, DiagramNode } from '../model/schema';

/**
 * Big diagrams (issue 7: 5,000 cards at 33 ms frames). React Flow gives every card and edge
 * on screen its own component, store selectors and DOM; past a few hundred of each, every pan
 * or drag step costs more than a frame. Above this size the canvas therefore (1) draws the
 * overview — zoomed out below `DETAIL_ZOOM` — as one picture, keeping only the selected cards
 * as live React Flow cards, and (2) at readable zoom hands React Flow only the edges of cards
 * near the view, drawing the edges that merely pass through it into the same picture.
 */
export const BIG_DIAGRAM = 600;
/** Below this zoom a card's 12–14 px text is under 7 px on screen. */
export const DETAIL_ZOOM = 0.5;

export const isBigDiagram = (nodeCount: number): boolean => nodeCount > BIG_DIAGRAM;

/** A rectangle of the diagram (flow coordinates). */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A rectangle of the diagram and the zoom it is drawn at. */
export interface ViewWindow extends Rect {
  readonly zoom: number;
}

/** React Flow's transform: [x, y, zoom]. */
export type Transform = readonly [number, number, number];

/**
 * The part of the diagram on screen, grown by `margin` screens on each side, so that panning
 * within that margin needs no new window (nor any redrawing).
 */
export function viewWindow(
  [tx, ty, zoom]: Transform,
  screenWidth: number,
  screenHeight: number,
  margin = 0.5,
): ViewWindow {
  const width = screenWidth / zoom;
  const height = screenHeight / zoom;
  return {
    x: -tx / zoom - width * margin,
    y: -ty / zoom - height * margin,
    width: width * (1 + 2 * margin),
    height: height * (1 + 2 * margin),
    zoom,
  };
}

/** Whether the screen has left `current` (or the zoom changed): then a new window is due. */
export function windowStale(
  current: ViewWindow | null,
  transform: Transform,
  screenWidth: number,
  screenHeight: number,
): boolean {
  if (!current) return true;
  const [tx, ty, zoom] = transform;
  if (zoom !== current.zoom) return true;
  const x = -tx / zoom;
  const y = -ty / zoom;
  return (
    x < current.x ||
    y < current.y ||
    x + screenWidth / zoom > current.x + current.width ||
    y + screenHeight / zoom > current.y + current.height
  );
}

/** The card under a point, topmost (last drawn) first; `skip` cards are not considered. */
export function cardAt(
  nodes: readonly DiagramNode[],
  x: number,
  y: number,
  skip: ReadonlySet<string>,
): DiagramNode | null {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i] as DiagramNode;
    const { position } = node;
    if (
      x >= position.x &&
      x <= position.x + NODE_WIDTH &&
      y >= position.y &&
      y <= position.y + NODE_HEIGHT &&
      !skip.has(node.id)
    ) {
      return node;
    }
  }
  return null;
}

/** Ids of the cards wholly inside a rectangle (as a selection box selects). */
export function cardsInside(nodes: readonly DiagramNode[], area: Rect): string[] {
  return nodes
    .filter(
      ({ position: { x, y } }) =>
        x >= area.x &&
        y >= area.y &&
        x + NODE_WIDTH <= area.x + area.width &&
        y + NODE_HEIGHT <= area.y + area.height,
    )
    .map((node) => node.id);
}

/**
 * The edges React Flow renders on a big diagram: those of the selected cards and the selected
 * edges (line and label, live as they move), and at readable zoom those whose label (the middle
 * of the edge) is in `labels` (the label only: the picture draws their line). The picture draws
 * every edge but the selected ones and those of selected cards, so what React Flow renders may
 * change as the view moves without redrawing the picture.
 */
export function liveEdgeIds(
  edges: readonly DiagramEdge[],
  nodeById: ReadonlyMap<string, DiagramNode>,
  selection: { readonly nodes: readonly string[]; readonly edges: readonly string[] },
  labels: ViewWindow | null,
): Set<string> {
  const selectedNodes = new Set(selection.nodes);
  const live = new Set(selection.edges);
  for (const edge of edges) {
    if (selectedNodes.has(edge.source) || selectedNodes.has(edge.target)) {
      live.add(edge.id);
      continue;
    }
    if (!labels) continue;
    const source = nodeById.get(edge.source);
    const target = nodeById.get(edge.target);
    if (!source || !target) continue;
    const x = (source.position.x + target.position.x + NODE_WIDTH) / 2;
    const y = (source.position.y + target.position.y + NODE_HEIGHT) / 2;
    if (
      x >= labels.x &&
      x <= labels.x + labels.width &&
      y >= labels.y &&
      y <= labels.y + labels.height
    )
      live.add(edge.id);
  }
  return live;
}

/** Whether the picture draws an edge: all but the selected ones and those of selected cards. */
export function isPictured(
  edge: DiagramEdge,
  selectedNodes: ReadonlySet<string>,
  selectedEdges: ReadonlySet<string>,
): boolean {
  return (
    !selectedEdges.has(edge.id) &&
    !selectedNodes.has(edge.source) &&
    !selectedNodes.has(edge.target)
  );
}

/** The edges the picture draws, each with its two cards. */
export function pictureEdges(
  edges: readonly DiagramEdge[],
  nodeById: ReadonlyMap<string, DiagramNode>,
  selection: { readonly nodes: readonly string[]; readonly edges: readonly string[] },
): (readonly [DiagramEdge, DiagramNode, DiagramNode])[] {
  const selectedNodes = new Set(selection.nodes);
  const selectedEdges = new Set(selection.edges);
  const out: (readonly [DiagramEdge, DiagramNode, DiagramNode])[] = [];
  for (const edge of edges) {
    if (!isPictured(edge, selectedNodes, selectedEdges)) continue;
    const source = nodeById.get(edge.source);
    const target = nodeById.get(edge.target);
    if (source && target) out.push([edge, source, target]);
  }
  return out;
}
