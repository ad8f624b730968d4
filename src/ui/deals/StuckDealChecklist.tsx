import { useId, useState } from 'react';
import type { StuckDeal } from '../../actuals/compute-actuals';
import { useEditor } from '../../store/react/editor-context';

const NO_CRITERIA: readonly string[] = [];

/**
 * One stuck deal against its stage's exit criteria: tick what it has, and what is left is what
 * it is missing to move on. The ticks are a working aid and are not saved.
 */
export function StuckDealChecklist({ deal, stageTitle }: { deal: StuckDeal; stageTitle: string }) {
  const criteria = useEditor((s) => {
    const node = s.diagram.nodes.find((n) => n.id === deal.stageId);
    return node?.kind === 'stage' ? (node.data?.exitCriteria ?? NO_CRITERIA) : NO_CRITERIA;
  });
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const id = useId();
  const missing = criteria.length - ticked.size;
  const name = deal.name || `Row ${deal.row}`;
  return (
    <fieldset className="mt-1 min-w-0 rounded border border-zinc-200 p-2">
      <legend className="px-1 text-xs font-semibold [overflow-wrap:anywhere] text-zinc-700">
        What is {name} missing to leave {stageTitle}?
      </legend>
      <p className="text-xs text-zinc-600">
        {deal.days} days in the stage, {deal.days - deal.maxDays} past its {deal.maxDays}-day limit
        (row {deal.row} of the export).
      </p>
      {criteria.length === 0 ? (
        <p className="mt-1 text-xs text-amber-900">
          This stage has no exit criteria to check against: add them in the inspector.
        </p>
      ) : (
        <>
          <ul className="mt-1 flex flex-col gap-0.5">
            {criteria.map((criterion, i) => (
              <li key={`${i}:${criterion}`} className="flex items-center gap-2">
                <input
                  id={`${id}-${i}`}
                  type="checkbox"
                  checked={ticked.has(i)}
                  onChange={(e) =>
                    setTicked((current) => {
                      const next = new Set(current);
                      if (e.target.checked) next.add(i);
                      else next.delete(i);
                      return next;
                    })
                  }
                />
                <label htmlFor={`${id}-${i}`}>{criterion}</label>
              </li>
            ))}
          </ul>
          <p className="mt-1 text-xs font-medium" role="status">
            {missing === 0
              ? 'Every exit criterion is met: move the deal on in the CRM.'
              : `${missing} of ${criteria.length} exit criteria still missing.`}
          </p>
        </>
      )}
    </fieldset>
  );
}
