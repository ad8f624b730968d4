import { createStore, type StoreApi } from 'zustand/vanilla';
import { createDiagram } from '../model/factories';
import type { Diagram } from '../model/schema';
import { createDerivedSlice, type DerivedSlice } from './derived/derived-slice';
import type { DocumentBackend } from './document/document-backend';
import { createDocumentSlice, type DocumentSlice } from './document/document-slice';
import { createLocalDocument } from './document/local-document';
import { createSwitchableDocument } from './document/switchable-document';
import { createDealsSlice, type DealsSlice } from './actuals/deals-slice';
import { createReviewSlice, type ReviewSlice } from './review/review-slice';
import { createViewSlice, keepExisting, type ViewSlice } from './view-slice';

export type { SideTab } from './view-slice';

/** `restoring`: start-up is still reading the saved diagram; the editor takes no edits meanwhile. */
export type SaveState =
  | { status: 'restoring' }
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; at: number }
  | { status: 'error'; message: string };

/** Where saving stands, and a message for the user about storage or import (shown as a banner). */
export interface StatusSlice {
  saveState: SaveState;
  notice: { kind: 'info' | 'warning' | 'error'; text: string } | null;
  setSaveState(saveState: SaveState): void;
  setNotice(notice: StatusSlice['notice']): void;
}

/**
 * The editor's state: the document (the only slice that changes the diagram), the view
 * (selection, dialogs, panels), what is derived from the document (audit, forecast) and the
 * save status. Each slice is written against the whole state, as in the zustand slices guide.
 */
export type EditorState = DocumentSlice &
  ViewSlice &
  DerivedSlice &
  StatusSlice &
  ReviewSlice &
  DealsSlice;

export type SliceCreator<Slice> = (
  set: StoreApi<EditorState>['setState'],
  get: StoreApi<EditorState>['getState'],
) => Slice;

export type EditorStore = StoreApi<EditorState>;

const createStatusSlice: SliceCreator<StatusSlice> = (set) => ({
  saveState: { status: 'idle' },
  notice: null,
  setSaveState(saveState) {
    set({ saveState });
  },
  setNotice(notice) {
    set({ notice });
  },
});

/**
 * One editor's store, over `backend` (a diagram local to this tab unless given). The store
 * follows the backend: whenever the diagram or its history changes, whoever changed it, the
 * mirror in the state is refreshed and the selection loses ids that are gone.
 */
export function createEditorStore(
  initial: Diagram = createDiagram(),
  diagramId = 'local',
  initialBackend: DocumentBackend = createLocalDocument(initial),
): EditorStore {
  // A room swaps the backend under the store (document-slice `switchBackend`).
  const backend = createSwitchableDocument(initialBackend);
  const store = createStore<EditorState>()((set, get) => ({
    ...createDocumentSlice(backend, diagramId)(set, get),
    ...createViewSlice(set, get),
    ...createDerivedSlice(set, get),
    ...createStatusSlice(set, get),
    ...createReviewSlice(set, get),
    ...createDealsSlice(set, get),
  }));
  backend.subscribe(() => {
    const state = store.getState();
    const diagram = backend.read();
    const canUndo = backend.canUndo();
    const canRedo = backend.canRedo();
    const patch: Partial<EditorState> = {};
    if (diagram !== state.diagram) {
      patch.diagram = diagram;
      // A move or a data edit keeps every id (same node count, same edges): no need to look.
      const sameIds =
        diagram.nodes.length === state.diagram.nodes.length &&
        diagram.edges === state.diagram.edges;
      if (!sameIds) patch.selection = keepExisting(state.selection, diagram);
    }
    if (canUndo !== state.history.canUndo || canRedo !== state.history.canRedo) {
      patch.history = { canUndo, canRedo };
    }
    if (Object.keys(patch).length > 0) store.setState(patch);
  });
  return store;
}

export function undo(store: EditorStore): void {
  store.getState().undo();
}

export function redo(store: EditorStore): void {
  store.getState().redo();
}
