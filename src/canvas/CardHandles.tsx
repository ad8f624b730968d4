import { Handle, Position } from '@xyflow/react';

// Ids match NODE_HANDLES in to-flow.ts, which declares their geometry to React Flow.
const SIDES = [
  { id: 't', position: Position.Top },
  { id: 'b', position: Position.Bottom },
  { id: 'l', position: Position.Left },
  { id: 'r', position: Position.Right },
] as const;

/** The four connection handles every card has, whichever way it is drawn. */
export function CardHandles() {
  return SIDES.map((side) => (
    <Handle
      key={side.id}
      id={side.id}
      type="source"
      position={side.position}
      className="gtm-handle"
    />
  ));
}
