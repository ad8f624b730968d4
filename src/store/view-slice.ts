import type { Fragment } from '../model/edits/element-edits';
import { copyFragment } from '../model/edits/element-edits';
import type { EditorState, SliceCreator } from './editor-store';
import {
  ALL_SEVERITIES,
  INITIAL_PROBLEMS_VIEW,
  type ElementTarget,
  type ProblemsView,
} from './problems-view';
import { INITIAL_TRANSFER, type TransferState } from './transfer/transfer-state';

export interface Selection {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}

export type SideTab = 'Inspector' | 'Problems' | 'Forecast' | 'History' | 'Comments' | 'Deals';

export type DialogId =
  'shortcuts' | 'commands' | 'diagrams' | 'import-problems' | 'learn-more' | null;

export const EMPTY_SELECTION: Selection = { nodes: [], edges: [] };

type Patch<T> = Partial<T> | ((current: T) => Partial<T>);

/**
 * What the user is looking at and working with, never part of the document and never undone:
 * the selection, the open dialog and side tab, the highlighted lead trace, the Problems panel's
 * filter, the import/export state and the clipboard.
 */
export interface ViewSlice {
  selection: Selection;
  dialog: DialogId;
  /** The side panel's open tab. */
  sideTab: SideTab;
  /** Nodes and edges drawn highlighted (the lead trace). */
  highlight: { nodes: readonly string[]; edges: readonly string[] } | null;
  problemsView: ProblemsView;
  transfer: TransferState;
  /** What Copy took, for Paste: kept in the editor, so pasting needs no clipboard permission. */
  clipboard: Fragment | null;

  select(selection: Selection): void;
  selectAll(): void;
  clearSelection(): void;
  copySelection(): Fragment | null;
  /** Puts the selected nodes (and the edges between them) on the editor's clipboard. */
  copy(): void;
  openDialog(dialog: DialogId): void;
  showSideTab(tab: SideTab): void;
  setHighlight(highlight: EditorState['highlight']): void;
  setProblemsView(patch: Patch<ProblemsView>): void;
  /**
   * Opens the Problems tab on one node's or edge's findings (what a badge click does): other
   * filters are reset so that every finding of the element shows, and the element is selected.
   */
  openProblemsFor(target: ElementTarget): void;
  setTransfer(patch: Partial<TransferState>): void;
}

export const createViewSlice: SliceCreator<ViewSlice> = (set, get) => ({
  selection: EMPTY_SELECTION,
  dialog: null,
  sideTab: 'Inspector',
  highlight: null,
  problemsView: INITIAL_PROBLEMS_VIEW,
  transfer: INITIAL_TRANSFER,
  clipboard: null,

  select(selection) {
    set({ selection });
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
  copySelection() {
    const { diagram, selection } = get();
    return copyFragment(diagram, selection.nodes);
  },
  copy() {
    const fragment = get().copySelection();
    if (fragment) set({ clipboard: fragment });
  },
  openDialog(dialog) {
    set({ dialog });
  },
  showSideTab(tab) {
    set({ sideTab: tab });
  },
  setHighlight(highlight) {
    set({ highlight });
  },
  setProblemsView(patch) {
    set((s) => ({
      problemsView: {
        ...s.problemsView,
        ...(typeof patch === 'function' ? patch(s.problemsView) : patch),
      },
    }));
  },
  openProblemsFor(target) {
    set((s) => ({
      problemsView: {
        ...s.problemsView,
        query: '',
        severities: ALL_SEVERITIES,
        target,
        showAll: false,
        pendingFocus: true,
      },
      selection:
        target.type === 'node'
          ? { nodes: [target.id], edges: [] }
          : { nodes: [], edges: [target.id] },
      sideTab: 'Problems',
    }));
  },
  setTransfer(patch) {
    set((s) => ({ transfer: { ...s.transfer, ...patch } }));
  },
});

/**
 * The selection without ids the diagram no longer has (after an undo, a fix, a collaborator's
 * delete). The same object when nothing is gone, so selectors of the selection do not re-run.
 */
export function keepExisting(selection: Selection, diagram: EditorState['diagram']): Selection {
  if (selection.nodes.length === 0 && selection.edges.length === 0) return selection;
  const nodeIds = new Set(diagram.nodes.map((n) => n.id));
  const edgeIds = new Set(diagram.edges.map((e) => e.id));
  const nodes = selection.nodes.filter((id) => nodeIds.has(id));
  const edges = selection.edges.filter((id) => edgeIds.has(id));
  return nodes.length === selection.nodes.length && edges.length === selection.edges.length
    ? selection
    : { nodes, edges };
}
