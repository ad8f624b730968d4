import { useStore, type NodeProps, type ReactFlowState } from '@xyflow/react';
import { memo } from 'react';
import { useEditor } from '../store/react/editor-context';
import { NODE_HEIGHT, NODE_WIDTH } from '../model/bands';
import { DETAIL_ZOOM, isBigDiagram } from './big-diagram';
import { layerOf } from '../model/layers';
import { GtmNode } from './GtmNode';
import { isNodeHighlighted } from './highlight';
import { LAYER_PALETTE } from '../model/layer-palette';
import { NodeBadges } from './NodeBadges';
import { CardHandles } from './CardHandles';
import type { GtmFlowNode } from './to-flow';

/**
 * Level of detail (issue 7). Zoomed out on a big diagram, cards are drawn compact (stripe
 * colour, title, audit badge) and edges without their label chips: the overview picture draws
 * most cards (see big-diagram.ts), and the selected ones stay live cards in this compact form.
 */
export const selectDetailed = (s: Pick<ReactFlowState, 'transform' | 'nodes'>) =>
  s.transform[2] >= DETAIL_ZOOM || !isBigDiagram(s.nodes.length);

/** Whether to draw full detail; re-renders only when the answer flips, not on every zoom step. */
export function useDetailed(): boolean {
  return useStore(selectDetailed);
}

function CompactNodeView({ data, selected }: NodeProps<GtmFlowNode>) {
  const { node } = data;
  const theme = LAYER_PALETTE[layerOf(node.kind)];
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
        data-part="title"
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
