import { Position, getBezierPath, getSmoothStepPath, type NodeHandle } from '@xyflow/react';
import type { DiagramEdge, DiagramNode } from '../model/schema';
import { NODE_HANDLES, handlesFor } from './to-flow';

/** How each kind of edge is stroked on the canvas. */
export const EDGE_STROKE = {
  handoff: { stroke: '#52525b', strokeWidth: 2 },
  dataflow: { stroke: '#71717a', strokeWidth: 1.25 },
  feedback: { stroke: '#059669', strokeWidth: 2, strokeDasharray: '6 4' },
} as const;

export interface EdgeEnds {
  readonly sourceX: number;
  readonly sourceY: number;
  readonly targetX: number;
  readonly targetY: number;
  readonly sourcePosition: Position;
  readonly targetPosition: Position;
}

const SIDE: Readonly<Record<string, Position>> = {
  t: Position.Top,
  b: Position.Bottom,
  l: Position.Left,
  r: Position.Right,
};

/** Where React Flow anchors an edge on a handle: the middle of the handle's outer side. */
function anchor(node: DiagramNode, handleId: string): [number, number] {
  const handle = NODE_HANDLES.find((h) => h.id === handleId) ?? (NODE_HANDLES[0] as NodeHandle);
  const { x, y } = node.position;
  const width = handle.width ?? 0;
  const height = handle.height ?? 0;
  switch (handle.position) {
    case Position.Top:
      return [x + handle.x + width / 2, y + handle.y];
    case Position.Bottom:
      return [x + handle.x + width / 2, y + handle.y + height];
    case Position.Left:
      return [x + handle.x, y + handle.y + height / 2];
    default:
      return [x + handle.x + width, y + handle.y + height / 2];
  }
}

/** The ends of an edge as React Flow computes them from the cards' declared handles. */
export function edgeEnds(edge: DiagramEdge, source: DiagramNode, target: DiagramNode): EdgeEnds {
  const { sourceHandle, targetHandle } = handlesFor(edge, source, target);
  const [sourceX, sourceY] = anchor(source, sourceHandle);
  const [targetX, targetY] = anchor(target, targetHandle);
  return {
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition: SIDE[sourceHandle] ?? Position.Right,
    targetPosition: SIDE[targetHandle] ?? Position.Left,
  };
}

/**
 * An edge's SVG path and label point: feedback as a rounded step round the side, the rest as
 * a bezier. The canvas's React Flow edges and the drawn overview both use it, so they agree.
 */
export function edgePath(kind: DiagramEdge['kind'], ends: EdgeEnds): [string, number, number] {
  if (kind === 'feedback') {
    const [path, x, y] = getSmoothStepPath({ ...ends, offset: 40, borderRadius: 12 });
    return [path, x, y];
  }
  const [path, x, y] = getBezierPath(ends);
  return [path, x, y];
}
