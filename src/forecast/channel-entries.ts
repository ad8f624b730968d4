import type { GraphIndex } from '../model/graph';
import type { NodeKind } from '../model/layers';
import { appendAll } from '../model/arrays';

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
 * Finds the first stages a channel reaches, directly or through pass-through nodes. What lies
 * beyond a pass-through node is walked once and shared, since channels usually meet the same
 * enrichment step: the cost is the pass-through region once plus each channel's own edges.
 */
export function createEntryFinder(graph: GraphIndex): (channelId: string) => string[] {
  const beyond = new Map<string, readonly string[]>();
  const stagesBeyond = (start: string): readonly string[] => {
    let found = beyond.get(start);
    if (!found) {
      found = walk(graph, start);
      beyond.set(start, found);
    }
    return found;
  };
  return (channelId) => {
    const entries: string[] = [];
    for (const edge of graph.outgoing.get(channelId) ?? []) {
      if (edge.kind === 'feedback') continue;
      const target = graph.nodeById.get(edge.target);
      if (target?.kind === 'stage') entries.push(target.id);
      else if (target && PASS_THROUGH.has(target.kind)) appendAll(entries, stagesBeyond(target.id));
    }
    // Two routes to the same stage still bring each lead in once.
    return entries.length > 1 ? [...new Set(entries)] : entries;
  };
}

/** Breadth-first from a pass-through node, each node visited once, stopping at stages. */
function walk(graph: GraphIndex, start: string): string[] {
  const entries: string[] = [];
  const seen = new Set<string>([start]);
  const queue = [start];
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
