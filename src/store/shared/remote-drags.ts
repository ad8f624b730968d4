import type { Diagram, DiagramNode } from '../../model/schema';
import type { EditorStore } from '../editor-store';
import { roomState, type Peer, type Point } from './room-state';

/** A card someone else is dragging, shown here where their screen has it. */
export interface RemoteDrag {
  readonly at: Point;
  readonly name: string;
  readonly color: string;
  readonly clientId: number;
  /** Where the document has the card: once that changes, the drop has arrived. */
  readonly from: Point;
  /** When their drag ended, while the card waits here for the drop's change; null during it. */
  readonly endedAt: number | null;
}

export type RemoteDrags = ReadonlyMap<string, RemoteDrag>;

/**
 * How long a dropped card waits at the drop for the document change. The change follows the
 * drag's end on the same socket, so it comes well within this; if it never comes (the server
 * refused it), the card goes back to where the document has it.
 */
export const LANDING_MS = 1500;

const NONE: RemoteDrags = new Map();
const NONE_MARKED: RemoteDragMarks = new Map();
const samePoint = (a: Point, b: Point) => a.x === b.x && a.y === b.y;

/**
 * The cards others drag, from their awareness (`peers`) and the document (`nodeOf`). A card
 * whose drag has ended stays at its last position until the document moves it (then the
 * committed position takes over, from the same place: no jump), for `LANDING_MS` at most; a
 * card whose dragger left the room goes back at once. Returns `previous` when nothing changed.
 */
export function nextRemoteDrags(
  previous: RemoteDrags,
  peers: readonly Peer[],
  nodeOf: (id: string) => DiagramNode | undefined,
  now: number,
): RemoteDrags {
  const next = new Map<string, RemoteDrag>();
  for (const peer of peers) {
    for (const [id, at] of peer.drag ?? []) {
      const node = nodeOf(id);
      // Two people on one card: the first keeps it.
      if (!node || next.has(id)) continue;
      const old = previous.get(id);
      const same =
        old?.clientId === peer.clientId &&
        old.endedAt === null &&
        old.color === peer.color &&
        old.name === peer.name &&
        samePoint(old.at, at) &&
        samePoint(old.from, node.position);
      next.set(
        id,
        same
          ? old
          : {
              at,
              name: peer.name,
              color: peer.color,
              clientId: peer.clientId,
              from: node.position,
              endedAt: null,
            },
      );
    }
  }
  const present = new Set(peers.map((peer) => peer.clientId));
  for (const [id, old] of previous) {
    if (next.has(id) || !present.has(old.clientId)) continue;
    const node = nodeOf(id);
    if (!node || !samePoint(node.position, old.from) || samePoint(old.at, old.from)) continue;
    const endedAt = old.endedAt ?? now;
    if (now - endedAt >= LANDING_MS) continue;
    next.set(id, old.endedAt === null ? { ...old, endedAt } : old);
  }
  if (next.size === 0) return previous.size === 0 ? previous : NONE;
  if (next.size === previous.size && [...next].every(([id, d]) => previous.get(id) === d))
    return previous;
  return next;
}

/** Who drags which card: changes when a drag starts or ends, not as the card moves. */
export type RemoteDragMarks = ReadonlyMap<
  string,
  { readonly name: string; readonly color: string }
>;

/** The marks of `drags`, `previous` itself when they are the same. */
export function marksOf(drags: RemoteDrags, previous: RemoteDragMarks): RemoteDragMarks {
  const same =
    drags.size === previous.size &&
    [...drags].every(([id, d]) => {
      const mark = previous.get(id);
      return mark?.name === d.name && mark.color === d.color;
    });
  if (same) return previous;
  return new Map([...drags].map(([id, d]) => [id, { name: d.name, color: d.color }]));
}

let shownMemo: { diagram: Diagram; drags: RemoteDrags; shown: Diagram } | null = null;

/**
 * The diagram as this screen shows it: the document with others' dragged cards where they
 * are. Only those cards are new objects, so what is worked out incrementally from the last
 * version (the edge routes) redoes only their part. Never written, never audited.
 */
export function withRemoteDrags(diagram: Diagram, drags: RemoteDrags): Diagram {
  if (drags.size === 0) return diagram;
  if (shownMemo?.diagram === diagram && shownMemo.drags === drags) return shownMemo.shown;
  const nodes = diagram.nodes.map((node) => {
    const drag = drags.get(node.id);
    return drag && !samePoint(drag.at, node.position) ? { ...node, position: drag.at } : node;
  });
  const shown = { ...diagram, nodes };
  shownMemo = { diagram, drags, shown };
  return shown;
}

export interface RemoteDragView {
  getState(): RemoteDrags;
  getMarks(): RemoteDragMarks;
  subscribe(listener: () => void): () => void;
}

const views = new WeakMap<EditorStore, RemoteDragView>();

/**
 * The remote drags of one editor, kept up to date while anyone listens (the canvas): on each
 * awareness change, on each document change while a card is shown dragged, and when a dropped
 * card's wait runs out. It listens to nothing once the canvas is gone.
 */
export function remoteDragsOf(store: EditorStore): RemoteDragView {
  const known = views.get(store);
  if (known) return known;
  let drags: RemoteDrags = NONE;
  let marks: RemoteDragMarks = NONE_MARKED;
  let byId: { nodes: readonly DiagramNode[]; map: Map<string, DiagramNode> } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let detach: (() => void) | null = null;
  const listeners = new Set<() => void>();

  const nodeOf = (id: string) => {
    const nodes = store.getState().diagram.nodes;
    if (byId?.nodes !== nodes) byId = { nodes, map: new Map(nodes.map((n) => [n.id, n])) };
    return byId.map.get(id);
  };
  const update = () => {
    const peers = roomState.getState().peers;
    if (drags.size === 0 && !peers.some((peer) => peer.drag && peer.drag.size > 0)) return;
    const next = nextRemoteDrags(drags, peers, nodeOf, Date.now());
    if (timer) clearTimeout(timer);
    timer = null;
    const now = Date.now();
    const waits = [...next.values()].flatMap((d) =>
      d.endedAt === null ? [] : [d.endedAt + LANDING_MS - now],
    );
    if (waits.length > 0) timer = setTimeout(update, Math.max(0, Math.min(...waits)));
    if (next === drags) return;
    drags = next;
    marks = marksOf(next, marks);
    for (const listener of [...listeners]) listener();
  };
  const attach = () => {
    const offRoom = roomState.subscribe((state, previous) => {
      if (state.peers !== previous.peers) update();
    });
    const offStore = store.subscribe((state, previous) => {
      if (drags.size > 0 && state.diagram.nodes !== previous.diagram.nodes) update();
    });
    update();
    return () => {
      offRoom();
      offStore();
      if (timer) clearTimeout(timer);
      timer = null;
      drags = NONE;
      marks = NONE_MARKED;
      byId = null;
    };
  };

  const view: RemoteDragView = {
    getState: () => drags,
    getMarks: () => marks,
    subscribe(listener) {
      listeners.add(listener);
      detach ??= attach();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          detach?.();
          detach = null;
        }
      };
    },
  };
  views.set(store, view);
  return view;
}
