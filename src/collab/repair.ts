import * as Y from 'yjs';
import { EDGES_KEY, NODES_KEY } from './layout';

/**
 * Deletes the edges whose card is gone, and answers how many. Two people can each make a valid
 * edit that is invalid together: one deletes a card while the other joins an edge to it. The
 * server refuses the second edit (the room would hold a dangling edge) and closes that peer;
 * its provider reconnects, receives the deletion, and the client calls this before anything
 * else, so the edit it sends next is valid. Every peer that runs it deletes the same edges,
 * so concurrent repairs agree. One transaction with `origin`.
 */
export function repairYDoc(ydoc: Y.Doc, origin: unknown): number {
  const nodes = ydoc.getMap(NODES_KEY);
  const edges = ydoc.getMap(EDGES_KEY);
  const dangling: string[] = [];
  for (const [id, edge] of edges.entries()) {
    if (!(edge instanceof Y.Map)) continue;
    const source = edge.get('source');
    const target = edge.get('target');
    if (typeof source === 'string' && typeof target === 'string') {
      if (!nodes.has(source) || !nodes.has(target)) dangling.push(id);
    }
  }
  if (dangling.length > 0) ydoc.transact(() => dangling.forEach((id) => edges.delete(id)), origin);
  return dangling.length;
}
