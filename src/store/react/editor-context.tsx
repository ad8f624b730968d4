import { createContext, useContext, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { EditorState, EditorStore } from '../editor-store';
import type { DiagramSession } from '../session';

export interface Editor {
  readonly store: EditorStore;
  readonly session: DiagramSession;
}

export const EditorContext = createContext<Editor | null>(null);

export function useEditorApi(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditorApi must be used inside <EditorContext>');
  return editor;
}

/** Reads the editor store through a narrow selector, so components re-render only on what they use. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorApi().store, selector);
}

export function useDiagramList() {
  const { session } = useEditorApi();
  return useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.list(),
  );
}

/** Saved copies that no longer read, set aside by the library. */
export function useUnreadableDiagrams() {
  const { session } = useEditorApi();
  return useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.listUnreadable(),
  );
}
