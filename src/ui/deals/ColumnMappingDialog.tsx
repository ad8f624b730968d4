import { useId, useState, type FormEvent } from 'react';
import { guessMapping, type ColumnMapping } from '../../actuals/presets';
import type { DayOrder } from '../../actuals/dates';
import type { DealsPending } from '../../store/actuals/deals-slice';
import { useEditor } from '../../store/react/editor-context';
import { Dialog } from '../Dialog';

type Field = keyof Pick<
  ColumnMapping,
  'stage' | 'name' | 'created' | 'closed' | 'amount' | 'status'
>;

const FIELDS: readonly { key: Field; label: string; hint: string }[] = [
  { key: 'stage', label: 'Stage', hint: 'Each deal’s current stage (required).' },
  { key: 'name', label: 'Deal name', hint: 'Shown in the Deals panel.' },
  { key: 'created', label: 'Created', hint: 'Times open deals without stage dates.' },
  { key: 'closed', label: 'Closed', hint: 'For the sales cycle of won deals.' },
  { key: 'amount', label: 'Amount', hint: 'For the ACV of won deals.' },
  { key: 'status', label: 'Won / lost', hint: 'A column saying open, won or lost.' },
];

/** The mapping step for a CSV no preset recognises: which column holds what. */
export function ColumnMappingDialog({
  pending,
}: {
  pending: Extract<DealsPending, { status: 'needs-columns' }>;
}) {
  const mapDealColumns = useEditor((s) => s.mapDealColumns);
  const close = useEditor((s) => s.dismissDealsImport);
  const [mapping, setMapping] = useState<Partial<ColumnMapping>>(() =>
    guessMapping(pending.header),
  );
  const [dayOrder, setDayOrder] = useState<DayOrder | 'auto'>('auto');
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!mapping.stage) return;
    const chosen = Object.fromEntries(
      Object.entries(mapping).filter(([, column]) => column),
    ) as unknown as ColumnMapping;
    void mapDealColumns(chosen, dayOrder === 'auto' ? undefined : dayOrder);
  };

  return (
    <Dialog title="Which column is which?" wide onClose={close}>
      <p>
        {pending.fileName}: {pending.problem.message}
      </p>
      <form className="mt-3 flex flex-col gap-2" onSubmit={submit}>
        {FIELDS.map((field) => (
          <div key={field.key} className="grid grid-cols-[8rem_1fr] items-center gap-2">
            <label htmlFor={`${id}-${field.key}`} className="font-medium">
              {field.label}
            </label>
            <div>
              <select
                id={`${id}-${field.key}`}
                className="w-full rounded border border-zinc-300 px-1 py-0.5"
                value={mapping[field.key] ?? ''}
                required={field.key === 'stage'}
                aria-describedby={`${id}-${field.key}-hint`}
                onChange={(e) =>
                  setMapping((m) => ({ ...m, [field.key]: e.target.value || undefined }))
                }
              >
                <option value="">{field.key === 'stage' ? 'Choose a column…' : 'None'}</option>
                {pending.header.map((column) => (
                  <option key={column} value={column}>
                    {column}
                  </option>
                ))}
              </select>
              <p id={`${id}-${field.key}-hint`} className="text-xs text-zinc-500">
                {field.hint}
              </p>
            </div>
          </div>
        ))}
        <div className="grid grid-cols-[8rem_1fr] items-center gap-2">
          <label htmlFor={`${id}-order`} className="font-medium">
            Dates like 03/04
          </label>
          <select
            id={`${id}-order`}
            className="rounded border border-zinc-300 px-1 py-0.5"
            value={dayOrder}
            onChange={(e) => setDayOrder(e.target.value as DayOrder | 'auto')}
          >
            <option value="auto">Tell from the file (month first if it cannot)</option>
            <option value="mdy">Month first (03/04 is 4 March)</option>
            <option value="dmy">Day first (03/04 is 3 April)</option>
          </select>
        </div>
        <div className="mt-3 flex justify-end gap-2">
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="btn font-semibold" disabled={!mapping.stage}>
            Read deals
          </button>
        </div>
      </form>
    </Dialog>
  );
}
