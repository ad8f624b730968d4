import type { Diagram } from '../../model/schema';
import type { ActualsInput } from '../../rules/actuals-input';
import { toAuditResult, type AuditResult } from '../../rules/audit-result';
import type { ReviewBaseline } from '../../rules/engine';
import { auditEngine } from '../../rules/lazy-engine';

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

const PENDING: AuditResult = toAuditResult([]);

/**
 * The audit of each diagram version, computed once per version however many components ask.
 * One per editor: the last result it remembers belongs to that editor's diagram. `baseline`
 * gives the last reviewed version (metric-drift compares against it), `actuals` the figures of
 * an imported deals export (plan vs actual); a new baseline or new figures are a new audit of
 * the same diagram.
 */
export function createAuditCache(
  baseline: () => ReviewBaseline | undefined = () => undefined,
  actuals: () => ActualsInput | undefined = () => undefined,
): (diagram: Diagram) => AuditResult {
  type Inputs = { baseline: ReviewBaseline | undefined; actuals: ActualsInput | undefined };
  const cache = new WeakMap<Diagram, { result: AuditResult } & Inputs>();
  let last: ({ diagram: Diagram; result: AuditResult } & Inputs) | null = null;
  return (diagram) => {
    const engine = auditEngine();
    // Until the rules have loaded (start-up loads them beside the saved diagram, and the store
    // is told when they are here) there is nothing to report, and nothing is remembered.
    if (!engine) return PENDING;
    const reviewed = baseline();
    const figures = actuals();
    const same = (entry: Inputs) => entry.baseline === reviewed && entry.actuals === figures;
    let entry = cache.get(diagram);
    if (!entry || !same(entry)) {
      const result =
        last && same(last) && sameButPositions(last.diagram, diagram)
          ? last.result
          : engine.runAudit(diagram, {
              ...(reviewed ? { baseline: reviewed } : {}),
              ...(figures ? { actuals: figures } : {}),
            });
      entry = { result, baseline: reviewed, actuals: figures };
      cache.set(diagram, entry);
    }
    last = { diagram, ...entry };
    return entry.result;
  };
}
