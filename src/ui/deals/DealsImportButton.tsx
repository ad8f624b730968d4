import { Suspense, lazy, useEffect, useRef } from 'react';
import { useEditor } from '../../store/react/editor-context';
import { useForecastBasis } from '../../store/react/use-forecast';
import { NarrowLabel, narrowButtonClass } from '../NarrowLabel';
import { DealsIcon } from '../top-bar-icons';

// The mapping steps load with the first import, not with the page.
const loadDialogs = () => import('./DealsDialogs');
const DealsDialogs = lazy(() => loadDialogs().then((m) => ({ default: m.DealsDialogs })));

/** How long edits settle before the figures are recomputed for them (in the worker). */
const REFRESH_DELAY_MS = 400;

/**
 * **Import deals…**: reads a CRM deals export in a worker and shows plan vs actual on the
 * stages. Hosts the mapping and refusal dialogs, and recomputes the figures as the diagram
 * changes (a stage added, a rate or a day limit edited); dragging cards changes nothing here.
 */
export function DealsImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const importDeals = useEditor((s) => s.importDeals);
  const refreshDeals = useEditor((s) => s.refreshDeals);
  const dialog = useEditor((s) => s.dealsDialog);
  const reading = useEditor((s) => s.dealsPending?.status === 'reading');
  const ready = useEditor((s) => s.deals.status === 'ready');
  const basis = useForecastBasis();

  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(() => void refreshDeals(), REFRESH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [basis, ready, refreshDeals]);

  return (
    <>
      <button
        type="button"
        className={`btn ${narrowButtonClass('xl')}`}
        title="Read a deals export (HubSpot, Salesforce, Pipedrive or any CSV) to compare the plan with what happened; the file stays in this browser"
        onClick={() => {
          // Fetched while the user picks a file, so the answer opens its dialog at once.
          void loadDialogs();
          input.current?.click();
        }}
      >
        <NarrowLabel text="Import deals…" icon={<DealsIcon />} below="xl" />
      </button>
      <span role="status" className="sr-only">
        {reading ? 'Reading deals…' : ''}
      </span>
      {reading && (
        <span className="text-xs text-zinc-500" aria-hidden="true">
          Reading deals…
        </span>
      )}
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        hidden
        tabIndex={-1}
        data-testid="deals-file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void importDeals(file, file.name);
        }}
      />
      {dialog && (
        <Suspense fallback={null}>
          <DealsDialogs />
        </Suspense>
      )}
    </>
  );
}
