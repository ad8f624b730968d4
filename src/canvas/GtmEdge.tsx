import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { useEditor } from '../store/react/editor-context';
import { EdgeBadge } from './EdgeBadge';
import { EDGE_STROKE, edgePath } from './edge-path';
import { isEdgeHighlighted } from './highlight';
import { useDetailed } from './level-of-detail';
import type { GtmFlowEdge } from './to-flow';

function GtmEdgeView(props: EdgeProps<GtmFlowEdge>) {
  const { id, data, selected, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } =
    props;
  const edge = data?.edge;
  const kind = edge?.kind ?? 'handoff';
  const [path, labelX, labelY] = edgePath(kind, {
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const highlighted = useEditor((s) => isEdgeHighlighted(s, id));
  // Zoomed out on a big diagram the label chips are unreadable and cost the most to draw.
  const detailed = useDetailed();
  const style = {
    ...EDGE_STROKE[kind],
    // Dashes along hundreds of long paths cost more to draw than the rest of the canvas (drag
    // long tasks at 1,000 cards: 1.7 s → 0.3 s without); zoomed out, the colour still tells.
    ...(detailed ? {} : { strokeDasharray: undefined }),
    ...(highlighted ? { stroke: '#ca8a04', strokeWidth: 3 } : {}),
    ...(selected ? { stroke: '#2563eb' } : {}),
  };
  return (
    <>
      {/* On a big diagram the picture draws this line, so it costs no SVG of its own. */}
      {!data?.pictured && (
        <BaseEdge
          id={id}
          path={path}
          style={style}
          markerEnd={`url(#gtm-arrow-${selected ? 'selected' : kind})`}
          interactionWidth={16}
        />
      )}
      {detailed && (
        <EdgeLabelRenderer>
          <EdgeLabel
            edgeId={id}
            label={edge?.label ?? ''}
            x={labelX}
            y={labelY}
            selected={Boolean(selected)}
          />
        </EdgeLabelRenderer>
      )}
    </>
  );
}

function EdgeLabel({
  edgeId,
  label,
  x,
  y,
  selected,
}: {
  edgeId: string;
  label: string;
  x: number;
  y: number;
  selected: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const updateEdge = useEditor((s) => s.updateEdge);
  const select = useEditor((s) => s.select);
  const commit = (value: string) => {
    setEditing(false);
    if (value !== label) updateEdge(edgeId, { label: value });
  };
  return (
    <div
      className="nodrag nopan absolute"
      style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)`, pointerEvents: 'all' }}
    >
      <EdgeBadge edgeId={edgeId} />
      {editing ? (
        <input
          autoFocus
          aria-label="Edge label"
          defaultValue={label}
          className="w-48 rounded border border-blue-500 bg-white px-2 py-0.5 text-xs shadow outline-none"
          onBlur={(e) => commit(e.currentTarget.value)}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Enter') commit(e.currentTarget.value);
            if (e.key === 'Escape') setEditing(false);
          }}
        />
      ) : (
        <button
          type="button"
          className={`max-w-48 truncate rounded-full border px-2 py-0.5 text-[11px] shadow-sm ${
            label
              ? 'border-zinc-200 bg-white text-zinc-700'
              : 'border-dashed border-amber-400 bg-amber-50 text-amber-800'
          } ${selected ? 'ring-2 ring-blue-500' : ''}`}
          title={label ? `${label} (double-click to edit)` : 'Double-click to name this handoff'}
          aria-label={label ? `Edge label: ${label}` : 'Unlabeled handoff: add a label'}
          onClick={() => select({ nodes: [], edges: [edgeId] })}
          onDoubleClick={() => setEditing(true)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === 'F2') {
              e.preventDefault();
              setEditing(true);
            }
          }}
        >
          {label || 'Add label'}
        </button>
      )}
    </div>
  );
}

export const GtmEdge = memo(GtmEdgeView);

/** Arrowheads, one per edge style, defined once for the whole canvas. */
export function EdgeMarkers() {
  const markers = {
    handoff: '#52525b',
    dataflow: '#71717a',
    feedback: '#059669',
    selected: '#2563eb',
  };
  return (
    <svg style={{ position: 'absolute', width: 0, height: 0 }} aria-hidden="true">
      <defs>
        {Object.entries(markers).map(([name, color]) => (
          <marker
            key={name}
            id={`gtm-arrow-${name}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill={color} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
