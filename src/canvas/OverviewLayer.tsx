import { ViewportPortal } from '@xyflow/react';
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { useEditor } from '../app/editor-context';
import { useAudit } from '../app/use-audit';
import type { DiagramNode } from '../model/schema';
import { badgeSummaryOf } from '../ui/problems/finding-text';
import type { ViewWindow } from './big-diagram';
import { bitmapFor, paintOverview, type DrawnEdge, type OverviewScene } from './overview-painter';

const NO_IDS: ReadonlySet<string> = new Set();

function sameItems<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i] as T, b[i] as T)) return false;
  return true;
}

const sameEdge = (a: DrawnEdge, b: DrawnEdge) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/** Whether two scenes would draw the same picture (a drag of a live card changes neither). */
function sameScene(a: OverviewScene | null, b: OverviewScene): boolean {
  return (
    a !== null &&
    a.window === b.window &&
    a.badges === b.badges &&
    a.highlight === b.highlight &&
    a.detailed === b.detailed &&
    sameItems<DiagramNode>(a.cards, b.cards, Object.is) &&
    sameItems(a.edges, b.edges, sameEdge)
  );
}

/**
 * The big-diagram picture (see big-diagram.ts): one canvas inside React Flow's viewport, under
 * its edges and cards, covering the view window. Panning within the window moves it with the
 * viewport and redraws nothing.
 */
export const OverviewLayer = memo(function OverviewLayer({
  window,
  cards,
  edges,
  detailed,
}: {
  window: ViewWindow;
  cards: readonly DiagramNode[];
  edges: readonly DrawnEdge[];
  detailed: boolean;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const last = useRef<OverviewScene | null>(null);
  const audit = useAudit();
  const badges = useMemo(() => {
    const out = new Map<string, { worst: 'error' | 'warning' | 'info'; count: number }>();
    for (const [id, findings] of audit.byNode) {
      const summary = badgeSummaryOf(findings);
      if (summary) out.set(id, summary);
    }
    return out;
  }, [audit]);
  const trace = useEditor((s) => s.highlight);
  const highlight = useMemo(
    () => ({
      nodes: trace ? new Set(trace.nodes) : NO_IDS,
      edges: trace ? new Set(trace.edges) : NO_IDS,
    }),
    [trace],
  );

  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const scene: OverviewScene = { window, cards, edges, badges, highlight, detailed };
    if (sameScene(last.current, scene)) return;
    last.current = scene;
    const bitmap = bitmapFor(window, globalThis.devicePixelRatio || 1);
    if (canvas.width !== bitmap.width) canvas.width = bitmap.width;
    if (canvas.height !== bitmap.height) canvas.height = bitmap.height;
    const drawn = paintOverview(ctx, scene, bitmap.scale);
    canvas.dataset.cards = String(drawn.cards);
    canvas.dataset.edges = String(drawn.edges);
  });

  return (
    <ViewportPortal>
      <canvas
        ref={ref}
        className="gtm-overview pointer-events-none absolute"
        aria-hidden="true"
        style={{
          transform: `translate(${window.x}px, ${window.y}px)`,
          width: window.width,
          height: window.height,
          zIndex: -1,
        }}
      />
    </ViewportPortal>
  );
});
