import { useKeyPress, useReactFlow, useStoreApi } from '@xyflow/react';
import {
  useCallback,
  useRef,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import { useEditorApi } from '../store/react/editor-context';
import { GRID } from '../model/bands';
import { cardAt, cardsInside, type Rect } from './big-diagram';
import { edgeLayoutOf } from './edge-layout-cache';
import { edgeAt, type DrawnEdge } from './overview-painter';

/** A press that moves less than this (screen px) is a click, not a drag. */
const DRAG_THRESHOLD = 3;
/** How near (screen px) a click must land to a drawn edge to pick it. */
const EDGE_TOLERANCE = 6;

const snap = (value: number) => Math.round(value / GRID) * GRID;

/**
 * Pointer handling for the cards the overview picture draws (zoomed out on a big diagram):
 * they have no DOM of their own, so a press on the pane is hit-tested against the model. A
 * click selects the card (Shift/Ctrl/⌘ add or remove it), which makes it a live card again; a
 * drag moves it with the same snapping, band clamping and single undo step as a live drag; the
 * Shift selection box also takes the drawn cards inside it. A click on a drawn edge (at any
 * zoom of a big diagram) selects it, which makes it live.
 */
export function useOverviewPointer(active: boolean, drawnEdges: readonly DrawnEdge[]) {
  const { store } = useEditorApi();
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  const boxRect = useRef<Rect | null>(null);
  const stopBoxWatch = useRef<(() => void) | null>(null);
  // Space + drag pans (the canvas's pan key), even when the press lands on a card.
  const panKey = useKeyPress('Space');

  const hitTest = useCallback(
    (event: { clientX: number; clientY: number; target: EventTarget | null }) => {
      if (
        !(event.target instanceof Element) ||
        !event.target.classList.contains('react-flow__pane')
      )
        return null;
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const { diagram, selection } = store.getState();
      return cardAt(diagram.nodes, point.x, point.y, new Set(selection.nodes));
    },
    [flow, store],
  );

  const onPointerDownCapture = useCallback(
    (event: ReactPointerEvent<HTMLElement>) => {
      if (!active || panKey || event.button !== 0 || event.altKey) return;
      const card = hitTest(event);
      if (!card) return;
      // Ours, not the pane's: no pan, no selection box, and no pane click that deselects.
      event.preventDefault();
      event.stopPropagation();
      const swallowClick = (click: MouseEvent) => click.stopPropagation();
      globalThis.addEventListener('click', swallowClick, { capture: true, once: true });
      const state = store.getState();
      if (event.shiftKey || event.metaKey || event.ctrlKey) {
        const nodes = state.selection.nodes.includes(card.id)
          ? state.selection.nodes.filter((id) => id !== card.id)
          : [...state.selection.nodes, card.id];
        state.select({ ...state.selection, nodes });
        return;
      }
      state.select({ nodes: [card.id], edges: [] });

      const startX = event.clientX;
      const startY = event.clientY;
      const from = card.position;
      let dragging = false;
      const move = (e: PointerEvent) => {
        const dx = e.clientX - startX;
        const dy = e.clientY - startY;
        if (!dragging) {
          if (Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
          dragging = true;
          store.getState().beginTransaction();
        }
        const zoom = flowStore.getState().transform[2];
        const position = { x: snap(from.x + dx / zoom), y: snap(from.y + dy / zoom) };
        store.getState().moveNodes(new Map([[card.id, position]]));
      };
      const up = () => {
        globalThis.removeEventListener('pointermove', move);
        globalThis.removeEventListener('pointerup', up);
        globalThis.removeEventListener('pointercancel', up);
        if (dragging) store.getState().endTransaction();
      };
      globalThis.addEventListener('pointermove', move);
      globalThis.addEventListener('pointerup', up);
      globalThis.addEventListener('pointercancel', up);
    },
    [active, panKey, hitTest, store, flowStore],
  );

  const onSelectionStart = useCallback(() => {
    if (!active) return;
    boxRect.current = null;
    stopBoxWatch.current = flowStore.subscribe((s) => {
      if (s.userSelectionRect) boxRect.current = s.userSelectionRect;
    });
  }, [active, flowStore]);

  const onSelectionEnd = useCallback(() => {
    stopBoxWatch.current?.();
    stopBoxWatch.current = null;
    const rect = boxRect.current;
    if (!active || !rect || rect.width === 0 || rect.height === 0) return;
    const [tx, ty, zoom] = flowStore.getState().transform;
    const inside = cardsInside(store.getState().diagram.nodes, {
      x: (rect.x - tx) / zoom,
      y: (rect.y - ty) / zoom,
      width: rect.width / zoom,
      height: rect.height / zoom,
    });
    if (inside.length === 0) return;
    // React Flow reports the live cards it selected first; this adds the drawn ones.
    queueMicrotask(() => {
      const { selection, select } = store.getState();
      select({ ...selection, nodes: [...new Set([...selection.nodes, ...inside])] });
    });
  }, [active, flowStore, store]);

  /** React Flow calls this for a click on the empty pane, after clearing the selection. */
  const onPaneClick = useCallback(
    (event: ReactMouseEvent) => {
      if (drawnEdges.length === 0) return;
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const zoom = flowStore.getState().transform[2];
      const { diagram, derived } = store.getState();
      const { routes } = edgeLayoutOf(diagram, derived.auditOf(diagram));
      const edge = edgeAt(drawnEdges, routes, point.x, point.y, EDGE_TOLERANCE / zoom);
      if (edge) store.getState().select({ nodes: [], edges: [edge.id] });
    },
    [drawnEdges, flow, flowStore, store],
  );

  return { onPointerDownCapture, onSelectionStart, onSelectionEnd, onPaneClick };
}
