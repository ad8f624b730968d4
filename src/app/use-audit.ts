import type { Diagram } from '../model/schema';
import { runAudit, type AuditResult } from '../rules/engine';
import { useEditor } from './editor-context';

const cache = new WeakMap<Diagram, AuditResult>();

/** The audit of a diagram version, computed once per version however many components ask. */
export function auditOf(diagram: Diagram): AuditResult {
  let result = cache.get(diagram);
  if (!result) {
    result = runAudit(diagram);
    cache.set(diagram, result);
  }
  return result;
}

export function useAudit(): AuditResult {
  return auditOf(useEditor((s) => s.diagram));
}
