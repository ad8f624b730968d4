import {
  Background,
  BackgroundVariant,
  ControlButton,
  ConnectionMode,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
  useReactFlow,
} from '@xyflow/react';
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import { useEditor, useEditorApi } from '../store/react/editor-context';
import { useImportFile } from '../store/react/use-transfer';
import { hasEdgeBetween } from '../model/graph';
import { NODE_KINDS, layerOf, type NodeKind } from '../model/layers';
import { EDGE_SIDES, type EdgeKind, type EdgeSide } from '../model/schema';
import { GRID, NODE_HEIGHT, NODE_WIDTH } from '../model/bands';
import { PALETTE_DRAG_TYPE } from '../ui-kit/drag-types';
import { Bands } from './Bands';
import { isBigDiagram, isPictured, liveEdgeIds, pictureEdges } from './big-diagram';
import { OverviewLayer } from './OverviewLayer';
import { ReviewLayer } from './ReviewLayer';
import { MiniMapCard } from './MiniMapCard';
import { OverviewMiniMap } from './OverviewMiniMap';
import { useOverviewPointer } from './use-overview-pointer';
import { useRestOfDiagram } from './use-rest-of-diagram';
import { useViewWindow } from './use-view-window';
import { ConnectKindPicker } from './ConnectKindPicker';
import { EdgeMarkers, GtmEdge } from './GtmEdge';
import { LAYER_PALETTE } from '../model/layer-palette';
import { GtmNodeAtZoom, useDetailed } from './level-of-detail';
import { FIT_VIEW_OPTIONS } from '../ui-kit/fit-view';
import { useZoomStyle } from './use-zoom-style';
import { useFitOnOpen } from './use-fit-on-open';
import {
  toFlowEdges,
  toFlowNodes,
  toRemoteDragged,
  type GtmFlowEdge,
  type GtmFlowNode,
} from './to-flow';
import { PresenceLayer } from './PresenceLayer';
import { useRoom } from '../store/react/use-room';
import { useRemoteDragMarks } from '../store/react/use-remote-drags';

// Module scope: React Flow re-mounts every node when these objects change identity.
const nodeTypes = { gtm: GtmNodeAtZoom };
const edgeTypes = { gtm: GtmEdge };
const SNAP: [number, number] = [GRID, GRID];
// Module scope too: an inline object, array or function is new on every render, and React Flow
// then pushes it into its store (re-running every node's and edge's selector) or re-renders
// every MiniMap node, on every drag step (issue 7: −37 % script time per drag at 1,000 cards).
const MULTI_SELECTION_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
const CONNECTION_RADIUS = 72;
const isSide = (handle: string | null | undefined): handle is EdgeSide =>
  (EDGE_SIDES as readonly (string | null | undefined)[]).includes(handle);
const miniMapColor = (node: GtmFlowNode) => LAYER_PALETTE[layerOf(node.data.node.kind)].accent;

/** The diagram; `minimap` says whether the minimap shows (the user can hide it, remembered). */
export function Canvas({
  minimap,
  onToggleMinimap,
}: {
  minimap: boolean;
  onToggleMinimap(): void;
}) {
  const { store } = useEditorApi();
  const diagram = useEditor((s) => s.diagram);
  const selection = useEditor((s) => s.selection);
  const viewOnly = useRoom((s) => s.room?.role === 'view');

  const big = isBigDiagram(diagram.nodes.length);
  const detailed = useDetailed();
  const overview = big && !detailed;
  // The picture covers the screen and a quarter screen around it; at readable zoom the labels
  // of the edges in it are live.
  const window = useViewWindow(big, 0.25);
  const labelWindow = overview ? null : window;

  const nodeById = useMemo(() => new Map(diagram.nodes.map((n) => [n.id, n])), [diagram.nodes]);
  const storedNodes = useMemo(
    () => toFlowNodes(diagram.nodes, new Set(selection.nodes), overview),
    [diagram.nodes, selection.nodes, overview],
  );
  // Cards others drag are marked as theirs when a drag starts and ends; GtmNode moves the card
  // itself, so nothing here changes as it moves (nor the document, nor the audit). In the
  // overview the picture draws the cards, so the presence layer outlines a remote drag instead.
  const remoteMarks = useRemoteDragMarks();
  const nodes = useMemo(
    () =>
      overview || remoteMarks.size === 0
        ? storedNodes
        : storedNodes.map((flow) => {
            const mark = remoteMarks.get(flow.id);
            return mark ? toRemoteDragged(flow, mark) : flow;
          }),
    [storedNodes, remoteMarks, overview],
  );
  // Which edges React Flow draws live, and which the big-diagram picture draws (big-diagram.ts).
  // Both only depend on the cards that are not selected, which a drag does not move. Cards
  // others drag count as selected here, so their edges are live and follow them (GtmEdge); the
  // picture is redrawn when such a drag starts and ends, not as the card moves.
  const liveSelection = useMemo(
    () =>
      big && !overview && remoteMarks.size > 0
        ? { nodes: [...selection.nodes, ...remoteMarks.keys()], edges: selection.edges }
        : selection,
    [big, overview, remoteMarks, selection],
  );
  const restById = useRestOfDiagram(diagram.nodes, liveSelection.nodes, big);
  const live = useMemo(
    () => (big ? liveEdgeIds(diagram.edges, restById, liveSelection, labelWindow) : null),
    [big, diagram.edges, restById, liveSelection, labelWindow],
  );
  const edges = useMemo(() => {
    const selectedEdges = new Set(selection.edges);
    const selectedNodes = new Set(liveSelection.nodes);
    return toFlowEdges(
      diagram,
      selectedEdges,
      nodeById,
      live ? (edge) => live.has(edge.id) : undefined,
      big ? (edge) => isPictured(edge, selectedNodes, selectedEdges) : undefined,
    );
  }, [diagram, selection, liveSelection, nodeById, live, big]);
  const drawnEdges = useMemo(
    () => (big ? pictureEdges(diagram.edges, restById, liveSelection) : []),
    [big, diagram.edges, restById, liveSelection],
  );
  const drawnCards = useMemo(() => {
    if (!overview) return [];
    const selected = new Set(selection.nodes);
    return diagram.nodes.filter((node) => !selected.has(node.id));
  }, [overview, diagram.nodes, selection.nodes]);
  const pointer = useOverviewPointer(overview, drawnEdges);
  const canvasRef = useRef<HTMLDivElement>(null);
  useZoomStyle(canvasRef);
  useFitOnOpen();

  const onNodesChange = useCallback(
    (changes: NodeChange<GtmFlowNode>[]) => {
      const positions = new Map<string, { x: number; y: number }>();
      let selected: Set<string> | null = null;
      for (const change of changes) {
        if (change.type === 'position' && change.position)
          positions.set(change.id, change.position);
        if (change.type === 'select') {
          selected ??= new Set(store.getState().selection.nodes);
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        }
      }
      if (positions.size > 0) store.getState().moveNodes(positions);
      if (selected)
        store.getState().select({ ...store.getState().selection, nodes: [...selected] });
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<GtmFlowEdge>[]) => {
      let selected: Set<string> | null = null;
      for (const change of changes) {
        if (change.type === 'select') {
          selected ??= new Set(store.getState().selection.edges);
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        }
      }
      if (selected)
        store.getState().select({ ...store.getState().selection, edges: [...selected] });
    },
    [store],
  );

  // The kind new edges get; Alt held while dropping the connector makes a feedback edge.
  const [connectKind, setConnectKind] = useState<EdgeKind>('handoff');
  const altOnDrop = useRef(false);
  const onConnect = useCallback(
    (connection: Connection) => {
      const kind = altOnDrop.current ? 'feedback' : connectKind;
      // The handles the connector left and was dropped on (React Flow snaps a drop on the
      // body to the nearest one) are kept on the edge.
      const sides = {
        ...(isSide(connection.sourceHandle) ? { sourceSide: connection.sourceHandle } : {}),
        ...(isSide(connection.targetHandle) ? { targetSide: connection.targetHandle } : {}),
      };
      const result = store
        .getState()
        .connect(
          connection.source,
          connection.target,
          kind === 'handoff' ? sides : { ...sides, kind },
        );
      if (!result.ok) store.getState().setNotice({ kind: 'info', text: result.reason });
    },
    [store, connectKind],
  );

  const isValidConnection = useCallback(
    (connection: Connection | GtmFlowEdge) =>
      connection.source !== connection.target &&
      !hasEdgeBetween(store.getState().diagram, connection.source, connection.target),
    [store],
  );

  const onDragStart = useCallback(() => store.getState().beginTransaction(), [store]);
  const onDragStop = useCallback(() => store.getState().endTransaction(), [store]);

  const flow = useReactFlow();
  const importFile = useImportFile();
  const onDragOver = useCallback((event: DragEvent) => {
    const { types } = event.dataTransfer;
    if (types.includes(PALETTE_DRAG_TYPE) || types.includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      // A dropped .json or exported .png opens as a new diagram (issue 5).
      const file = event.dataTransfer.files[0];
      if (file) {
        event.preventDefault();
        // A dropped .csv is a CRM deals export (issue 15): read beside the diagram, not opened.
        if (/\.csv$/i.test(file.name) || file.type === 'text/csv') {
          void store.getState().importDeals(file, file.name);
        } else void importFile(file);
        return;
      }
      const kind = event.dataTransfer.getData(PALETTE_DRAG_TYPE) as NodeKind;
      if (!NODE_KINDS.includes(kind)) return;
      event.preventDefault();
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // Dropped where the pointer is (card centred on it); addNode keeps it inside its band.
      store.getState().addNode(kind, { x: point.x - NODE_WIDTH / 2, y: point.y - NODE_HEIGHT / 2 });
    },
    [flow, store, importFile],
  );

  return (
    <div
      ref={canvasRef}
      className="relative h-full w-full"
      aria-label="Diagram canvas"
      role="region"
      onDragOver={onDragOver}
      onDrop={onDrop}
      onPointerDownCapture={pointer.onPointerDownCapture}
      // Before React Flow's own pointer-up handler ends the connection and calls onConnect.
      onPointerUpCapture={(event) => (altOnDrop.current = event.altKey)}
    >
      <EdgeMarkers />
      <ReactFlow<GtmFlowNode, GtmFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onNodeDragStart={onDragStart}
        onNodeDragStop={onDragStop}
        onSelectionDragStart={onDragStart}
        onSelectionDragStop={onDragStop}
        onSelectionStart={pointer.onSelectionStart}
        onSelectionEnd={pointer.onSelectionEnd}
        onPaneClick={pointer.onPaneClick}
        connectionMode={ConnectionMode.Loose}
        // A connector dropped anywhere on a card's body snaps to its nearest handle: no point
        // of a 220 × 112 card is further than 70 px from the middle of its nearest side.
        connectionRadius={CONNECTION_RADIUS}
        // Double-click edits a label or a card; it never zooms.
        zoomOnDoubleClick={false}
        snapToGrid
        snapGrid={SNAP}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.1}
        maxZoom={2}
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECTION_KEYS}
        selectionKeyCode="Shift"
        panActivationKeyCode="Space"
        onlyRenderVisibleElements={big}
        // A view link: nothing to drag or connect (the server refuses writes anyway).
        nodesDraggable={!viewOnly}
        nodesConnectable={!viewOnly}
        proOptions={PRO_OPTIONS}
      >
        <Bands />
        <ReviewLayer />
        <PresenceLayer />
        {window && (
          <OverviewLayer
            window={window}
            cards={drawnCards}
            edges={drawnEdges}
            detailed={!overview}
          />
        )}
        <Background variant={BackgroundVariant.Dots} gap={GRID} size={1} color="#e4e4e7" />
        {minimap &&
          (big ? (
            <OverviewMiniMap />
          ) : (
            <MiniMap
              pannable
              zoomable
              ariaLabel="Minimap"
              nodeColor={miniMapColor}
              nodeComponent={MiniMapCard}
            />
          ))}
        {overview && (
          <Panel position="top-center">
            <p
              role="status"
              className="rounded-full border border-zinc-200 bg-white/90 px-3 py-1 text-xs text-zinc-700 shadow-sm"
            >
              Overview of {diagram.nodes.length.toLocaleString('en-US')} cards: click a card to
              select it, zoom in to edit.
            </p>
          </Panel>
        )}
        <Panel position="top-right">
          <ConnectKindPicker value={connectKind} onChange={setConnectKind} />
        </Panel>
        <Controls aria-label="Zoom controls" fitViewOptions={FIT_VIEW_OPTIONS}>
          <ControlButton
            onClick={onToggleMinimap}
            aria-label="Show minimap"
            aria-pressed={minimap}
            title={minimap ? 'Hide the minimap' : 'Show the minimap'}
          >
            <span aria-hidden="true">▦</span>
          </ControlButton>
        </Controls>
      </ReactFlow>
    </div>
  );
}
