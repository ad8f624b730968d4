import { useEffect, useMemo, useState } from 'react';
import type { Comparison, compareDiagrams } from '../../review/compare-diagrams';
import { useEditor } from './editor-context';
import { useAudit } from './use-audit';

export interface OpenComparison {
  /** What the open diagram is compared with ("Q3 review", a file name). */
  readonly name: string;
  readonly result: Comparison;
}

type Compare = typeof compareDiagrams;

// The comparison (diff, audit delta, drift, and the audit of the other side) loads with the
// first Compare, not at start-up; the version being compared is read from storage first anyway.
let compare: Compare | null = null;
const loadCompare = () =>
  import('../../review/compare-diagrams').then((m) => (compare = m.compareDiagrams));

/**
 * The open diagram against the version or file chosen in Compare, or null (also while the
 * comparison's code is still loading). Recomputed when either side changes; the open
 * diagram's audit is the one the editor already has.
 */
export function useComparison(): OpenComparison | null {
  const comparison = useEditor((s) => s.comparison);
  const diagram = useEditor((s) => s.diagram);
  const audit = useAudit();
  const [loaded, setLoaded] = useState<Compare | null>(() => compare);
  useEffect(() => {
    if (!comparison || loaded) return;
    let live = true;
    void loadCompare().then((fn) => live && setLoaded(() => fn));
    return () => {
      live = false;
    };
  }, [comparison, loaded]);
  return useMemo(
    () =>
      comparison && loaded
        ? {
            name: comparison.name,
            result: loaded(comparison.diagram, diagram, { audits: { after: audit } }),
          }
        : null,
    [comparison, diagram, audit, loaded],
  );
}
