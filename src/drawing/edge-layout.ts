import type { DiagramEdge, DiagramNode } from '../model/schema';
import { approximateMeasure } from '../io/text-measure';
import { cardRect, routeEdges, type RouteMap } from './edge-routes';
import type { Rect } from './geometry';
import { placeLabels, type LabelRequest, type PlacedLabel } from './label-placement';

/** The chip text's font; its chips are sized with the approximate measure, which errs wide. */
const LABEL_FONT = '500 11px system-ui, sans-serif';
/** Inner padding and border of a chip, left and right together. */
export const LABEL_PADDING = 18;
/** A chip is never wider than this; longer text is shortened with an ellipsis. */
const LABEL_MAX_WIDTH = 180;

/**
 * Diagrams up to this many cards have their edges routed round the cards; past it they are
 * drawn as plain elbows, on the canvas and in exports alike (1,000 edges route in about
 * 200 ms; a 5,000-card diagram would hold the page for seconds).
 */
export const AVOID_CARDS_UP_TO = 600;

export interface EdgeLayout {
  readonly nodes: readonly DiagramNode[];
  readonly routes: RouteMap;
  readonly labels: ReadonlyMap<string, PlacedLabel>;
  /** The chips asked for, in the order they were placed (the next layout replays them). */
  readonly chips?: readonly LabelRequest[];
}

/** Where cards moved, appeared or went between two versions: each one's old and new rectangle. */
function changedCards(before: readonly DiagramNode[], after: readonly DiagramNode[]): Rect[] {
  const now = new Set(after);
  const byId = new Map(before.map((node) => [node.id, node]));
  const changed: Rect[] = [];
  for (const node of before) if (!now.has(node)) changed.push(cardRect(node));
  for (const node of after) if (byId.get(node.id) !== node) changed.push(cardRect(node));
  return changed;
}

const chipWidth = (text: string): number =>
  Math.min(LABEL_MAX_WIDTH, Math.ceil(approximateMeasure(text, LABEL_FONT)) + LABEL_PADDING);

/**
 * Routes and label chips of a diagram, as the canvas and the exports draw them. `chipText`
 * says which edges show a chip and with what text; chips of labelled edges are placed first,
 * so they sit where the export puts them whatever else the canvas shows.
 */
export function layoutEdges(
  nodes: readonly DiagramNode[],
  edges: readonly DiagramEdge[],
  chipText: (edge: DiagramEdge) => string | null = (edge) => edge.label?.trim() || null,
  previous?: EdgeLayout,
  avoidCards = true,
): EdgeLayout {
  const routes = routeEdges(nodes, edges, previous, avoidCards);
  const labelled: LabelRequest[] = [];
  const others: LabelRequest[] = [];
  for (const route of routes.values()) {
    const text = chipText(route.edge);
    if (!text) continue;
    const request = { id: route.edge.id, points: route.points, width: chipWidth(text) };
    (route.edge.label?.trim() ? labelled : others).push(request);
  }
  const chips = [...labelled, ...others];
  const labels = placeLabels(
    chips,
    nodes.map(cardRect),
    previous?.chips && {
      requests: previous.chips,
      placed: previous.labels,
      changedCards: changedCards(previous.nodes, nodes),
    },
  );
  // Unchanged chips keep their objects, so their components need not re-render.
  const reused = new Map<string, PlacedLabel>();
  for (const [id, label] of labels) {
    const old = previous?.labels.get(id);
    reused.set(
      id,
      old &&
        old.x === label.x &&
        old.y === label.y &&
        old.width === label.width &&
        old.shortened === label.shortened
        ? old
        : label,
    );
  }
  return { nodes, routes, labels: reused, chips };
}
