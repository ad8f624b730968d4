import * as Y from 'yjs';
import { applyDiagramToYDoc } from '../../collab/to-ydoc';
import { parseYDoc } from '../../collab/from-ydoc';
import { jsonEqual } from '../../collab/json';
import { ROOT_KEYS } from '../../collab/layout';
import type { Diagram } from '../../model/schema';
import type { DiagramTransform, DocumentBackend, EditLabel } from '../document/document-backend';

/**
 * The origin of this editor's own writes. The undo manager tracks the class, so every edit made
 * here is undoable whatever its label, and nothing another peer (or IndexedDB, or the seed) wrote.
 */
export class LocalEdit {
  constructor(readonly label: EditLabel) {}
}

/**
 * Remote updates arrive one websocket message at a time; the store hears of them at most once per
 * this long, so a burst from a collaborator re-runs the audit once, not once per update.
 */
export const REMOTE_BATCH_MS = 16;

export interface SharedDocumentOptions {
  /** A view link: every apply is refused here (the server refuses it anyway). */
  readonly readOnly?: boolean;
  /** `load` means "open another diagram": the room is left and the caller shows it locally. */
  readonly onLoad?: (diagram: Diagram) => void;
  /** The doc holds something the file gate refuses; the last good diagram stays shown. */
  readonly onInvalid?: (message: string) => void;
  /** While a gesture is open: the positions it moved, for presence (awareness) to broadcast. */
  readonly onGesture?: (positions: ReadonlyMap<string, { x: number; y: number }> | null) => void;
}

export interface SharedDocument extends DocumentBackend {
  readonly ydoc: Y.Doc;
  readonly undoManager: Y.UndoManager;
  /** Stops observing the doc; the doc itself belongs to the caller. */
  destroy(): void;
}

type Gesture = { transforms: DiagramTransform[]; base: Diagram; shown: Diagram };

/**
 * A DocumentBackend over a Y.Doc (see document-backend.ts for the contract). Writes are minimal
 * diffs (`applyDiagramToYDoc`) in one Y transaction whose origin is a LocalEdit; undo is a
 * Y.UndoManager that tracks LocalEdit only, so a collaborator's edit is never undone here.
 *
 * A gesture (a drag) is kept here until it ends: `read` shows it, the doc gets it once at the
 * end, as one change and one undo step. A collaborator's edit meanwhile is shown under it: the
 * gesture's transforms run again on the new doc (they are pure, and a drag's are absolute moves).
 * Typing is written through as it happens (others see it) and grouped into one undo step.
 */
export function createSharedDocument(
  ydoc: Y.Doc,
  options: SharedDocumentOptions = {},
): SharedDocument {
  const undoManager = new Y.UndoManager(
    // Every root of the layout (collab/layout.ts), comments included, so a new thread undoes.
    ROOT_KEYS.map((key) => ydoc.getMap(key)),
    // Steps are cut by hand (stopCapturing) between intents, never by a timer.
    { trackedOrigins: new Set([LocalEdit]), captureTimeout: 2 ** 31 },
  );
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

  let current: Diagram = decode(null);
  let transaction: 'gesture' | 'typing' | null = null;
  let gesture: Gesture | null = null;
  let remoteTimer: ReturnType<typeof setTimeout> | null = null;

  function decode(previous: Diagram | null): Diagram {
    const parsed = parseYDoc(ydoc);
    if (!parsed.ok) {
      const first = parsed.problems[0];
      options.onInvalid?.(`${first?.path ?? ''}: ${first?.message ?? ''}`);
      if (previous) return previous;
      throw new Error('The room does not hold a valid diagram.');
    }
    return previous ? shareUnchanged(previous, parsed.diagram) : parsed.diagram;
  }

  function write(next: Diagram, label: EditLabel) {
    applyDiagramToYDoc(ydoc, next, new LocalEdit(label));
    current = next;
  }

  /** The doc changed under us (a peer, undo, IndexedDB): read it again, keep an open gesture. */
  function refresh() {
    const next = decode(current);
    if (gesture) {
      gesture.base = next;
      gesture.shown = gesture.transforms.reduce((d, t) => t(d), next);
    }
    if (next !== current) {
      current = next;
      return true;
    }
    return gesture !== null;
  }

  /**
   * A remote change not yet shown is read now: an edit must start from what the doc holds, or
   * the minimal diff would write back the old values and revert the collaborator's edit.
   */
  function catchUp(): boolean {
    if (!remoteTimer) return false;
    clearTimeout(remoteTimer);
    remoteTimer = null;
    return refresh();
  }

  const onAfterTransaction = (tr: Y.Transaction) => {
    if (tr.origin instanceof LocalEdit || tr.changed.size === 0) return;
    if (tr.local) {
      // Undo, redo, a seed or a repair: the store must see it before the call returns, with
      // any remote change still waiting for its batch (a repair answers one at once).
      const caughtUp = catchUp();
      if (refresh() || caughtUp) notify();
      return;
    }
    remoteTimer ??= setTimeout(() => {
      remoteTimer = null;
      if (refresh()) notify();
    }, REMOTE_BATCH_MS);
  };
  ydoc.on('afterTransaction', onAfterTransaction);
  undoManager.on('stack-item-added', notify);
  undoManager.on('stack-item-popped', notify);
  undoManager.on('stack-cleared', notify);

  function endTransaction() {
    if (gesture && catchUp()) notify();
    const open = gesture;
    const kind = transaction;
    transaction = null;
    gesture = null;
    if (open) {
      options.onGesture?.(null);
      undoManager.stopCapturing();
      if (open.shown !== open.base) write(open.shown, 'gesture');
      else notify();
    }
    if (kind !== null) undoManager.stopCapturing();
  }

  const read = () => gesture?.shown ?? current;

  return {
    ydoc,
    undoManager,
    read,
    apply(transform, label) {
      if (options.readOnly) return;
      const caughtUp = catchUp();
      if (gesture) {
        const next = transform(gesture.shown);
        if (next === gesture.shown) {
          if (caughtUp) notify();
          return;
        }
        gesture.transforms.push(transform);
        gesture.shown = next;
        options.onGesture?.(movedPositions(gesture.base, next));
        notify();
        return;
      }
      const next = transform(current);
      if (next === current) {
        if (caughtUp) notify();
        return;
      }
      if (transaction === null) undoManager.stopCapturing();
      write(next, label);
      if (transaction === null) undoManager.stopCapturing();
      notify();
    },
    load(diagram) {
      options.onLoad?.(diagram);
    },
    beginTransaction(kind = 'gesture') {
      if (transaction !== null) return;
      transaction = kind;
      undoManager.stopCapturing();
      if (kind === 'gesture') gesture = { transforms: [], base: current, shown: current };
    },
    endTransaction,
    undo() {
      endTransaction();
      undoManager.undo();
    },
    redo() {
      endTransaction();
      undoManager.redo();
    },
    canUndo: () => undoManager.canUndo(),
    canRedo: () => undoManager.canRedo(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      if (remoteTimer) clearTimeout(remoteTimer);
      ydoc.off('afterTransaction', onAfterTransaction);
      undoManager.destroy();
      listeners.clear();
    },
  };
}

/** Positions in `next` that differ from `base`: what a drag has moved so far. */
function movedPositions(base: Diagram, next: Diagram): Map<string, { x: number; y: number }> {
  const before = new Map(base.nodes.map((n) => [n.id, n]));
  const moved = new Map<string, { x: number; y: number }>();
  for (const node of next.nodes) {
    const old = before.get(node.id);
    if (old !== node && old?.position !== node.position) moved.set(node.id, node.position);
  }
  return moved;
}

/**
 * `next` with every node and edge that equals one in `previous` replaced by that object, so a
 * collaborator's change to one card re-renders that card only (the canvas compares by identity).
 */
function shareUnchanged(previous: Diagram, next: Diagram): Diagram {
  if (jsonEqual(previous, next)) return previous;
  const nodes = reuse(previous.nodes, next.nodes);
  const edges = reuse(previous.edges, next.edges);
  return { ...next, nodes, edges };
}

function reuse<T extends { id: string }>(previous: readonly T[], next: readonly T[]): T[] {
  const byId = new Map(previous.map((item) => [item.id, item]));
  let same = previous.length === next.length;
  const out = next.map((item, i) => {
    const old = byId.get(item.id);
    if (old && jsonEqual(old, item)) {
      if (previous[i] !== old) same = false;
      return old;
    }
    same = false;
    return item;
  });
  return same ? (previous as T[]) : out;
}
