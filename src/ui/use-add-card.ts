import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { NODE_HEIGHT, NODE_WIDTH } from '../model/bands';
import type { NodeKind } from '../model/layers';
import { useEditorApi } from '../store/react/editor-context';
import { titleEditingOf } from '../ui-kit/title-editing';

/**
 * A palette click (issue 16): the new card takes the next free slot of its band inside the part
 * of the canvas on screen, the view pans to it (same zoom) only if it is not fully in view, and
 * its title opens for typing on the card.
 */
/** Screen pixels kept between a card the view follows and the canvas edge. */
const MARGIN = 24;

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
      // As on a whiteboard, the new card's title is ready to type into.
      titleEditingOf(store).start(id);
      const node = store.getState().diagram.nodes.find((n) => n.id === id);
      if (!node || width === 0) return id;
      // Pan just enough to bring the card in (as scrolling into view does), so what was on
      // screen mostly stays there.
      const left = node.position.x * zoom + x;
      const top = node.position.y * zoom + y;
      const shift = (start: number, size: number, room: number) =>
        start < MARGIN
          ? MARGIN - start
          : start + size > room - MARGIN
            ? room - MARGIN - start - size
            : 0;
      const dx = shift(left, NODE_WIDTH * zoom, width);
      const dy = shift(top, NODE_HEIGHT * zoom, height);
      if (dx !== 0 || dy !== 0)
        void flow.setViewport({ x: x + dx, y: y + dy, zoom }, { duration: 200 });
      return id;
    },
    [store, flow, flowStore],
  );
}
