import { slotPosition } from '../bands';
import { createDiagram } from '../factories';
import { layerOf } from '../layers';
import type { Diagram, DiagramEdge, DiagramNode, EdgeKind, NodeData } from '../schema';

export { createDiagram };
export type { Diagram };

type Kind = DiagramNode['kind'];
type NodeOfKind<K extends Kind> = Extract<DiagramNode, { kind: K }>;

/**
 * A template node in the first row of its layer's band. Templates use one row only: a second
 * row would spill past the band's bottom edge (BAND_HEIGHT leaves room for one node height).
 */
export function place<K extends Kind>(
  kind: K,
  id: string,
  title: string,
  column: number,
  data: NodeData<K>,
): NodeOfKind<K> {
  const position = slotPosition(layerOf(kind), column);
  return { id, kind, title, position, data } as NodeOfKind<K>;
}

/** A labeled edge with an id derived from its ends, so template ids stay stable. */
export function link(
  source: string,
  target: string,
  label: string,
  kind: EdgeKind = 'handoff',
): DiagramEdge {
  return { id: `e-${source}-${target}`, source, target, label, kind };
}

/** The calendar date `days` before `now`, written YYYY-MM-DD (UTC) as meta.lastReviewed wants. */
export function dateDaysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}
