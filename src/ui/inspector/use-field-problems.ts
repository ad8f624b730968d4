import { useAudit } from '../../store/react/use-audit';

/** Audit findings about one node's fields, keyed by field, for the inline amber marks. */
export function useFieldProblems(nodeId: string): ReadonlyMap<string, string> {
  const audit = useAudit();
  const map = new Map<string, string>();
  for (const finding of audit.byNode.get(nodeId) ?? []) {
    const field = finding.target.type === 'node' ? finding.target.field : undefined;
    if (field && !map.has(field)) map.set(field, finding.message);
  }
  return map;
}
