import { useStore, type NodeProps, type ReactFlowState } from '@xyflow/react';
import { memo } from 'react';
import { useEditor } from '../app/editor-context';
import { NODE_HEIGHT, NODE_WIDTH } from '../model/bands';
import { layerOf } from '../model/layers';
import { GtmNode } from './GtmNode';
import { isNodeHighlighted } from './highlight';
import { LAYER_THEME } from './layer-theme';
import { NodeBadges } from './NodeBadges';
import { CardHandles } from './CardHandles';
import type { GtmFlowNode } from './to-flow';

/**
 * Level of detail (issue 7). Below this zoom a card's 12–14 px text is under 7 px on screen, so
 * large diagrams draw a compact card (stripe colour, title, audit badge) and edges without
 * their label chips: at 1,000 cards fitted to the view that is 10× fewer DOM elements to
 * paint and re-render on every drag or pan frame (see the Performance section of the README).
 */
export const DETAIL_ZOOM = 0.5;
/** Diagrams up to this size keep full detail at every zoom (the canvas culls above it too). */
export const ALWAYS_DETAILED_UP_TO = 600;

export const selectDetailed = (s: Pick<ReactFlowState, 'transform' | 'nodes'>) =>
  s.transform[2] >= DETAIL_ZOOM || s.nodes.length <= ALWAYS_DETAILED_UP_TO;

/** Whether to draw full detail; re-renders only when the answer flips, not on every zoom step. */
export function useDetailed(): boolean {
  return useStore(selectDetailed);
}

function CompactNodeView({ data, selected }: NodeProps<GtmFlowNode>) {
  const { node } = data;
  const theme = LAYER_THEME[layerOf(node.kind)];
  const highlighted = useEditor((s) => isNodeHighlighted(s, node.id));
  return (
    <div
      className="gtm-node relative rounded-lg border-4"
      style={{
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        background: theme.soft,
        borderColor: highlighted && !selected ? '#facc15' : theme.accent,
        outline: selected ? `6px solid ${theme.accent}` : undefined,
      }}
      data-kind={node.kind}
      data-highlighted={highlighted ? 'true' : undefined}
      data-detail="compact"
    >
      <NodeBadges nodeId={node.id} />
      <div
        className="line-clamp-2 px-3 pt-2 text-2xl leading-tight font-semibold"
        style={{ color: theme.text }}
      >
        {node.title || 'Untitled'}
      </div>
      {/* The same handles as the full card, so React Flow keeps the same handle bounds in both. */}
      <CardHandles />
    </div>
  );
}

const CompactNode = memo(CompactNodeView);

/** The canvas's node type: the full card, or the compact one when zoomed out on a big diagram. */
export const GtmNodeAtZoom = memo(function GtmNodeAtZoom(props: NodeProps<GtmFlowNode>) {
  return useDetailed() ? <GtmNode {...props} /> : <CompactNode {...props} />;
});
