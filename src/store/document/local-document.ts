import { temporal } from 'zundo';
import { createStore } from 'zustand/vanilla';
import type { Diagram } from '../../model/schema';
import type { DocumentBackend } from './document-backend';

/** How many undo steps are kept; older ones are dropped. */
export const HISTORY_LIMIT = 200;

interface DocumentState {
  diagram: Diagram;
}

/**
 * The document of a diagram open in this tab only: a zustand store whose zundo history holds
 * nothing but the diagram (never selection, viewport or findings, STYLE habit 7).
 */
export function createLocalDocument(initial: Diagram): DocumentBackend {
  const store = createStore<DocumentState>()(
    temporal(() => ({ diagram: initial }), {
      equality: (past, current) => past.diagram === current.diagram,
      limit: HISTORY_LIMIT,
    }),
  );
  const history = store.temporal;
  /** The diagram as the open transaction found it; one undo step back to it on close. */
  let transactionBase: DocumentState | null = null;

  const endTransaction = () => {
    const base = transactionBase;
    if (!base) return;
    transactionBase = null;
    history.getState().resume();
    if (base.diagram === store.getState().diagram) return;
    history.setState((s) => ({
      pastStates: [...s.pastStates, base].slice(-HISTORY_LIMIT),
      futureStates: [],
    }));
  };

  return {
    read: () => store.getState().diagram,
    apply(transform) {
      const current = store.getState().diagram;
      const next = transform(current);
      if (next !== current) store.setState({ diagram: next });
    },
    load(diagram) {
      transactionBase = null;
      history.getState().resume();
      store.setState({ diagram });
      history.getState().clear();
    },
    beginTransaction() {
      if (transactionBase) return;
      transactionBase = { diagram: store.getState().diagram };
      history.getState().pause();
    },
    endTransaction,
    undo() {
      endTransaction();
      history.getState().undo();
    },
    redo() {
      endTransaction();
      history.getState().redo();
    },
    canUndo: () => history.getState().pastStates.length > 0,
    canRedo: () => history.getState().futureStates.length > 0,
    subscribe(listener) {
      // The history updates after the diagram does, so both are watched: a listener then reads
      // the new diagram first and the new undo state right after.
      const offDiagram = store.subscribe(listener);
      const offHistory = history.subscribe(listener);
      return () => {
        offDiagram();
        offHistory();
      };
    },
  };
}
