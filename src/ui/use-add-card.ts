import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { NODE_HEIGHT, NODE_WIDTH } from '../model/bands';
import type { NodeKind } from '../model/layers';
import { useEditorApi } from '../store/react/editor-context';

/**
 * A palette click (issue 16): the new card takes the next free slot of its band inside the part
 * of the canvas on screen, and the view pans to it (same zoom) only if it is not fully in view.
 */
export function useAddCard(): (kind: NodeKind) => string {
  const { store } = useEditorApi();
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  return useCallback(
    (kind: NodeKind) => {
      const { width, height, transform } = flowStore.getState();
      const [x, y, zoom] = transform;
      const seen = width > 0 ? { left: -x / zoom, right: (width - x) / zoom } : undefined;
      const id = store.getState().addNode(kind, undefined, seen);
      const node = store.getState().diagram.nodes.find((n) => n.id === id);
      if (!node || width === 0) return id;
      const left = node.position.x * zoom + x;
      const top = node.position.y * zoom + y;
      const inView =
        left >= 0 &&
        top >= 0 &&
        left + NODE_WIDTH * zoom <= width &&
        top + NODE_HEIGHT * zoom <= height;
      if (!inView) {
        void flow.setCenter(node.position.x + NODE_WIDTH / 2, node.position.y + NODE_HEIGHT / 2, {
          zoom,
          duration: 200,
        });
      }
      return id;
    },
    [store, flow, flowStore],
  );
}
