import type { DealsPending } from '../../store/actuals/deals-slice';
import { useEditor } from '../../store/react/editor-context';
import { Dialog } from '../Dialog';

/** Why a deals file could not be read, with its row and column; nothing else is changed. */
export function DealsRefusedDialog({
  pending,
}: {
  pending: Extract<DealsPending, { status: 'refused' }>;
}) {
  const dismiss = useEditor((s) => s.dismissDealsImport);
  const { problem } = pending;
  const place = [
    problem.row === undefined ? null : `Row ${problem.row}`,
    problem.column === undefined ? null : `column “${problem.column}”`,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <Dialog title="Could not import deals" alert onClose={dismiss}>
      <p className="font-medium">{pending.fileName}</p>
      <p className="mt-2">{problem.message}</p>
      {place && <p className="mt-1 text-zinc-600">Where: {place}.</p>}
      <p className="mt-3 text-zinc-600">
        Nothing was changed: the diagram, and any deals imported before, are as they were.
      </p>
      <div className="mt-4 flex justify-end">
        <button type="button" className="btn" onClick={dismiss}>
          OK
        </button>
      </div>
    </Dialog>
  );
}
