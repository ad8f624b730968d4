import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useEdgesState,
  useNodesState,
  type Edge,
  type Node,
  type Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { StrictMode, type ChangeEvent } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * The reference page for `npm run bench`: React Flow 12 with default nodes and edges, its own
 * `useNodesState` (no store, no audit, no forecast), Background, Controls and MiniMap. The pane
 * has the app's canvas size at 1280 px (its top bar, palette and side panel are blank strips here),
 * so the same viewport shows the same cards. A diagram file is loaded through a file input,
 * like the app's Import. `?x=&y=&zoom=` sets the viewport; `?cull` turns on
 * onlyRenderVisibleElements.
 */
interface FileNode {
  id: string;
  title: string;
  position: { x: number; y: number };
}
interface FileEdge {
  id: string;
  source: string;
  target: string;
  label?: string;
}

const params = new URLSearchParams(location.search);
const viewport: Viewport = {
  x: Number(params.get('x') ?? 0),
  y: Number(params.get('y') ?? 0),
  zoom: Number(params.get('zoom') ?? 1),
};
const cull = params.has('cull');

function Bare() {
  const [nodes, setNodes, onNodesChange] = useNodesState<Node>([]);
  const [edges, setEdges, onEdgesChange] = useEdgesState<Edge>([]);

  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    const diagram = JSON.parse(await file.text()) as { nodes: FileNode[]; edges: FileEdge[] };
    setNodes(
      diagram.nodes.map((n) => ({ id: n.id, position: n.position, data: { label: n.title } })),
    );
    setEdges(
      diagram.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        ...(e.label ? { label: e.label } : {}),
      })),
    );
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
      <header style={{ height: 48, flexShrink: 0 }}>
        <input type="file" aria-label="Import" onChange={(e) => void load(e)} />
      </header>
      <main style={{ display: 'flex', flex: 1, minHeight: 0 }}>
        <div style={{ width: 192, flexShrink: 0 }} />
        <div style={{ flex: 1, minWidth: 0 }}>
          <ReactFlow
            nodes={nodes}
            edges={edges}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            defaultViewport={viewport}
            minZoom={0.1}
            maxZoom={2}
            onlyRenderVisibleElements={cull}
            proOptions={{ hideAttribution: true }}
          >
            <Background />
            <MiniMap />
            <Controls />
          </ReactFlow>
        </div>
        <div style={{ width: 384, flexShrink: 0 }} />
      </main>
    </div>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Bare />
  </StrictMode>,
);
