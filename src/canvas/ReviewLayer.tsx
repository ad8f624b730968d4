import { ViewportPortal } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { NODE_HEIGHT, NODE_WIDTH } from '../model/bands';
import { openThreadCounts } from '../model/comments';
import { useEditor } from '../store/react/editor-context';
import { useComparison } from '../store/react/use-comparison';
import { COMPARE_COLORS } from '../ui-kit/compare-colors';

const RING = 6;
/**
 * Room kept free at a card's top-right corner for its audit badge: with a two-digit count the
 * badge is 42 px wide, 12 of them past the corner (NodeBadges.tsx).
 */
const BADGE_CLEARANCE = 32;

interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * Markers keep at least their 24 px on screen however far the view is zoomed out (a target
 * size WCAG 2.2 asks for): `--gtm-zoom` is the canvas's zoom (use-zoom-style.ts).
 */
const MARKER_SCALE = 'calc(1 / min(var(--gtm-zoom, 1), 1))';

/** Above every card, a selected one too (React Flow lifts it to 1000), so none hides a marker. */
const MARKER_Z = 1001;

const MARKER_CLASS =
  'nodrag nopan absolute flex h-6 min-w-6 items-center justify-center gap-1 rounded-full border border-indigo-300 bg-indigo-50 px-1.5 text-xs font-semibold text-indigo-900 shadow-sm hover:bg-indigo-100';

function CommentIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3 w-3" fill="currentColor">
      <path d="M2 3a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H7l-3 3v-3H3a1 1 0 0 1-1-1z" />
    </svg>
  );
}

/**
 * Drawn in flow coordinates under the cards: in a comparison, a ring round each card added
 * (green), changed (amber) or only moved (grey, dashed), and each removed card as a faded red
 * ghost where it was, and handoffs added, removed or changed as lines between the cards; always,
 * a marker above each card (and on each handoff) with open comment threads. The rings
 * sit behind the cards, so they never take a click meant for one.
 */
function ReviewLayerView() {
  const open = useComparison();
  const diagram = useEditor((s) => s.diagram);
  const select = useEditor((s) => s.select);
  const showSideTab = useEditor((s) => s.showSideTab);
  const counts = useMemo(() => openThreadCounts(diagram), [diagram]);
  const positions = useMemo(() => new Map(diagram.nodes.map((n) => [n.id, n.position])), [diagram]);

  const removedAt = useMemo(
    () => new Map(open?.result.diff.nodes.removed.map((n) => [n.id, n.position]) ?? []),
    [open],
  );
  const rings: { id: string; x: number; y: number; color: string; dashed: boolean }[] = [];
  if (open) {
    const { nodes } = open.result.diff;
    const ring = (id: string, color: string, dashed = false) => {
      const at = positions.get(id);
      if (at) rings.push({ id, x: at.x, y: at.y, color, dashed });
    };
    for (const n of nodes.added) ring(n.id, COMPARE_COLORS.added);
    for (const n of nodes.changed) ring(n.id, COMPARE_COLORS.changed);
    for (const n of nodes.moved) ring(n.id, COMPARE_COLORS.moved, true);
  }
  // Edges as straight lines between card centres: enough to see which handoffs came and went.
  const center = (id: string) => {
    const at = positions.get(id) ?? removedAt.get(id);
    return at ? { x: at.x + NODE_WIDTH / 2, y: at.y + NODE_HEIGHT / 2 } : null;
  };
  const lines: { key: string; a: Point; b: Point; color: string; dashed: boolean }[] = [];
  if (open) {
    const { edges } = open.result.diff;
    const line = (
      key: string,
      e: { source: string; target: string },
      color: string,
      dashed = false,
    ) => {
      const a = center(e.source);
      const b = center(e.target);
      if (a && b) lines.push({ key, a, b, color, dashed });
    };
    for (const e of edges.added) line(`a-${e.id}`, e, COMPARE_COLORS.added);
    for (const e of edges.removed) line(`r-${e.id}`, e, COMPARE_COLORS.removed, true);
    for (const e of edges.changed) line(`c-${e.id}`, e.edge, COMPARE_COLORS.changed);
  }
  const edgeMarkers: { id: string; at: Point; count: number; name: string }[] = [];
  for (const edge of diagram.edges) {
    const count = counts.get(edge.id);
    const a = center(edge.source);
    const b = center(edge.target);
    if (!count || !a || !b) continue;
    const title = (id: string) => diagram.nodes.find((n) => n.id === id)?.title || 'Untitled';
    edgeMarkers.push({
      id: edge.id,
      at: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
      count,
      name: `${title(edge.source)} → ${title(edge.target)}`,
    });
  }
  return (
    <ViewportPortal>
      {lines.length > 0 && (
        <svg
          aria-hidden="true"
          className="pointer-events-none absolute overflow-visible"
          style={{ width: 1, height: 1, zIndex: -1 }}
        >
          {lines.map((l) => (
            <line
              key={l.key}
              data-compare-edge={l.key}
              x1={l.a.x}
              y1={l.a.y}
              x2={l.b.x}
              y2={l.b.y}
              stroke={l.color}
              strokeWidth={4}
              strokeOpacity={0.55}
              strokeDasharray={l.dashed ? '10 8' : undefined}
            />
          ))}
        </svg>
      )}
      {edgeMarkers.map((m) => (
        <button
          key={`edge-comments-${m.id}`}
          type="button"
          className={MARKER_CLASS}
          style={{
            // `translate`, not `transform`: the scale must not scale the offset too.
            translate: `${m.at.x - 12}px ${m.at.y - 24}px`,
            scale: MARKER_SCALE,
            transformOrigin: 'bottom left',
            pointerEvents: 'all',
            zIndex: MARKER_Z,
          }}
          aria-label={`${m.count} open comment ${m.count === 1 ? 'thread' : 'threads'} on the handoff ${m.name}`}
          onClick={() => {
            select({ nodes: [], edges: [m.id] });
            showSideTab('Comments');
          }}
        >
          <CommentIcon />
          {m.count}
        </button>
      ))}
      {rings.map((r) => (
        <div
          key={r.id}
          data-compare-ring={r.color}
          className="pointer-events-none absolute rounded-xl"
          style={{
            transform: `translate(${r.x - RING}px, ${r.y - RING}px)`,
            width: NODE_WIDTH + 2 * RING,
            height: NODE_HEIGHT + 2 * RING,
            border: `3px ${r.dashed ? 'dashed' : 'solid'} ${r.color}`,
            zIndex: -1,
          }}
        />
      ))}
      {open?.result.diff.nodes.removed.map((n) => (
        <div
          key={`removed-${n.id}`}
          data-compare-removed={n.id}
          className="pointer-events-none absolute flex items-center justify-center rounded-lg p-2 text-center text-sm text-red-900"
          style={{
            transform: `translate(${n.position.x}px, ${n.position.y}px)`,
            width: NODE_WIDTH,
            height: NODE_HEIGHT,
            border: `2px dashed ${COMPARE_COLORS.removed}`,
            background: 'rgba(254, 226, 226, 0.55)',
            opacity: 0.75,
            zIndex: -1,
          }}
        >
          <span className="line-clamp-2 line-through">{n.title || 'Untitled'}</span>
        </div>
      ))}
      {[...counts].map(([id, count]) => {
        const at = positions.get(id);
        if (!at) return null;
        const title = diagram.nodes.find((n) => n.id === id)?.title || 'Untitled';
        return (
          <button
            key={`comments-${id}`}
            type="button"
            className={MARKER_CLASS}
            style={{
              // Its right edge ends left of the card's audit badge (which sits on the corner),
              // so neither covers the other and both stay whole 24 px targets (axe target-size).
              translate: `${at.x + NODE_WIDTH - BADGE_CLEARANCE}px ${at.y - 12}px`,
              transform: 'translateX(-100%)',
              scale: MARKER_SCALE,
              transformOrigin: 'bottom left',
              pointerEvents: 'all',
              zIndex: MARKER_Z,
            }}
            aria-label={`${count} open comment ${count === 1 ? 'thread' : 'threads'} on “${title}”`}
            onClick={() => {
              select({ nodes: [id], edges: [] });
              showSideTab('Comments');
            }}
          >
            <CommentIcon />
            {count}
          </button>
        );
      })}
    </ViewportPortal>
  );
}

export const ReviewLayer = memo(ReviewLayerView);
