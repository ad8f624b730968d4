import { useId, useMemo, useState } from 'react';
import type { StageMap, StageTarget } from '../../actuals/stage-mapping';
import type { DealsFigures } from '../../store/actuals/deals-slice';
import { useEditor } from '../../store/react/editor-context';
import { Dialog } from '../Dialog';
import { ImportSummary } from './ImportSummary';

const OUTCOMES: readonly { value: StageTarget; label: string }[] = [
  { value: '@won', label: 'Won (closed)' },
  { value: '@lost', label: 'Lost (closed)' },
  { value: '@ignore', label: 'Leave out' },
];

/**
 * The stage mapping step: each CRM stage to a stage card, won, lost or left out, matched by
 * title to start with. Applying saves the mapping with the diagram, as one undo step.
 */
export function StageMappingDialog({
  deals,
}: {
  deals: Extract<DealsFigures, { status: 'ready' }>;
}) {
  const nodes = useEditor((s) => s.diagram.nodes);
  const stages = useMemo(() => nodes.filter((n) => n.kind === 'stage'), [nodes]);
  const applyStageMap = useEditor((s) => s.applyStageMap);
  const close = useEditor((s) => s.openDealsDialog);
  const [map, setMap] = useState<Record<string, StageTarget | ''>>(() => {
    const start: Record<string, StageTarget | ''> = {};
    for (const name of deals.summary.crmStages) start[name] = deals.stageMap[name] ?? '';
    return start;
  });
  const id = useId();
  const unmatched = deals.summary.crmStages.filter((name) => !map[name]);

  const apply = () => {
    const chosen: Record<string, StageTarget> = {};
    for (const [name, target] of Object.entries(map)) if (target) chosen[name] = target;
    void applyStageMap(chosen as StageMap);
  };

  return (
    <Dialog title="Map CRM stages to the diagram" wide onClose={() => close(null)}>
      <ImportSummary deals={deals} />
      {stages.length === 0 && (
        <p className="mt-2 text-amber-900">
          The diagram has no pipeline stages yet: add stage cards to compare with.
        </p>
      )}
      <p className="mt-3 text-zinc-600">
        Each stage of the export goes to a stage card, or counts as won or lost. Stages matched by
        title are filled in; check them and choose the rest.
      </p>
      {unmatched.length > 0 && (
        <p className="mt-2 font-medium text-amber-900" role="note">
          Not matched: {unmatched.join(', ')}. Deals in a stage that is not mapped are left out.
        </p>
      )}
      <table className="mt-3 w-full text-left">
        <thead>
          <tr className="text-xs text-zinc-500">
            <th className="py-1 font-medium">CRM stage</th>
            <th className="py-1 font-medium">On the diagram</th>
          </tr>
        </thead>
        <tbody>
          {deals.summary.crmStages.map((name, i) => (
            <tr key={name} className="border-t border-zinc-100">
              <td className="py-1 pr-2">
                <label htmlFor={`${id}-${i}`}>{name}</label>
              </td>
              <td className="py-1">
                <select
                  id={`${id}-${i}`}
                  className="w-full rounded border border-zinc-300 px-1 py-0.5"
                  value={map[name] ?? ''}
                  onChange={(e) =>
                    setMap((m) => ({ ...m, [name]: e.target.value as StageTarget | '' }))
                  }
                >
                  <option value="">Not mapped</option>
                  <optgroup label="Stage cards">
                    {stages.map((stage) => (
                      <option key={stage.id} value={stage.id}>
                        {stage.title || 'Untitled'}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label="Outcome">
                    {OUTCOMES.map((outcome) => (
                      <option key={outcome.value} value={outcome.value}>
                        {outcome.label}
                      </option>
                    ))}
                  </optgroup>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" className="btn" onClick={() => close(null)}>
          Not now
        </button>
        <button type="button" className="btn font-semibold" onClick={apply}>
          Apply mapping
        </button>
      </div>
    </Dialog>
  );
}
