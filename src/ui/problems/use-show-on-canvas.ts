import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { useEditorApi } from '../../store/react/editor-context';
import type { FindingTarget } from '../../rules/types';

// Hidden cards (drawn by the big-diagram overview) count too.
const FIT = { duration: 300, maxZoom: 1.2, padding: 0.3, includeHiddenNodes: true } as const;

/** Selects a finding's element and brings it into view; an edge is framed by its two ends. */
export function useShowOnCanvas() {
  const { store } = useEditorApi();
  const flow = useReactFlow();
  const showNodes = useCallback(
    (ids: readonly string[]) => {
      if (ids.length > 0) void flow.fitView({ ...FIT, nodes: ids.map((id) => ({ id })) });
    },
    [flow],
  );
  const showTarget = useCallback(
    (target: FindingTarget) => {
      if (target.type === 'diagram') return;
      const { diagram, select } = store.getState();
      if (target.type === 'node') {
        select({ nodes: [target.id], edges: [] });
        showNodes([target.id]);
        return;
      }
      const edge = diagram.edges.find((e) => e.id === target.id);
      if (!edge) return;
      select({ nodes: [], edges: [edge.id] });
      showNodes([edge.source, edge.target]);
    },
    [store, showNodes],
  );
  return { showTarget, showNodes };
}
