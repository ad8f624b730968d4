import { useSyncExternalStore } from 'react';
import type { AuditResult } from '../../rules/engine';
import { draftingOf } from './drafting';
import { useEditor, useEditorApi } from './editor-context';

/**
 * The audit of the open diagram as the editor shows it, shared by every component that asks
 * (cached per version): a draft is guided, not scolded (see drafting.ts).
 */
export function useAudit(): AuditResult {
  const drafting = useDrafting();
  const filling = useSyncExternalStore(drafting.subscribe, drafting.fillingIn);
  return useEditor((s) => drafting.viewOf(s.derived.auditOf(s.diagram), s.diagram, filling));
}

export function useDrafting() {
  return draftingOf(useEditorApi().store);
}
