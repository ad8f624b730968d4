import type { CellIssues } from '../../actuals/read-deals';
import type { DealsFigures } from '../../store/actuals/deals-slice';

/** What was read: how many deals, from which CRM, and every cell that could not be read. */
export function ImportSummary({ deals }: { deals: Extract<DealsFigures, { status: 'ready' }> }) {
  const { summary, report } = deals;
  return (
    <div className="flex flex-col gap-1">
      <p data-worker-ms={Math.round(deals.workerMs)}>
        <span className="font-medium">{deals.fileName}</span>:{' '}
        {summary.deals.toLocaleString('en-US')} deals read in {formatSeconds(deals.workerMs)} (
        {report.source}, as of {report.asOf}). They stay in this browser.
      </p>
      <Cells what="date" issues={summary.badDates} />
      <Cells what="amount" issues={summary.badAmounts} />
      {summary.notes.map((note) => (
        <p key={note} className="text-zinc-600">
          {note}
        </p>
      ))}
    </div>
  );
}

function Cells({ what, issues }: { what: string; issues: CellIssues }) {
  if (issues.count === 0) return null;
  return (
    <div className="text-amber-900">
      <p>
        {issues.count} {what}
        {issues.count === 1 ? '' : 's'} could not be read and {issues.count === 1 ? 'was' : 'were'}{' '}
        left out, not guessed:
      </p>
      <ul className="list-disc pl-5">
        {issues.listed.map((cell) => (
          <li key={`${cell.row}:${cell.column}`}>
            Row {cell.row}, column “{cell.column}”: “{cell.value}”
          </li>
        ))}
        {issues.count > issues.listed.length && (
          <li>…and {issues.count - issues.listed.length} more.</li>
        )}
      </ul>
    </div>
  );
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 100 ? 2 : 1)} s`;
}
