import { Panel, useReactFlow, useStoreApi } from '@xyflow/react';
import { memo, useEffect, useRef, type PointerEvent as ReactPointerEvent } from 'react';
import { useEditor } from '../store/react/editor-context';
import { NODE_HEIGHT, NODE_WIDTH } from '../model/bands';
import { LAYER_PALETTE } from '../model/layer-palette';
import { layerOf } from '../model/layers';
import type { DiagramNode } from '../model/schema';

const WIDTH = 200;
const HEIGHT = 150;
const PAD = 400;
const REDRAW_MS = 150;

interface Frame {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

/** Diagram coordinates → minimap pixels: the whole diagram, centred and scaled to fit. */
function frameOf(nodes: readonly DiagramNode[]): Frame {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const { position } of nodes) {
    x0 = Math.min(x0, position.x);
    y0 = Math.min(y0, position.y);
    x1 = Math.max(x1, position.x + NODE_WIDTH);
    y1 = Math.max(y1, position.y + NODE_HEIGHT);
  }
  if (!Number.isFinite(x0)) return { x: 0, y: 0, scale: 1 };
  const width = x1 - x0 + 2 * PAD;
  const height = y1 - y0 + 2 * PAD;
  const scale = Math.min(WIDTH / width, HEIGHT / height);
  return {
    x: x0 - PAD - (WIDTH / scale - width) / 2,
    y: y0 - PAD - (HEIGHT / scale - height) / 2,
    scale,
  };
}

/**
 * The minimap of a big diagram: React Flow's own gives each card a component and a store
 * selector, which on 5,000 cards costs a frame on every pan step. This one draws the cards
 * once per change into a canvas and moves only the view box while panning. Click or drag in it
 * to move the view there; scroll in it to zoom.
 */
export const OverviewMiniMap = memo(function OverviewMiniMap() {
  const nodes = useEditor((s) => s.diagram.nodes);
  const flowStore = useStoreApi();
  const flow = useReactFlow();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const frame = useRef<Frame>({ x: 0, y: 0, scale: 1 });

  const drawnAt = useRef(0);

  useEffect(() => {
    // A drag changes the nodes on every step; a few drawings a second are plenty here.
    const wait = Math.max(0, drawnAt.current + REDRAW_MS - performance.now());
    const handle = setTimeout(() => {
      drawnAt.current = performance.now();
      const ctx = canvasRef.current?.getContext('2d');
      if (!ctx) return;
      const f = frameOf(nodes);
      frame.current = f;
      ctx.clearRect(0, 0, WIDTH, HEIGHT);
      const w = Math.max(1, NODE_WIDTH * f.scale);
      const h = Math.max(1, NODE_HEIGHT * f.scale);
      for (const node of nodes) {
        ctx.fillStyle = LAYER_PALETTE[layerOf(node.kind)].accent;
        ctx.fillRect((node.position.x - f.x) * f.scale, (node.position.y - f.y) * f.scale, w, h);
      }
      placeBox();
    }, wait);
    const placeBox = () => {
      const box = boxRef.current;
      const { transform, width, height } = flowStore.getState();
      if (!box || !width) return;
      const [tx, ty, zoom] = transform;
      const f = frame.current;
      box.style.transform = `translate(${(-tx / zoom - f.x) * f.scale}px, ${(-ty / zoom - f.y) * f.scale}px)`;
      box.style.width = `${(width / zoom) * f.scale}px`;
      box.style.height = `${(height / zoom) * f.scale}px`;
    };
    const unsubscribe = flowStore.subscribe(placeBox);
    return () => {
      clearTimeout(handle);
      unsubscribe();
    };
  }, [nodes, flowStore]);

  const centreAt = (event: ReactPointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const f = frame.current;
    const x = f.x + (event.clientX - rect.left) / f.scale;
    const y = f.y + (event.clientY - rect.top) / f.scale;
    void flow.setCenter(x, y, { zoom: flowStore.getState().transform[2] });
  };

  return (
    <Panel position="bottom-right">
      <div
        role="img"
        aria-label="Minimap"
        className="relative cursor-pointer overflow-hidden rounded border border-zinc-200 bg-white shadow-sm"
        style={{ width: WIDTH, height: HEIGHT }}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          centreAt(event);
        }}
        onPointerMove={(event) => {
          if (event.buttons === 1) centreAt(event);
        }}
        onWheel={(event) => {
          const zoom = flowStore.getState().transform[2];
          void flow.zoomTo(zoom * (event.deltaY < 0 ? 1.2 : 1 / 1.2));
        }}
      >
        <canvas ref={canvasRef} width={WIDTH} height={HEIGHT} className="absolute inset-0" />
        <div
          ref={boxRef}
          className="pointer-events-none absolute top-0 left-0 border-2 border-blue-600 bg-blue-600/10"
        />
      </div>
    </Panel>
  );
});
