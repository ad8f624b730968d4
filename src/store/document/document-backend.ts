import type { Diagram } from '../../model/schema';

/** A pure edit of the whole document: returns its input unchanged when there is nothing to do. */
export type DiagramTransform = (diagram: Diagram) => Diagram;

/**
 * Names the intent behind an edit ("add-node", "move-nodes", "apply-fix"…). The local backend
 * does not need it; a shared backend passes it as the transaction origin, so that its undo
 * manager tracks this editor's own edits and never undoes a collaborator's.
 */
export type EditLabel = string;

/**
 * Where the diagram lives, and the only way to change it.
 *
 * The store's document slice is the only code that changes the diagram, and it does so only
 * through this interface: every named intent (add a card, connect, move, apply a fix, paste…)
 * becomes one `apply(transform, label)`. The rest of the store mirrors `read()` into its state
 * on `subscribe`, and the UI reads that mirror and calls intents; nothing in the UI touches the
 * backend or its history.
 *
 * That is what lets the co-editing client replace the backend without touching the UI: today
 * it is `createLocalDocument` (zundo undo history over an in-memory diagram); for a shared
 * diagram it will be a Yjs document, where `read` is the diagram decoded from the Y.Doc (kept
 * by identity until the Y.Doc changes), `apply` writes the difference in one Y transaction with
 * the label as origin, the transaction calls group writes into one `Y.UndoManager` step,
 * `undo`/`redo`/`canUndo`/`canRedo` are the UndoManager's (local origins only), and `subscribe`
 * also fires for a collaborator's edits. The contract below is what both must keep.
 */
export interface DocumentBackend {
  /** The current diagram. The same object until something changes it, so `===` means unchanged. */
  read(): Diagram;
  /**
   * Replaces the diagram with `transform(read())` as one undo step, or as part of the open
   * transaction. A transform that returns its input changes nothing and adds no step.
   */
  apply(transform: DiagramTransform, label: EditLabel): void;
  /** Shows another diagram with a fresh history: undo never steps into the previous one. */
  load(diagram: Diagram): void;
  /**
   * Groups every `apply` until `endTransaction` into one undo step (a drag, typing in a field).
   * The kind lets a shared backend keep a gesture to itself until it ends (one change for the
   * room) while typing is shown to others as it happens; the local backend ignores it.
   */
  beginTransaction(kind?: 'gesture' | 'typing'): void;
  /** Closes the open transaction; a transaction that changed nothing adds no step. */
  endTransaction(): void;
  /** Undo and redo close an open transaction first, so they never leave one half applied. */
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Called after the diagram or the history changed, whoever changed it. Returns unsubscribe. */
  subscribe(listener: () => void): () => void;
}
