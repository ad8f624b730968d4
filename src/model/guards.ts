import type { NodeKind } from './layers';
import type { DiagramNode } from './schema';

/** A node of one kind, narrowed: its `data` has that kind's fields. */
export type NodeOf<K extends NodeKind> = Extract<DiagramNode, { kind: K }>;

export function isNodeOf<K extends NodeKind>(node: DiagramNode, kind: K): node is NodeOf<K> {
  return node.kind === kind;
}
