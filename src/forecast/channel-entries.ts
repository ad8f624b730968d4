import type { GraphIndex } from '../model/graph';
import type { NodeKind } from '../model/layers';

/**
 * Nodes a lead passes through on its way from a channel to the first stage: the RevOps layer
 * (enrichment, scoring, CRM…) and the motion. ICP and positioning sit upstream of channels, so
 * an edge into them never carries leads.
 */
const PASS_THROUGH: ReadonlySet<NodeKind> = new Set<NodeKind>([
  'motion',
  'crm',
  'enrichment',
  'scoring',
  'sequencing',
  'reporting',
  'tool',
]);

/**
 * The first stages a channel reaches, directly or through pass-through nodes, in the order met.
 * Breadth-first with each node visited once, so the cost is the channel's reachable region.
 */
export function entryStages(graph: GraphIndex, channelId: string): string[] {
  const entries: string[] = [];
  const seen = new Set<string>([channelId]);
  const queue = [channelId];
  for (let head = 0; head < queue.length; head++) {
    for (const edge of graph.outgoing.get(queue[head] as string) ?? []) {
      if (edge.kind === 'feedback' || seen.has(edge.target)) continue;
      const target = graph.nodeById.get(edge.target);
      if (!target) continue;
      seen.add(target.id);
      if (target.kind === 'stage') entries.push(target.id);
      else if (PASS_THROUGH.has(target.kind)) queue.push(target.id);
    }
  }
  return entries;
}
