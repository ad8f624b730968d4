import type { Diagram } from '../../model/schema';
import { runAudit, type AuditResult } from '../../rules/engine';

/**
 * Whether two versions differ at most in node positions. No rule reads a position, so a drag
 * (a new diagram every frame) can reuse the last audit instead of re-running it per frame.
 * Node data objects keep their identity through a move (see moveNodes), so this is a cheap
 * reference walk.
 */
export function sameButPositions(a: Diagram, b: Diagram): boolean {
  if (a.edges !== b.edges || a.meta !== b.meta || a.rules !== b.rules || a.name !== b.name) {
    return false;
  }
  if (a.nodes.length !== b.nodes.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i]!;
    const y = b.nodes[i]!;
    if (x === y) continue;
    if (x.id !== y.id || x.kind !== y.kind || x.title !== y.title || x.data !== y.data)
      return false;
  }
  return true;
}

/**
 * The audit of each diagram version, computed once per version however many components ask.
 * One per editor: the last result it remembers belongs to that editor's diagram.
 */
export function createAuditCache(): (diagram: Diagram) => AuditResult {
  const cache = new WeakMap<Diagram, AuditResult>();
  let last: { diagram: Diagram; result: AuditResult } | null = null;
  return (diagram) => {
    let result = cache.get(diagram);
    if (!result) {
      result = last && sameButPositions(last.diagram, diagram) ? last.result : runAudit(diagram);
      cache.set(diagram, result);
    }
    last = { diagram, result };
    return result;
  };
}
