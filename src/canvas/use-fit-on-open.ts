import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useEditor } from '../store/react/editor-context';
import { FIT_VIEW_OPTIONS } from '../ui-kit/fit-view';

/**
 * Fits the view whenever another diagram opens, or a template fills the empty one in place
 * (issue 16): a diagram always opens whole on screen, never at the last one's pan and zoom.
 */
export function useFitOnOpen(): void {
  const flow = useReactFlow();
  const diagramId = useEditor((s) => s.diagramId);
  const count = useEditor((s) => s.diagram.nodes.length);
  const seen = useRef({ diagramId, count });
  useEffect(() => {
    const before = seen.current;
    seen.current = { diagramId, count };
    const opened = before.diagramId !== diagramId;
    const filled = before.count === 0 && count > 1;
    if (!opened && !filled) return;
    // Two frames: React Flow measures the new cards in the first.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => void flow.fitView(FIT_VIEW_OPTIONS));
    });
    return () => cancelAnimationFrame(frame);
  }, [diagramId, count, flow]);
}
