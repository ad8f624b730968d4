import { useEffect, useId, useMemo, useState } from 'react';
import { useEditor, useEditorApi } from '../../store/react/editor-context';
import { traceLead, type LeadStepId, type LeadTraceStep } from '../../rules/lead-trace';
import type { EditorState } from '../../store/editor-store';
import { useShowOnCanvas } from './use-show-on-canvas';

type Highlight = NonNullable<EditorState['highlight']>;

function highlightOf(steps: readonly LeadTraceStep[]): Highlight {
  return {
    nodes: [...new Set(steps.flatMap((step) => step.nodeIds))],
    edges: [...new Set(steps.flatMap((step) => step.edgeIds))],
  };
}

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, index) => id === b[index]);

/**
 * The eight steps of domain §4 for one lead, covered or missing. While it is shown the covered
 * elements are highlighted on the canvas; hovering or focusing a step narrows the highlight to
 * that step, and closing the trace (or leaving the Problems tab) clears it.
 */
export function LeadTracePanel({ id, onClose }: { id: string; onClose: () => void }) {
  const { store } = useEditorApi();
  const diagram = useEditor((s) => s.diagram);
  const trace = useMemo(() => traceLead(diagram), [diagram]);
  const [active, setActive] = useState<LeadStepId | null>(null);
  const { showNodes } = useShowOnCanvas();
  const titleId = useId();

  const highlight = useMemo(
    () => highlightOf(active ? trace.steps.filter((step) => step.id === active) : trace.steps),
    [trace, active],
  );
  useEffect(() => {
    // Every card selects on the highlight; an unchanged one must not wake a thousand cards.
    const current = store.getState().highlight;
    if (
      current &&
      sameIds(current.nodes, highlight.nodes) &&
      sameIds(current.edges, highlight.edges)
    )
      return;
    store.getState().setHighlight(highlight);
  }, [store, highlight]);
  useEffect(() => () => store.getState().setHighlight(null), [store]);

  const covered = trace.steps.length - trace.missing.length;
  return (
    <section
      id={id}
      aria-labelledby={titleId}
      className="flex flex-col gap-2 rounded-md border border-yellow-300 bg-yellow-50/50 p-2"
    >
      <div className="flex items-center justify-between gap-2">
        <div>
          <h2 id={titleId} className="text-sm font-semibold text-zinc-900">
            Lead trace
          </h2>
          <p className="text-xs text-zinc-600">
            {covered} of {trace.steps.length} steps covered
            {trace.missing.length === 0
              ? ': a lead can be followed end to end.'
              : `, ${trace.missing.length} missing: the lead is lost there.`}
          </p>
        </div>
        <button type="button" className="btn shrink-0" onClick={onClose}>
          Clear trace
        </button>
      </div>
      <ol aria-label="Lead trace steps" className="flex flex-col gap-1">
        {trace.steps.map((step) => (
          <li key={step.id} data-covered={step.covered ? 'true' : 'false'}>
            <button
              type="button"
              className="flex w-full items-center gap-2 rounded px-1.5 py-1 text-left text-sm hover:bg-yellow-100 focus-visible:bg-yellow-100"
              aria-describedby={step.covered ? undefined : `${id}-hint-${step.step}`}
              title={step.covered ? 'Highlight this step and show it on the canvas' : undefined}
              onPointerEnter={() => setActive(step.id)}
              onPointerLeave={() => setActive(null)}
              onFocus={() => setActive(step.id)}
              onBlur={() => setActive(null)}
              onClick={() => showNodes(step.nodeIds)}
            >
              <span
                aria-hidden="true"
                className={`grid h-5 w-5 shrink-0 place-items-center rounded-full text-[11px] font-bold ${
                  step.covered
                    ? 'bg-emerald-600 text-white'
                    : 'border border-dashed border-red-500 text-red-700'
                }`}
              >
                {step.step}
              </span>
              <span className="min-w-0 flex-1 text-zinc-900">
                <span className="sr-only">Step {step.step}: </span>
                {step.label}
              </span>
              <span
                className={`shrink-0 text-xs font-medium ${step.covered ? 'text-emerald-700' : 'text-red-700'}`}
              >
                <span aria-hidden="true">{step.covered ? '✓ ' : '✗ '}</span>
                {step.covered ? 'Covered' : 'Missing'}
              </span>
            </button>
            {!step.covered && (
              <p id={`${id}-hint-${step.step}`} className="ml-8 text-xs text-zinc-700">
                {step.hint}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
