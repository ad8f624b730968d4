import * as Y from 'yjs';
import { COMMENTS_KEY, DOCUMENT_KEY, EDGES_KEY, NODES_KEY } from './layout';
import { isPlainObject } from './json';

/** The origin of a repair, so observers can tell it from the writes it answers. */
export const REPAIR_ORIGIN = 'gtm-repair';

/** What a repair removed: entries pointing at a card or edge that is gone. */
export interface Repair {
  readonly edges: number;
  readonly threads: number;
  readonly stageMappings: number;
}

const NOTHING: Repair = { edges: 0, threads: 0, stageMappings: 0 };

export const repairCount = (repair: Repair) => repair.edges + repair.threads + repair.stageMappings;

/**
 * Deletes what points at a card or edge that is gone: edges whose end is gone, comment threads
 * about a missing card or edge, and CRM stage mappings to a missing card. Two people can each
 * make a valid edit that is invalid together: one deletes a card while the other joins an edge
 * to it, opens a thread on it, or maps a CRM stage to it. The server refuses the second edit
 * (the room would break the file gate) and closes that peer; its provider reconnects and
 * receives the deletion, and `watchForRepairs` runs this before the peer answers the server's
 * sync, so what it sends next is valid. The deletion wins, as in Figma or tldraw: what was
 * joined to a deleted thing goes with it. Every peer that runs it removes the same entries, so
 * concurrent repairs agree. One transaction with `REPAIR_ORIGIN`, and only when needed.
 */
export function repairYDoc(ydoc: Y.Doc, origin: unknown = REPAIR_ORIGIN): Repair {
  const nodes = ydoc.getMap(NODES_KEY);
  const edges = ydoc.getMap(EDGES_KEY);
  const comments = ydoc.getMap(COMMENTS_KEY);
  const danglingEdges: string[] = [];
  for (const [id, edge] of edges.entries()) {
    if (!(edge instanceof Y.Map)) continue;
    const source = edge.get('source');
    const target = edge.get('target');
    if (typeof source === 'string' && typeof target === 'string') {
      if (!nodes.has(source) || !nodes.has(target)) danglingEdges.push(id);
    }
  }
  const removed = new Set(danglingEdges);
  const hasEdge = (id: string) => edges.has(id) && !removed.has(id);
  const danglingThreads: string[] = [];
  for (const [id, thread] of comments.entries()) {
    if (!(thread instanceof Y.Map)) continue;
    const element = targetElement(thread.get('target'));
    if (!element) continue;
    const exists = element.type === 'node' ? nodes.has(element.id) : hasEdge(element.id);
    if (!exists) danglingThreads.push(id);
  }
  const actuals = ydoc.getMap(DOCUMENT_KEY).get('actuals');
  const stageMap = actuals instanceof Y.Map ? actuals.get('stageMap') : undefined;
  let keptStages: Record<string, unknown> | null = null;
  let stageMappings = 0;
  if (isPlainObject(stageMap)) {
    const entries = Object.entries(stageMap);
    const kept = entries.filter(
      ([, target]) => typeof target !== 'string' || target.startsWith('@') || nodes.has(target),
    );
    stageMappings = entries.length - kept.length;
    // fromEntries defines own keys, so a hostile stage name cannot reach a prototype.
    if (stageMappings > 0) keptStages = Object.fromEntries(kept);
  }
  const repair: Repair = {
    edges: danglingEdges.length,
    threads: danglingThreads.length,
    stageMappings,
  };
  if (repairCount(repair) === 0) return NOTHING;
  ydoc.transact(() => {
    for (const id of danglingEdges) edges.delete(id);
    for (const id of danglingThreads) comments.delete(id);
    if (keptStages && actuals instanceof Y.Map) actuals.set('stageMap', keptStages);
  }, origin);
  return repair;
}

/** The card or edge a thread's target names, read defensively (a peer wrote it). */
function targetElement(value: unknown): { type: 'node' | 'edge'; id: string } | null {
  if (!isPlainObject(value)) return null;
  const element = value.type === 'finding' ? value.element : value;
  if (!isPlainObject(element)) return null;
  const { type, id } = element;
  return (type === 'node' || type === 'edge') && typeof id === 'string' ? { type, id } : null;
}

export interface RepairWatchOptions {
  /** A view link never writes: the server refuses it, and a viewer's copy cannot break anyway. */
  readonly canWrite: () => boolean;
  /** Something was removed; the person should be told what and why. */
  readonly onRepaired?: (repair: Repair) => void;
  /** The origins of this peer's own edits, which cannot make the doc dangle by themselves. */
  readonly isOwnEdit?: (origin: unknown) => boolean;
}

/**
 * Repairs the doc after every change that came from elsewhere (the server, IndexedDB), inside
 * the same synchronous round: Yjs runs a transaction started in an observer before it emits the
 * update, so the repair is in the doc before the provider reads its next message and answers
 * the server's sync with it.
 */
export function watchForRepairs(ydoc: Y.Doc, options: RepairWatchOptions): () => void {
  const onAfterTransaction = (tr: Y.Transaction) => {
    if (tr.origin === REPAIR_ORIGIN || tr.changed.size === 0) return;
    if (options.isOwnEdit?.(tr.origin) || !options.canWrite()) return;
    const repair = repairYDoc(ydoc, REPAIR_ORIGIN);
    if (repairCount(repair) > 0) options.onRepaired?.(repair);
  };
  ydoc.on('afterTransaction', onAfterTransaction);
  return () => ydoc.off('afterTransaction', onAfterTransaction);
}
