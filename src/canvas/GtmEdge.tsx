import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo, useState, type CSSProperties } from 'react';
import { useEditor } from '../store/react/editor-context';
import type { EditorState } from '../store/editor-store';
import { EDGE_STYLE, HIGHLIGHT_EDGE_COLOR, SELECTED_EDGE_COLOR } from '../drawing/edge-style';
import { routePath } from '../drawing/route-path';
import type { PlacedLabel } from '../drawing/label-placement';
import { EdgeBadge } from './EdgeBadge';
import { ADD_LABEL, edgeLayoutOf } from './edge-layout-cache';
import { isEdgeHighlighted } from './highlight';
import { useDetailed } from './level-of-detail';
import { useEditorWithRemoteDrags } from '../store/react/use-remote-drags';
import type { RemoteDrags } from '../store/shared/remote-drags';
import { withRemoteEdges } from './remote-edge-layout';
import type { GtmFlowEdge } from './to-flow';

/**
 * The layout as shown: the document's (the audit, which no position changes, says which chips
 * show), with others' dragged cards' edges following them (remote-edge-layout.ts).
 */
const layoutOf = (s: EditorState, drags: RemoteDrags) =>
  withRemoteEdges(edgeLayoutOf(s.diagram, s.derived.auditOf(s.diagram)), s.diagram, drags);

function GtmEdgeView({ id, data, selected }: EdgeProps<GtmFlowEdge>) {
  const edge = data?.edge;
  const kind = edge?.kind ?? 'handoff';
  // Routes and chips come from one layout of the whole diagram (src/drawing), so that edges
  // avoid cards and chips avoid each other; an unchanged route keeps its object, and then
  // this edge does not re-render.
  // A line the big-diagram picture draws stays where the document has it, so it need not
  // listen to others' drags; live lines (all of them below 600 cards) follow.
  const follow = !data?.pictured;
  const route = useEditorWithRemoteDrags((s, drags) => layoutOf(s, drags).routes.get(id), follow);
  const placed = useEditorWithRemoteDrags((s, drags) => layoutOf(s, drags).labels.get(id), follow);
  const highlighted = useEditor((s) => isEdgeHighlighted(s, id));
  // Zoomed out on a big diagram the label chips are unreadable and cost the most to draw.
  const detailed = useDetailed();
  if (!route) return null;
  const look = EDGE_STYLE[kind];
  const style: CSSProperties = {
    stroke: selected ? SELECTED_EDGE_COLOR : highlighted ? HIGHLIGHT_EDGE_COLOR : look.color,
    strokeWidth: highlighted ? 3 : look.width,
    // Dashes along hundreds of long paths cost more to draw than the rest of the canvas (drag
    // long tasks at 1,000 cards: 1.7 s → 0.3 s without); zoomed out, the colour still tells.
    ...(detailed && look.dash ? { strokeDasharray: look.dash } : {}),
  };
  const label = edge?.label?.trim() ?? '';
  // A selected unlabelled edge offers a chip to name it even where no rule asks for one.
  const chip = placed ?? (selected && !label ? midChip(route.points) : null);
  return (
    <>
      {/* On a big diagram the picture draws this line, so it costs no SVG of its own. */}
      {!data?.pictured && (
        <BaseEdge
          id={id}
          path={routePath(route.points)}
          style={style}
          markerEnd={`url(#${selected ? 'gtm-arrow-selected' : look.marker})`}
          interactionWidth={16}
        />
      )}
      {detailed && chip && (
        <EdgeLabelRenderer>
          <EdgeLabel
            edgeId={id}
            label={label}
            chip={chip}
            asked={!label && Boolean(placed)}
            selected={Boolean(selected)}
          />
        </EdgeLabelRenderer>
      )}
    </>
  );
}

function midChip(points: readonly (readonly [number, number])[]): PlacedLabel {
  const a = points[Math.floor((points.length - 1) / 2)] ?? [0, 0];
  const b = points[Math.floor((points.length - 1) / 2) + 1] ?? a;
  return {
    x: (a[0] + b[0]) / 2,
    y: (a[1] + b[1]) / 2,
    width: 80,
    height: 20,
    shortened: false,
    clear: false,
  };
}

function EdgeLabel({
  edgeId,
  label,
  chip,
  asked,
  selected,
}: {
  edgeId: string;
  label: string;
  chip: PlacedLabel;
  /** No label yet, and a rule asks for one. */
  asked: boolean;
  selected: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const updateEdge = useEditor((s) => s.updateEdge);
  const select = useEditor((s) => s.select);
  const commit = (value: string) => {
    setEditing(false);
    if (value !== label) updateEdge(edgeId, { label: value });
  };
  const tone = label
    ? 'border-zinc-200 bg-white text-zinc-700'
    : asked
      ? 'border-dashed border-amber-400 bg-amber-50 text-amber-800'
      : 'border-dashed border-zinc-300 bg-white text-zinc-500';
  return (
    <div
      className="gtm-edge-label nodrag nopan absolute"
      data-edge-id={edgeId}
      style={{
        transform: `translate(-50%, -50%) translate(${chip.x}px, ${chip.y}px)`,
        pointerEvents: 'all',
        // Above every card, a selected (raised, z 1000) one too: a chip is never hidden.
        zIndex: 2000,
      }}
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
          // The width the layout gave this chip: text that does not fit ends in an ellipsis,
          // and the tooltip and accessible name keep all of it.
          style={{ maxWidth: chip.width }}
          className={`block truncate rounded-full border px-2 py-0.5 text-[11px] leading-[14px] shadow-sm ${tone} ${
            selected ? 'ring-2 ring-blue-500' : ''
          }`}
          title={label ? `${label} (double-click to edit)` : 'Double-click to name this handoff'}
          aria-label={label ? `Edge label: ${label}` : 'Unlabeled handoff: add a label'}
          onClick={() => select({ nodes: [], edges: [edgeId] })}
          onDoubleClick={(e) => {
            e.stopPropagation();
            setEditing(true);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === 'F2') {
              e.preventDefault();
              setEditing(true);
            }
          }}
        >
          {label || ADD_LABEL}
        </button>
      )}
    </div>
  );
}

export const GtmEdge = memo(GtmEdgeView);

/** Arrowheads, one per edge style, defined once for the whole canvas. */
export function EdgeMarkers() {
  const markers = [
    ...Object.values(EDGE_STYLE).map((style) => [style.marker, style.color] as const),
    ['gtm-arrow-selected', SELECTED_EDGE_COLOR] as const,
  ];
  return (
    <svg style={{ position: 'absolute', width: 0, height: 0 }} aria-hidden="true">
      <defs>
        {markers.map(([id, color]) => (
          <marker
            key={id}
            id={id}
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
