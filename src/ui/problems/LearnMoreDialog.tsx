import { useId } from 'react';
import { layerInfo } from '../../model/layers';
import { ruleById } from '../../rules/registry';
import { Dialog } from '../Dialog';
import { SeverityIcon } from '../../ui-kit/SeverityIcon';

const SEVERITY_NAME = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

/** A rule explained from its meta: what it checks, why it matters and how to fix it. */
export function LearnMoreDialog({ ruleId, onClose }: { ruleId: string; onClose: () => void }) {
  const id = useId();
  const rule = ruleById(ruleId);
  if (!rule) return null;
  const { meta } = rule;
  const layer = meta.layer === 'diagram' ? 'Whole diagram' : layerInfo(meta.layer).label;
  return (
    <Dialog title={meta.id} onClose={onClose} wide>
      <div className="flex flex-col gap-3">
        <p className="font-medium text-zinc-900">{meta.description}</p>
        <section aria-labelledby={`${id}-why`}>
          <h3
            id={`${id}-why`}
            className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase"
          >
            Why it matters
          </h3>
          <p>{meta.why}</p>
        </section>
        <section aria-labelledby={`${id}-fix`}>
          <h3
            id={`${id}-fix`}
            className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase"
          >
            How to fix
          </h3>
          <p>{meta.howToFix}</p>
        </section>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 border-t border-zinc-200 pt-3 text-xs">
          <dt className="text-zinc-500">Default severity</dt>
          <dd className="flex items-center gap-1">
            <SeverityIcon severity={meta.severity} />
            {SEVERITY_NAME[meta.severity]}
          </dd>
          <dt className="text-zinc-500">Layer</dt>
          <dd>{layer}</dd>
          <dt className="text-zinc-500">Reference</dt>
          <dd>
            <code>{meta.docs}</code>
          </dd>
        </dl>
      </div>
    </Dialog>
  );
}
