import type { DocumentBackend } from './document-backend';

export interface SwitchableDocument extends DocumentBackend {
  /**
   * Makes `next` the document from now on (a room opened or closed) and tells the listeners,
   * so the store mirrors its diagram and history at once. Returns the one it replaced.
   */
  swap(next: DocumentBackend): DocumentBackend;
  readonly inner: DocumentBackend;
}

/**
 * The backend the store holds: it forwards every call to the current one, so the co-editing
 * client can put a shared document in place of the local one (and back) without the store, the
 * slices or the UI knowing which it is.
 */
export function createSwitchableDocument(initial: DocumentBackend): SwitchableDocument {
  let inner = initial;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  let unsubscribe = inner.subscribe(notify);
  return {
    get inner() {
      return inner;
    },
    swap(next) {
      const previous = inner;
      previous.endTransaction();
      unsubscribe();
      inner = next;
      unsubscribe = inner.subscribe(notify);
      notify();
      return previous;
    },
    read: () => inner.read(),
    apply: (transform, label) => inner.apply(transform, label),
    load: (diagram) => inner.load(diagram),
    beginTransaction: (kind) => inner.beginTransaction(kind),
    endTransaction: () => inner.endTransaction(),
    undo: () => inner.undo(),
    redo: () => inner.redo(),
    canUndo: () => inner.canUndo(),
    canRedo: () => inner.canRedo(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
