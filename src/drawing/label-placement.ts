import { inflate, rectsOverlap, type Point, type Rect } from './geometry';
import { createRectIndex, type RectIndex } from './rect-index';

export interface LabelRequest {
  readonly id: string;
  /** The route the label belongs on. */
  readonly points: readonly Point[];
  /** The chip's width with its whole text. */
  readonly width: number;
}

export interface PlacedLabel {
  /** Centre of the chip. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Narrower than its whole text: drawn with an ellipsis, the full text in its tooltip. */
  readonly shortened: boolean;
  /** Clear of every card and every other chip (false only when the route has no room at all). */
  readonly clear: boolean;
}

export const LABEL_HEIGHT = 20;
/** Narrowest a chip gets: a word or two and the ellipsis. */
export const LABEL_MIN_WIDTH = 56;
/** Room kept between a chip and a card, and between two chips. */
const CARD_GAP = 4;
const CHIP_GAP = 3;
/** Where along a segment a chip may sit, most preferred first. */
const ALONG = [0.5, 0.35, 0.65, 0.2, 0.8];

function candidates(points: readonly Point[]): Point[] {
  const segments = points
    .slice(1)
    .map((b, i) => [points[i] as Point, b] as const)
    .map(([a, b]) => ({ a, b, length: Math.abs(b[0] - a[0]) + Math.abs(b[1] - a[1]) }))
    .filter((segment) => segment.length > 0)
    .sort((s, t) => t.length - s.length);
  return segments.flatMap(({ a, b }) =>
    ALONG.map((t): Point => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]),
  );
}

const box = ([x, y]: Point, width: number, height: number): Rect => ({
  x: x - width / 2,
  y: y - height / 2,
  width,
  height,
});

/**
 * Places each label chip on its route where it covers no card and no chip placed before it:
 * whole on any segment if it can, else narrower (with an ellipsis), longest segments and their
 * middles first. Pure and deterministic, so the canvas and the exports put chips in the same
 * places.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  cards: readonly Rect[] | CardIndex,
  previous?: PreviousLabels,
): Map<string, PlacedLabel> {
  let cardIndex: CardIndex;
  if (Array.isArray(cards)) {
    cardIndex = createCardIndex();
    cards.forEach((card, i) => cardIndex.set(String(i), card));
  } else cardIndex = cards as CardIndex;
  // The chip index holds each chip grown by its gap, so a chip is blocked by what it overlaps.
  const chips = createRectIndex<Rect>();
  const blocked = (rect: Rect) =>
    cardIndex.blocks(rect) || chips.some(rect, (chip) => rectsOverlap(chip, rect));
  const replay = previous ? replayFrom(previous, requests) : null;

  const placed = new Map<string, PlacedLabel>();
  for (const request of requests) {
    const kept = replay?.kept(request);
    if (kept) {
      chips.add(grownChip(kept), grownChip(kept));
      placed.set(request.id, kept);
      continue;
    }
    const spots = candidates(request.points);
    const full = request.width;
    const widths = [full, full * 0.7, full * 0.5, LABEL_MIN_WIDTH].filter(
      (width, i) => i === 0 || (width >= LABEL_MIN_WIDTH && width < full),
    );
    let found: PlacedLabel | null = null;
    search: for (const width of widths) {
      for (const spot of spots) {
        const rect = box(spot, width, LABEL_HEIGHT);
        if (blocked(rect)) continue;
        found = {
          x: spot[0],
          y: spot[1],
          width,
          height: LABEL_HEIGHT,
          shortened: width < full,
          clear: true,
        };
        break search;
      }
    }
    const fallback = spots[0] ?? request.points[0] ?? [0, 0];
    found ??= {
      x: fallback[0],
      y: fallback[1],
      width: Math.min(full, LABEL_MIN_WIDTH),
      height: LABEL_HEIGHT,
      shortened: full > LABEL_MIN_WIDTH,
      clear: false,
    };
    const old = replay?.placed(request.id);
    if (old && sameLabel(old, found)) found = old;
    else replay?.changed(found, old);
    const grown = grownChip(found);
    chips.add(grown, grown);
    placed.set(request.id, found);
  }
  return placed;
}

/** The cards chips keep clear of, by card id: kept between versions, a drag updates only its card. */
export interface CardIndex {
  set(id: string, card: Rect): void;
  delete(id: string): void;
  /** Whether a chip at `rect` would cover a card, or come nearer to it than the gap. */
  blocks(rect: Rect): boolean;
}

export function createCardIndex(): CardIndex {
  // Each rectangle grown by the gap, so a chip is blocked by what it overlaps.
  const grown = new Map<string, Rect>();
  const index = createRectIndex<Rect>();
  const remove = (id: string) => {
    const old = grown.get(id);
    if (!old) return;
    index.remove(old, old);
    grown.delete(id);
  };
  return {
    set(id, card) {
      remove(id);
      const rect = inflate(card, CARD_GAP);
      grown.set(id, rect);
      index.add(rect, rect);
    },
    delete: remove,
    blocks: (rect) => index.some(rect, (card) => rectsOverlap(card, rect)),
  };
}

/** What chips were placed before an edit, and which cards it moved, added or removed. */
export interface PreviousLabels {
  readonly requests: readonly LabelRequest[];
  readonly placed: ReadonlyMap<string, PlacedLabel>;
  /** Each such card's rectangle before and after (a moved card gives both). */
  readonly changedCards: readonly Rect[];
}

const grownChip = (label: PlacedLabel): Rect =>
  inflate(box([label.x, label.y], label.width, label.height), CHIP_GAP);

const sameLabel = (a: PlacedLabel, b: PlacedLabel): boolean =>
  a.x === b.x &&
  a.y === b.y &&
  a.width === b.width &&
  a.shortened === b.shortened &&
  a.clear === b.clear;

const samePoints = (a: readonly Point[], b: readonly Point[]): boolean =>
  a === b || (a.length === b.length && a.every((p, i) => p[0] === b[i]?.[0] && p[1] === b[i]?.[1]));

/**
 * Every rectangle any candidate of the request could take, with a pixel to spare: one box per
 * segment, since chips sit on the route (an elbow's bounding box holds much it never crosses,
 * and a drag re-placed every chip whose box the card was in).
 */
function reach(request: LabelRequest): Rect[] {
  const dx = request.width / 2 + 1;
  const dy = LABEL_HEIGHT / 2 + 1;
  const { points } = request;
  const around = (a: Point, b: Point): Rect => {
    const x0 = Math.min(a[0], b[0]);
    const y0 = Math.min(a[1], b[1]);
    return {
      x: x0 - dx,
      y: y0 - dy,
      width: Math.max(a[0], b[0]) - x0 + 2 * dx,
      height: Math.max(a[1], b[1]) - y0 + 2 * dy,
    };
  };
  if (points.length < 2) return [around(points[0] ?? [0, 0], points[0] ?? [0, 0])];
  return points.slice(1).map((b, i) => around(points[i] as Point, b));
}

const DIRTY_LIST_UP_TO = 64;

/**
 * What changed since the previous placement. A drag changes a handful of rectangles while a
 * chip's reach can span dozens of index cells (a plain elbow crosses the diagram), so each chip
 * is checked against the short list itself; only a big change goes through an index (10,000
 * chips walking their cells took some 15 ms a drag step).
 */
function createDirtyArea() {
  const list: Rect[] = [];
  let index: RectIndex<Rect> | null = null;
  // Touching counts, as in the index: a chip's reach has its pixel to spare on that side.
  const touches = (a: Rect, b: Rect) =>
    a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
  return {
    add(rect: Rect) {
      if (index) {
        index.add(rect, rect);
        return;
      }
      list.push(rect);
      if (list.length > DIRTY_LIST_UP_TO) {
        index = createRectIndex<Rect>();
        for (const r of list) index.add(r, r);
      }
    },
    meets(area: Rect): boolean {
      if (index) return index.some(area, () => true);
      return list.some((rect) => touches(rect, area));
    },
  };
}

/**
 * Replays the previous placement: placing is greedy in request order, so a chip comes out as
 * before when its route and width are the same and nothing it could have met changed, that is
 * no card and no earlier chip moved, appeared or went inside its reach. A drag on a big diagram
 * then re-places only the chips near the moved cards, not all of them (a 5,000-card drag step
 * spent some 60 ms here).
 */
function replayFrom(previous: PreviousLabels, requests: readonly LabelRequest[]) {
  const before = new Map(previous.requests.map((request, i) => [request.id, { request, i }]));
  // Requests met in another order saw other chips first: place them all afresh.
  let last = -1;
  for (const request of requests) {
    const old = before.get(request.id);
    if (!old) continue;
    if (old.i < last) return null;
    last = old.i;
  }
  const dirty = createDirtyArea();
  for (const card of previous.changedCards) dirty.add(inflate(card, CARD_GAP));
  const now = new Set(requests.map((request) => request.id));
  for (const [id, label] of previous.placed) {
    if (!now.has(id)) dirty.add(grownChip(label));
  }
  return {
    kept(request: LabelRequest): PlacedLabel | undefined {
      const old = before.get(request.id)?.request;
      const label = previous.placed.get(request.id);
      if (!old || !label || old.width !== request.width) return undefined;
      if (!samePoints(old.points, request.points)) return undefined;
      return reach(request).some((area) => dirty.meets(area)) ? undefined : label;
    },
    placed: (id: string) => previous.placed.get(id),
    /** A chip placed elsewhere than before, or new: later chips may meet it, or its old place. */
    changed(label: PlacedLabel, old: PlacedLabel | undefined) {
      dirty.add(grownChip(label));
      if (old) dirty.add(grownChip(old));
    },
  };
}

/** The chip's rectangle. */
export const labelRect = (label: PlacedLabel): Rect =>
  box([label.x, label.y], label.width, label.height);
