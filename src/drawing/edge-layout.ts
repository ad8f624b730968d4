import type { DiagramEdge, DiagramNode } from '../model/schema';
import { approximateMeasure } from '../io/text-measure';
import { cardChanges, cardRect, routeEdges, type RouteMap } from './edge-routes';
import {
  createCardIndex,
  placeLabels,
  type CardIndex,
  type LabelRequest,
  type PlacedLabel,
} from './label-placement';

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
  /** The cards indexed for the chips, handed on to the next layout. */
  readonly cards?: KeptCards;
}

/** A card index and the version it holds; the next layout updates it in place and takes it over. */
interface KeptCards {
  nodes: readonly DiagramNode[];
  readonly index: CardIndex;
}

/**
 * The card index for `nodes`: the previous layout's, updated for what changed, while it still
 * holds the previous version (indexing 5,000 cards took some 3 ms of every drag step).
 */
function keptCards(
  nodes: readonly DiagramNode[],
  previous: EdgeLayout | undefined,
  changes: ReturnType<typeof cardChanges> | undefined,
): KeptCards {
  const kept = previous?.cards;
  if (kept && changes && kept.nodes === previous.nodes) {
    for (const node of changes.gone) kept.index.delete(node.id);
    for (const node of changes.came) kept.index.set(node.id, cardRect(node));
    kept.nodes = nodes;
    return kept;
  }
  const index = createCardIndex();
  for (const node of nodes) index.set(node.id, cardRect(node));
  return { nodes, index };
}

// Measured once per text: a big diagram asks for the same few thousand chips on every drag step.
const widths = new Map<string, number>();
const WIDTHS_KEPT = 20_000;

function chipWidth(text: string): number {
  let width = widths.get(text);
  if (width === undefined) {
    if (widths.size >= WIDTHS_KEPT) widths.clear();
    width = Math.min(
      LABEL_MAX_WIDTH,
      Math.ceil(approximateMeasure(text, LABEL_FONT)) + LABEL_PADDING,
    );
    widths.set(text, width);
  }
  return width;
}

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
  const changes = previous && cardChanges(previous.nodes, nodes);
  const cards = keptCards(nodes, previous, changes);
  const labels = placeLabels(
    chips,
    cards.index,
    previous?.chips &&
      changes && {
        requests: previous.chips,
        placed: previous.labels,
        changedCards: [...changes.gone, ...changes.came].map(cardRect),
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
  return { nodes, routes, labels: reused, chips, cards };
}
