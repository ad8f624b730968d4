import { useSyncExternalStore } from 'react';
import type { EditorStore } from '../store/editor-store';
import { useEditorApi } from '../store/react/editor-context';
import { canEdit } from '../store/shared/can-edit';
import { roomState } from '../store/shared/room-state';

/**
 * Which card's title is being edited on the card itself (issue 16: double-click or Enter, as
 * in Miro and Excalidraw; a palette card opens with it). One small store per editor rather than
 * React state, so starting an edit re-renders the one card it is about, not every card.
 */
export interface TitleEditing {
  readonly editing: () => string | null;
  start(id: string): void;
  stop(): void;
  subscribe(listener: () => void): () => void;
}

function createTitleEditing(): TitleEditing {
  let editing: string | null = null;
  const listeners = new Set<() => void>();
  const set = (next: string | null) => {
    if (next === editing) return;
    editing = next;
    for (const listener of listeners) listener();
  };
  return {
    editing: () => editing,
    // A viewer of a shared room gets no title editor, whichever gesture asked for it.
    start: (id) => {
      if (canEdit(roomState.getState())) set(id);
    },
    stop: () => set(null),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const byEditor = new WeakMap<EditorStore, TitleEditing>();

export function titleEditingOf(store: EditorStore): TitleEditing {
  let editing = byEditor.get(store);
  if (!editing) {
    editing = createTitleEditing();
    byEditor.set(store, editing);
  }
  return editing;
}

/** Whether this card's title is being edited, and the store to start or stop it. */
export function useTitleEditing(id: string): { editing: boolean; store: TitleEditing } {
  const store = titleEditingOf(useEditorApi().store);
  const editing = useSyncExternalStore(store.subscribe, () => store.editing() === id);
  return { editing, store };
}
