import { useCallback, useSyncExternalStore } from 'react';
import type { EditorState } from '../editor-store';
import {
  remoteDragsOf,
  type RemoteDrag,
  type RemoteDragMarks,
  type RemoteDrags,
} from '../shared/remote-drags';
import { useEditorApi } from './editor-context';

/** The cards others are dragging right now (store/shared/remote-drags.ts). */
export function useRemoteDrags(): RemoteDrags {
  const view = remoteDragsOf(useEditorApi().store);
  return useSyncExternalStore(view.subscribe, view.getState);
}

/** Who drags which card: re-renders when a drag starts or ends, not on every move. */
export function useRemoteDragMarks(): RemoteDragMarks {
  const view = remoteDragsOf(useEditorApi().store);
  return useSyncExternalStore(view.subscribe, view.getMarks);
}

/** Where someone else has this card right now, if anyone drags it. */
export function useRemoteDrag(id: string): RemoteDrag | undefined {
  const view = remoteDragsOf(useEditorApi().store);
  return useSyncExternalStore(view.subscribe, () => view.getState().get(id));
}

const NONE: RemoteDrags = new Map();

/**
 * Reads the editor store together with others' drags through one narrow selector: a component
 * re-renders only when what it selects changes, not on every awareness message. With `follow`
 * false it does not even listen to the drags (the selector sees none).
 */
export function useEditorWithRemoteDrags<T>(
  selector: (state: EditorState, drags: RemoteDrags) => T,
  follow = true,
): T {
  const { store } = useEditorApi();
  const view = remoteDragsOf(store);
  const subscribe = useCallback(
    (listener: () => void) => {
      const offStore = store.subscribe(listener);
      const offDrags = follow ? view.subscribe(listener) : null;
      return () => {
        offStore();
        offDrags?.();
      };
    },
    [store, view, follow],
  );
  return useSyncExternalStore(subscribe, () =>
    selector(store.getState(), follow ? view.getState() : NONE),
  );
}
