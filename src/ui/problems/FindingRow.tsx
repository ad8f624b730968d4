import { memo } from 'react';
import type { Severity } from '../../rules/types';
import { useCanEdit } from '../../store/react/use-room';
import { SEVERITY_TONE, SeverityIcon } from '../../ui-kit/SeverityIcon';
import { VIEW_ONLY_HINT } from '../view-only-hint';

export interface FindingRowProps {
  /** `findingKey` of the finding; handlers receive it and look the finding up afresh. */
  readonly rowKey: string;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** What the finding is about, e.g. `Channel “Cold email”`; null for the whole diagram. */
  readonly where: string | null;
  readonly fixLabel: string | null;
  /** Open comment threads about this finding. */
  readonly openThreads: number;
  readonly onShow: (rowKey: string) => void;
  readonly onFix: (rowKey: string) => void;
  readonly onLearnMore: (ruleId: string) => void;
  readonly onComment: (rowKey: string) => void;
}

/**
 * One finding. Props are plain values so that the row skips re-rendering while the diagram
 * changes around it (findings are rebuilt on every edit, their text mostly is not).
 */
export const FindingRow = memo(function FindingRow({
  rowKey,
  ruleId,
  severity,
  message,
  where,
  fixLabel,
  openThreads,
  onShow,
  onFix,
  onLearnMore,
  onComment,
}: FindingRowProps) {
  // A viewer may go to a finding's threads but not start one, nor apply a fix: both are writes
  // the server refuses from a view link.
  const editable = useCanEdit();
  return (
    <li
      className={`flex gap-2 rounded-md border px-2 py-2 ${SEVERITY_TONE[severity].soft}`}
      data-rule={ruleId}
      data-severity={severity}
    >
      <SeverityIcon severity={severity} className="mt-0.5" />
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        {where === null ? (
          <p className="text-sm text-zinc-900">{message}</p>
        ) : (
          <button
            type="button"
            data-finding-show=""
            className="rounded text-left text-sm text-zinc-900 hover:underline"
            title="Select it and show it on the canvas"
            onClick={() => onShow(rowKey)}
          >
            {message}
          </button>
        )}
        <p className="flex flex-wrap items-center gap-x-1.5 text-xs text-zinc-600">
          <code className="rounded bg-white/80 px-1 text-[11px] text-zinc-700">{ruleId}</code>
          <span aria-hidden="true">·</span>
          <span className="truncate">{where ?? 'Whole diagram'}</span>
        </p>
        <div className="flex flex-wrap items-center gap-1.5">
          {fixLabel !== null && (
            <button
              type="button"
              // A fix can name a whole label ("Label it …"): it wraps within the row, not past it.
              className="btn max-w-full items-start border-emerald-600 px-2 py-0.5 text-left text-xs whitespace-normal text-emerald-800 hover:bg-emerald-50"
              disabled={!editable}
              title={editable ? undefined : VIEW_ONLY_HINT}
              onClick={() => onFix(rowKey)}
            >
              <span aria-hidden="true">✦</span>
              <span className="min-w-0 break-words">
                <span className="font-semibold">Fix:</span> {fixLabel}
              </span>
            </button>
          )}
          <button
            type="button"
            className="rounded px-1 text-xs text-blue-700 underline-offset-2 hover:underline"
            aria-label={`Learn more about ${ruleId}`}
            onClick={() => onLearnMore(ruleId)}
          >
            Learn more
          </button>
          {(editable || openThreads > 0) && (
            <button
              type="button"
              className="rounded px-1 text-xs text-indigo-800 underline-offset-2 hover:underline"
              // Named as the Comments panel names the thread's subject, so the two read alike.
              aria-label={
                openThreads === 0
                  ? `Comment on finding ${ruleId} on ${where ?? 'the whole diagram'}`
                  : `Go to the ${openThreads === 1 ? 'open comment thread' : `${openThreads} open comment threads`} on finding ${ruleId} on ${where ?? 'the whole diagram'}`
              }
              onClick={() => onComment(rowKey)}
            >
              {openThreads === 0
                ? 'Comment'
                : `${openThreads} open ${openThreads === 1 ? 'thread' : 'threads'}`}
            </button>
          )}
        </div>
      </div>
    </li>
  );
});
