import { ViewportPortal } from '@xyflow/react';
import { memo, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useEditor } from '../store/react/editor-context';
import { useAudit } from '../store/react/use-audit';
import type { DiagramNode } from '../model/schema';
import { badgeSummaryOf } from '../ui-kit/finding-text';
import type { ViewWindow } from './big-diagram';
import { edgeLayoutOf } from './edge-layout-cache';
import { bitmapFor, paintOverview, type DrawnEdge, type OverviewScene } from './overview-painter';

const NO_IDS: ReadonlySet<string> = new Set();
/** Work per task while a picture is drawn: the page stays responsive in between. */
const SLICE_MS = 12;

function sameItems<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i] as T, b[i] as T)) return false;
  return true;
}

/** Whether two scenes would draw the same picture (a drag of a live card changes neither). */
function sameScene(a: OverviewScene | null, b: OverviewScene): boolean {
  // A route keeps its object while nothing moved near it (src/drawing/edge-routes.ts).
  const sameEdge = (x: DrawnEdge, y: DrawnEdge) =>
    x[0] === y[0] &&
    x[1] === y[1] &&
    x[2] === y[2] &&
    (a?.routes === b.routes || a?.routes.get(x[0].id) === b.routes.get(y[0].id));
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
 * Draws scenes into a canvas of its own, a slice of at most SLICE_MS per task, and shows each
 * finished picture in the visible canvas, placed on its window. Until then the previous picture
 * stays (React Flow scales it with the view), so a redraw of thousands of edges never blocks a
 * frame; a newer scene abandons the drawing in progress.
 */
function createPictureDrawer(visible: HTMLCanvasElement) {
  const work = document.createElement('canvas');
  const ctx = work.getContext('2d');
  const channel = new MessageChannel();
  let job: {
    scene: OverviewScene;
    steps: Generator<void, { cards: number; edges: number }>;
  } | null = null;

  const show = (scene: OverviewScene, drawn: { cards: number; edges: number }) => {
    const { window } = scene;
    if (visible.width !== work.width) visible.width = work.width;
    if (visible.height !== work.height) visible.height = work.height;
    visible.style.transform = `translate(${window.x}px, ${window.y}px)`;
    visible.style.width = `${window.width}px`;
    visible.style.height = `${window.height}px`;
    const out = visible.getContext('2d');
    out?.clearRect(0, 0, visible.width, visible.height);
    out?.drawImage(work, 0, 0);
    visible.dataset.cards = String(drawn.cards);
    visible.dataset.edges = String(drawn.edges);
  };

  const slice = () => {
    if (!job || !ctx) return;
    const until = performance.now() + SLICE_MS;
    for (;;) {
      const step = job.steps.next();
      if (step.done) {
        show(job.scene, step.value);
        job = null;
        return;
      }
      if (performance.now() > until) break;
    }
    // Reading one pixel makes the canvas rasterise what was recorded, in this task.
    ctx.getImageData(0, 0, 1, 1);
    channel.port2.postMessage(null);
  };
  channel.port1.onmessage = slice;

  return {
    draw(scene: OverviewScene) {
      if (!ctx) return;
      const bitmap = bitmapFor(scene.window, globalThis.devicePixelRatio || 1);
      work.width = bitmap.width;
      work.height = bitmap.height;
      const idle = job === null;
      job = { scene, steps: paintOverview(ctx, scene, bitmap.scale) };
      if (idle) slice();
    },
    dispose() {
      job = null;
      channel.port1.onmessage = null;
    },
  };
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
  const drawer = useRef<ReturnType<typeof createPictureDrawer> | null>(null);
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
  const routes = useEditor((s) => edgeLayoutOf(s.diagram, s.derived.auditOf(s.diagram)).routes);
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
    const scene: OverviewScene = { window, cards, edges, routes, badges, highlight, detailed };
    if (!canvas || sameScene(last.current, scene)) return;
    last.current = scene;
    drawer.current ??= createPictureDrawer(canvas);
    drawer.current.draw(scene);
  });

  useEffect(
    () => () => {
      drawer.current?.dispose();
      drawer.current = null;
      last.current = null;
    },
    [],
  );

  return (
    <ViewportPortal>
      {/* Placed and sized by the drawer, when a picture is ready. */}
      <canvas
        ref={ref}
        className="gtm-overview pointer-events-none absolute"
        aria-hidden="true"
        style={{ zIndex: -1, width: 0, height: 0 }}
      />
    </ViewportPortal>
  );
});
