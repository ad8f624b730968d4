import { useMemo } from 'react';
import { compareDiagrams, type Comparison } from '../../review/compare-diagrams';
import { useEditor } from './editor-context';
import { useAudit } from './use-audit';

export interface OpenComparison {
  /** What the open diagram is compared with ("Q3 review", a file name). */
  readonly name: string;
  readonly result: Comparison;
}

/**
 * The open diagram against the version or file chosen in Compare, or null. Recomputed when
 * either side changes; the open diagram's audit is the one the editor already has.
 */
export function useComparison(): OpenComparison | null {
  const comparison = useEditor((s) => s.comparison);
  const diagram = useEditor((s) => s.diagram);
  const audit = useAudit();
  return useMemo(
    () =>
      comparison
        ? {
            name: comparison.name,
            result: compareDiagrams(comparison.diagram, diagram, { audits: { after: audit } }),
          }
        : null,
    [comparison, diagram, audit],
  );
}
