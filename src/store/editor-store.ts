import { temporal } from 'zundo';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createDiagram, createEdge, createId, createNode } from '../model/factories';
import { hasEdgeBetween } from '../model/graph';
import type { NodeKind } from '../model/layers';
import type {
  AnyNodeData,
  Diagram,
  DiagramEdge,
  DiagramMeta,
  DiagramNode,
  EdgeKind,
} from '../model/schema';
import { clampToBand, freeSlotFor } from './placement';

/** `restoring`: start-up is still reading the saved diagram; the editor takes no edits meanwhile. */
export type SaveState =
  | { status: 'restoring' }
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; at: number }
  | { status: 'error'; message: string };

export interface Selection {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}

export type SideTab = 'Inspector' | 'Problems' | 'Forecast';

export type DialogId = 'shortcuts' | 'diagrams' | 'import-problems' | 'learn-more' | null;

/** Nodes and the edges between them, as copied; pasted with new ids. */
export interface Fragment {
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

export type ConnectResult = { ok: true; edge: DiagramEdge } | { ok: false; reason: string };

/**
 * What an open transaction groups: a pointer gesture (a drag: dozens of writes a second, saved
 * when it ends) or typing in a field (saved as usual, since a focused field can stay open for
 * minutes).
 */
export type TransactionKind = 'gesture' | 'typing';

export interface EditorState {
  /** The document: the only thing undo/redo tracks. */
  diagram: Diagram;
  diagramId: string;
  selection: Selection;
  saveState: SaveState;
  /** The open transaction's kind, or null; not part of the document. */
  transaction: TransactionKind | null;
  /** A message for the user about storage or import (shown as a banner). */
  notice: { kind: 'info' | 'warning' | 'error'; text: string } | null;

  loadDiagram(diagram: Diagram, diagramId: string): void;
  replaceDiagram(diagram: Diagram): void;
  addNode(kind: NodeKind, position?: { x: number; y: number }): string;
  moveNodes(positions: ReadonlyMap<string, { x: number; y: number }>): void;
  connect(
    source: string,
    target: string,
    options?: { label?: string; kind?: EdgeKind },
  ): ConnectResult;
  updateNode(id: string, patch: { title?: string }): void;
  updateNodeData(id: string, patch: Partial<AnyNodeData>): void;
  updateEdge(
    id: string,
    patch: { label?: string; kind?: EdgeKind; share?: number | undefined },
  ): void;
  deleteElements(nodeIds: readonly string[], edgeIds: readonly string[]): void;
  renameDiagram(name: string): void;
  updateMeta(patch: Partial<DiagramMeta>): void;
  select(selection: Selection): void;
  setSaveState(saveState: SaveState): void;
  setNotice(notice: EditorState['notice']): void;
  dialog: DialogId;
  openDialog(dialog: DialogId): void;
  /** The side panel's open tab. */
  sideTab: SideTab;
  /** Nodes and edges drawn highlighted (the lead trace); not part of the document. */
  highlight: { nodes: readonly string[]; edges: readonly string[] } | null;
  setHighlight(highlight: EditorState['highlight']): void;
  showSideTab(tab: SideTab): void;
  selectAll(): void;
  clearSelection(): void;
  nudge(dx: number, dy: number): void;
  copySelection(): Fragment | null;
  paste(fragment: Fragment, offset?: number): void;
  /** Replaces the document in one undoable step (quick fixes, auto layout, templates). */
  applyTransform(transform: (diagram: Diagram) => Diagram): void;
  /** Groups the writes until `endTransaction` into one undo step (a drag, typing in a field). */
  beginTransaction(kind?: TransactionKind): void;
  endTransaction(): void;
}

export type HistoryState = Pick<EditorState, 'diagram'>;
export type EditorStore = ReturnType<typeof createEditorStore>;

const HISTORY_LIMIT = 200;
const EMPTY_SELECTION: Selection = { nodes: [], edges: [] };

/** Drops keys whose value is undefined, so optional fields stay absent (exactOptionalPropertyTypes). */
function withoutUndefined<T extends object>(value: T): T {
  const out = { ...value } as Record<string, unknown>;
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out as T;
}

export function createEditorStore(initial: Diagram = createDiagram(), diagramId = 'local') {
  let transactionBase: HistoryState | null = null;

  const store = createStore<EditorState>()(
    temporal(
      (set, get) => {
        const setDiagram = (next: Diagram) => set({ diagram: next });
        const mapNodes = (fn: (node: DiagramNode) => DiagramNode) => {
          const { diagram } = get();
          setDiagram({ ...diagram, nodes: diagram.nodes.map(fn) });
        };
        return {
          diagram: initial,
          diagramId,
          selection: EMPTY_SELECTION,
          saveState: { status: 'idle' },
          transaction: null,
          notice: null,
          dialog: null,
          sideTab: 'Inspector',
          highlight: null,
          setHighlight(highlight) {
            set({ highlight });
          },

          openDialog(dialog) {
            set({ dialog });
          },
          showSideTab(tab) {
            set({ sideTab: tab });
          },
          selectAll() {
            const { diagram } = get();
            set({
              selection: {
                nodes: diagram.nodes.map((n) => n.id),
                edges: diagram.edges.map((e) => e.id),
              },
            });
          },
          clearSelection() {
            set({ selection: EMPTY_SELECTION });
          },
          nudge(dx, dy) {
            const { diagram, selection } = get();
            if (selection.nodes.length === 0) return;
            const ids = new Set(selection.nodes);
            const positions = new Map(
              diagram.nodes
                .filter((n) => ids.has(n.id))
                .map((n) => [n.id, { x: n.position.x + dx, y: n.position.y + dy }]),
            );
            get().moveNodes(positions);
          },
          copySelection() {
            const { diagram, selection } = get();
            const ids = new Set(selection.nodes);
            if (ids.size === 0) return null;
            return {
              nodes: diagram.nodes.filter((n) => ids.has(n.id)),
              // Only edges with both ends inside the selection travel with it.
              edges: diagram.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
            };
          },
          paste(fragment, offset = 40) {
            const { diagram } = get();
            const idMap = new Map<string, string>();
            const nodes = fragment.nodes.map((node) => {
              const id = createId('n');
              idMap.set(node.id, id);
              const position = clampToBand(node.kind, {
                x: node.position.x + offset,
                y: node.position.y + offset,
              });
              return { ...node, id, position } as DiagramNode;
            });
            const edges = fragment.edges.flatMap((edge) => {
              const source = idMap.get(edge.source);
              const target = idMap.get(edge.target);
              return source && target ? [{ ...edge, id: createId('e'), source, target }] : [];
            });
            set({
              diagram: {
                ...diagram,
                nodes: [...diagram.nodes, ...nodes],
                edges: [...diagram.edges, ...edges],
              },
              selection: { nodes: nodes.map((n) => n.id), edges: edges.map((e) => e.id) },
            });
          },
          applyTransform(transform) {
            get().replaceDiagram(transform(get().diagram));
          },

          loadDiagram(diagram, id) {
            set({ diagram, diagramId: id, selection: EMPTY_SELECTION });
            // A file opens with a fresh history: undo must never step into another diagram.
            store.temporal.getState().clear();
          },
          replaceDiagram(diagram) {
            const { selection } = get();
            const ids = new Set(diagram.nodes.map((n) => n.id));
            const edgeIds = new Set(diagram.edges.map((e) => e.id));
            set({
              diagram,
              selection: {
                nodes: selection.nodes.filter((id) => ids.has(id)),
                edges: selection.edges.filter((id) => edgeIds.has(id)),
              },
            });
          },
          addNode(kind, position) {
            const { diagram } = get();
            const node = createNode(kind, position ?? freeSlotFor(diagram, kind));
            set({
              diagram: { ...diagram, nodes: [...diagram.nodes, node] },
              selection: { nodes: [node.id], edges: [] },
            });
            return node.id;
          },
          moveNodes(positions) {
            mapNodes((node) => {
              const position = positions.get(node.id);
              return position ? { ...node, position: clampToBand(node.kind, position) } : node;
            });
          },
          connect(source, target, options = {}) {
            const { diagram } = get();
            if (source === target)
              return { ok: false, reason: 'A node cannot hand off to itself.' };
            const ids = new Set(diagram.nodes.map((n) => n.id));
            if (!ids.has(source) || !ids.has(target)) {
              return { ok: false, reason: 'Both ends must be nodes of this diagram.' };
            }
            if (hasEdgeBetween(diagram, source, target)) {
              return { ok: false, reason: 'These two nodes are already connected.' };
            }
            const edge = createEdge(source, target, options);
            setDiagram({ ...diagram, edges: [...diagram.edges, edge] });
            return { ok: true, edge };
          },
          updateNode(id, patch) {
            mapNodes((node) => (node.id === id ? { ...node, ...withoutUndefined(patch) } : node));
          },
          updateNodeData(id, patch) {
            mapNodes((node) => {
              if (node.id !== id) return node;
              const data = withoutUndefined({ ...(node.data ?? {}), ...patch }) as AnyNodeData;
              return { ...node, data } as DiagramNode;
            });
          },
          updateEdge(id, patch) {
            const { diagram } = get();
            setDiagram({
              ...diagram,
              edges: diagram.edges.map((edge) =>
                edge.id === id ? withoutUndefined({ ...edge, ...patch }) : edge,
              ),
            });
          },
          deleteElements(nodeIds, edgeIds) {
            if (nodeIds.length === 0 && edgeIds.length === 0) return;
            const { diagram, selection } = get();
            const nodes = new Set(nodeIds);
            const edges = new Set(edgeIds);
            set({
              diagram: {
                ...diagram,
                nodes: diagram.nodes.filter((n) => !nodes.has(n.id)),
                // An edge cannot outlive either of its ends.
                edges: diagram.edges.filter(
                  (e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target),
                ),
              },
              selection: {
                nodes: selection.nodes.filter((id) => !nodes.has(id)),
                edges: selection.edges.filter((id) => !edges.has(id)),
              },
            });
          },
          renameDiagram(name) {
            setDiagram({ ...get().diagram, name });
          },
          updateMeta(patch) {
            const { diagram } = get();
            setDiagram({ ...diagram, meta: withoutUndefined({ ...diagram.meta, ...patch }) });
          },
          select(selection) {
            set({ selection });
          },
          setSaveState(saveState) {
            set({ saveState });
          },
          setNotice(notice) {
            set({ notice });
          },
          beginTransaction(kind = 'gesture') {
            if (transactionBase) return;
            transactionBase = { diagram: get().diagram };
            store.temporal.getState().pause();
            set({ transaction: kind });
          },
          endTransaction() {
            const base = transactionBase;
            if (!base) return;
            transactionBase = null;
            set({ transaction: null });
            const temporalStore = store.temporal;
            temporalStore.getState().resume();
            if (base.diagram === get().diagram) return;
            temporalStore.setState((s) => ({
              pastStates: [...s.pastStates, base].slice(-HISTORY_LIMIT),
              futureStates: [],
            }));
          },
        };
      },
      {
        partialize: (state): HistoryState => ({ diagram: state.diagram }),
        // Selection, save state and notices change often and are not part of the document.
        equality: (past, current) => past.diagram === current.diagram,
        limit: HISTORY_LIMIT,
      },
    ),
  );
  return store;
}

export function undo(store: EditorStore): void {
  store.getState().endTransaction();
  store.temporal.getState().undo();
}

export function redo(store: EditorStore): void {
  store.getState().endTransaction();
  store.temporal.getState().redo();
}

export type { StoreApi };
