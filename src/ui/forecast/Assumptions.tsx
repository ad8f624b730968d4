import { useMemo } from 'react';
import { useEditor } from '../../store/react/editor-context';
import { formatDays, formatPercent, unsourcedMetrics } from '../../forecast';
import { METRIC_LABEL } from '../../model/metrics';
import type { Diagram } from '../../model/schema';
import { Section } from './Section';

/**
 * Every number should say where it comes from so the forecast can be audited (domain §7). Each
 * entry opens its node in the inspector, where the Source field is.
 */
export function Assumptions({ diagram }: { diagram: Diagram }) {
  const select = useEditor((s) => s.select);
  const showSideTab = useEditor((s) => s.showSideTab);
  const unsourced = useMemo(() => unsourcedMetrics(diagram), [diagram]);
  const anyMetric = useMemo(
    () => diagram.nodes.some((node) => (node.data?.metrics?.length ?? 0) > 0),
    [diagram],
  );
  return (
    <Section title="Numbers without a source">
      {unsourced.length === 0 ? (
        <p className="text-sm text-zinc-600">
          {anyMetric ? 'Every metric names its source.' : 'No metrics yet.'}
        </p>
      ) : (
        <>
          <p className="text-xs text-zinc-600">
            Add where each number comes from, so that the forecast can be checked.
          </p>
          <ul className="flex flex-col gap-1">
            {unsourced.map((metric) => (
              <li key={`${metric.nodeId}:${metric.key}`}>
                <button
                  type="button"
                  className="w-full rounded-md px-2 py-1 text-left text-sm text-zinc-800 hover:bg-zinc-100"
                  onClick={() => {
                    select({ nodes: [metric.nodeId], edges: [] });
                    showSideTab('Inspector');
                    // The button leaves with the tab; keep keyboard focus in the side panel.
                    requestAnimationFrame(() => document.getElementById('tab-Inspector')?.focus());
                  }}
                >
                  <span className="font-medium">{metric.nodeTitle || 'Untitled'}</span>
                  {' · '}
                  {metric.key === 'sales-cycle-days'
                    ? `Sales cycle ${formatDays(metric.value)}`
                    : `${METRIC_LABEL[metric.key]} ${formatPercent(metric.value)}`}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
