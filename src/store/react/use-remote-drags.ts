import { useCallback, useSyncExternalStore } from 'react';
import type { EditorState } from '../editor-store';
import { remoteDragsOf, type RemoteDrags } from '../shared/remote-drags';
import { useEditorApi } from './editor-context';

/** The cards others are dragging right now (store/shared/remote-drags.ts). */
export function useRemoteDrags(): RemoteDrags {
  const view = remoteDragsOf(useEditorApi().store);
  return useSyncExternalStore(view.subscribe, view.getState);
}

/**
 * Reads the editor store together with others' drags through one narrow selector: a component
 * re-renders only when what it selects changes, not on every awareness message.
 */
export function useEditorWithRemoteDrags<T>(
  selector: (state: EditorState, drags: RemoteDrags) => T,
): T {
  const { store } = useEditorApi();
  const view = remoteDragsOf(store);
  const subscribe = useCallback(
    (listener: () => void) => {
      const offStore = store.subscribe(listener);
      const offDrags = view.subscribe(listener);
      return () => {
        offStore();
        offDrags();
      };
    },
    [store, view],
  );
  return useSyncExternalStore(subscribe, () => selector(store.getState(), view.getState()));
}
