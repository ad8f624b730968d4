import type { NodeKind } from '../../model/layers';
import type { Diagram, DiagramEdge, DiagramMeta } from '../../model/schema';
import type { NewEdgeOptions } from '../../model/factories';
import * as edits from '../../model/edits/element-edits';
import type { EdgePatch, Fragment, NodeDataPatch, NodeRef } from '../../model/edits/element-edits';
import type { XRange } from '../../model/edits/placement';
import type { SliceCreator } from '../editor-store';
import { EMPTY_SELECTION } from '../view-slice';
import type { DiagramTransform, DocumentBackend } from './document-backend';
import type { SwitchableDocument } from './switchable-document';

export type ConnectResult = { ok: true; edge: DiagramEdge } | { ok: false; reason: string };

/**
 * What an open transaction groups: a pointer gesture (a drag: dozens of writes a second, saved
 * when it ends) or typing in a field (saved as usual, since a focused field can stay open for
 * minutes).
 */
export type TransactionKind = 'gesture' | 'typing';

/**
 * The document: the diagram and every intent that changes it. This slice is the only code that
 * changes the diagram, and only through `backend.apply` with a pure edit from `model/edits`;
 * `diagram` and `history` are a mirror of the backend, refreshed on its `subscribe`.
 */
export interface DocumentSlice {
  /** The diagram as the backend has it now. Read it; change it only through the intents below. */
  diagram: Diagram;
  diagramId: string;
  /** The open transaction's kind, or null; not part of the document. */
  transaction: TransactionKind | null;
  history: { readonly canUndo: boolean; readonly canRedo: boolean };

  /** Opens another diagram with a fresh history and no selection. */
  loadDiagram(diagram: Diagram, diagramId: string): void;
  /** Replaces the document in one undoable step (quick fixes, auto layout, templates). */
  applyTransform(transform: DiagramTransform, label?: string): void;
  replaceDiagram(diagram: Diagram): void;
  /** At `position` (a drop), or the band's next free slot, inside `within` when given. */
  addNode(kind: NodeKind, position?: { x: number; y: number }, within?: XRange): string;
  moveNodes(positions: ReadonlyMap<string, { x: number; y: number }>): void;
  /** Moves the selected nodes. */
  nudge(dx: number, dy: number): void;
  connect(source: string, target: string, options?: NewEdgeOptions): ConnectResult;
  updateNode(id: string, patch: { title?: string }): void;
  /**
   * One patch for one node or several (a multi-selection): one edit and one undo step. The
   * nodes' kind types the patch; a node whose kind differs from its ref is left alone.
   */
  updateNodeData<K extends NodeKind>(
    nodes: NodeRef<K> | readonly NodeRef<K>[],
    patch: NodeDataPatch<K>,
  ): void;
  /** Sets one data field by name (a generated form); the kind's schema must accept the value. */
  setNodeField(node: NodeRef<NodeKind>, key: string, value: unknown): void;
  updateEdge(id: string, patch: EdgePatch): void;
  /** One patch for several edges: one edit and one undo step. */
  updateEdges(ids: readonly string[], patch: EdgePatch): void;
  deleteElements(nodeIds: readonly string[], edgeIds: readonly string[]): void;
  renameDiagram(name: string): void;
  updateMeta(patch: Partial<DiagramMeta>): void;
  /** Adds a copy of the fragment with new ids, moved by `offset`, and selects it. */
  paste(fragment: Fragment, offset?: number): void;
  /** Groups the writes until `endTransaction` into one undo step (a drag, typing in a field). */
  beginTransaction(kind?: TransactionKind): void;
  endTransaction(): void;
  undo(): void;
  redo(): void;
  /**
   * Puts another backend in place (a room opened or closed: `store/shared`); the diagram and
   * history shown become its own. Returns the one replaced. Not an edit: nothing to undo.
   */
  switchBackend(next: DocumentBackend, diagramId: string): DocumentBackend;
}

export function createDocumentSlice(
  backend: SwitchableDocument,
  diagramId: string,
): SliceCreator<DocumentSlice> {
  return (set, get) => {
    const apply = (label: string, transform: DiagramTransform) => backend.apply(transform, label);
    const closeTransaction = () => {
      backend.endTransaction();
      if (get().transaction !== null) set({ transaction: null });
    };
    return {
      diagram: backend.read(),
      diagramId,
      transaction: null,
      history: { canUndo: backend.canUndo(), canRedo: backend.canRedo() },

      loadDiagram(diagram, id) {
        if (get().transaction !== null) set({ transaction: null });
        backend.load(diagram);
        set({ diagramId: id, selection: EMPTY_SELECTION });
      },
      applyTransform(transform, label = 'transform') {
        apply(label, transform);
      },
      replaceDiagram(diagram) {
        apply('replace', () => diagram);
      },
      addNode(kind, position, within) {
        const node = edits.newNode(
          get().diagram,
          kind,
          position ? { position } : within ? { within } : {},
        );
        apply('add-node', (d) => edits.insertNodes(d, [node]));
        set({ selection: { nodes: [node.id], edges: [] } });
        return node.id;
      },
      moveNodes(positions) {
        apply('move-nodes', (d) => edits.moveNodes(d, positions));
      },
      nudge(dx, dy) {
        const ids = get().selection.nodes;
        apply('move-nodes', (d) => edits.nudgeNodes(d, ids, dx, dy));
      },
      connect(source, target, options = {}) {
        const check = edits.checkConnect(get().diagram, source, target);
        if (!check.ok) return check;
        const edge = edits.newEdge(source, target, options);
        apply('connect', (d) => edits.insertEdges(d, [edge]));
        return { ok: true, edge };
      },
      updateNode(id, patch) {
        apply('update-node', (d) => edits.updateNode(d, id, patch));
      },
      updateNodeData(nodes, patch) {
        const refs: readonly NodeRef<NodeKind>[] = 'id' in nodes ? [nodes] : nodes;
        const kinds = new Map(refs.map((ref) => [ref.id, ref.kind]));
        apply('update-node', (d) => {
          const ids = d.nodes.filter((n) => kinds.get(n.id) === n.kind).map((n) => n.id);
          return edits.updateNodeData(d, ids, patch);
        });
      },
      setNodeField(node, key, value) {
        apply('update-node', (d) => edits.setNodeField(d, node.id, key, value));
      },
      updateEdge(id, patch) {
        apply('update-edge', (d) => edits.updateEdges(d, [id], patch));
      },
      updateEdges(ids, patch) {
        apply('update-edges', (d) => edits.updateEdges(d, ids, patch));
      },
      deleteElements(nodeIds, edgeIds) {
        apply('delete', (d) => edits.deleteElements(d, nodeIds, edgeIds));
      },
      renameDiagram(name) {
        apply('rename', (d) => edits.renameDiagram(d, name));
      },
      updateMeta(patch) {
        apply('update-meta', (d) => edits.updateMeta(d, patch));
      },
      paste(fragment, offset = 40) {
        const copy = edits.cloneFragment(fragment, offset);
        apply('paste', (d) => edits.insertFragment(d, copy));
        set({
          selection: { nodes: copy.nodes.map((n) => n.id), edges: copy.edges.map((e) => e.id) },
        });
      },
      beginTransaction(kind = 'gesture') {
        if (get().transaction !== null) return;
        backend.beginTransaction(kind);
        set({ transaction: kind });
      },
      endTransaction: closeTransaction,
      undo() {
        closeTransaction();
        backend.undo();
      },
      redo() {
        closeTransaction();
        backend.redo();
      },
      switchBackend(next, id) {
        if (get().transaction !== null) set({ transaction: null });
        const previous = backend.swap(next);
        set({ diagramId: id });
        return previous;
      },
    };
  };
}
