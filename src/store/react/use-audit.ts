import type { AuditResult } from '../../rules/engine';
import { useEditor } from './editor-context';

/** The audit of the open diagram, shared by every component that asks (cached per version). */
export function useAudit(): AuditResult {
  return useEditor((s) => s.derived.auditOf(s.diagram));
}
