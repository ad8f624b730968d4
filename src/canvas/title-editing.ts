import { createContext, useContext, useSyncExternalStore } from 'react';

/**
 * Which card's title is being edited on the card itself (issue 16: double-click or Enter, as
 * in Miro and Excalidraw). A small store rather than React state in the canvas, so starting an
 * edit re-renders the one card it is about, not every card.
 */
export interface TitleEditing {
  readonly editing: () => string | null;
  start(id: string): void;
  stop(): void;
  subscribe(listener: () => void): () => void;
}

export function createTitleEditing(): TitleEditing {
  let editing: string | null = null;
  const listeners = new Set<() => void>();
  const set = (next: string | null) => {
    if (next === editing) return;
    editing = next;
    for (const listener of listeners) listener();
  };
  return {
    editing: () => editing,
    start: (id) => set(id),
    stop: () => set(null),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const TitleEditingContext = createContext<TitleEditing | null>(null);

/** Whether this card's title is being edited, and the store to start or stop it. */
export function useTitleEditing(id: string): { editing: boolean; store: TitleEditing | null } {
  const store = useContext(TitleEditingContext);
  const editing = useSyncExternalStore(
    (listener) => store?.subscribe(listener) ?? (() => undefined),
    () => store?.editing() === id,
  );
  return { editing, store };
}
