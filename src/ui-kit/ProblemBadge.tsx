import { memo, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useEditorApi } from '../store/react/editor-context';
import type { BadgeSummary } from './finding-text';
import { SEVERITY_TONE, SeverityIcon } from './SeverityIcon';

const TOOLTIP_WIDTH = 288;

/**
 * The audit badge on a card or an edge label: the count and the worst severity; hover or focus
 * lists the messages, a click opens the Problems tab on this element's findings.
 */
export const ProblemBadge = memo(function ProblemBadge({
  summary,
  type,
  id,
  className = '',
}: {
  summary: BadgeSummary;
  type: 'node' | 'edge';
  id: string;
  className?: string;
}) {
  const { store } = useEditorApi();
  const ref = useRef<HTMLButtonElement>(null);
  const tooltipId = useId();
  const [anchor, setAnchor] = useState<DOMRect | null>(null);
  const show = () => setAnchor(ref.current?.getBoundingClientRect() ?? null);
  const hide = () => setAnchor(null);
  return (
    <>
      <button
        ref={ref}
        type="button"
        // nodrag/nopan/nokey: the badge is a button of its own, not a handle to move the card by.
        // The button is the 24 px target WCAG 2.2 asks for (2.5.8); the chip drawn in it stays 20 px.
        className={`nodrag nopan nokey inline-flex h-6 min-w-6 items-center justify-center rounded-full p-0.5 ${className}`}
        aria-label={summary.label}
        aria-describedby={anchor ? tooltipId : undefined}
        data-severity={summary.worst}
        onClick={() => {
          hide();
          store.getState().openProblemsFor({ type, id });
        }}
        onPointerEnter={show}
        onPointerDown={hide}
        onPointerLeave={hide}
        onFocus={show}
        onBlur={hide}
        onKeyDown={(event) => {
          if (event.key === 'Escape') hide();
        }}
      >
        <span
          className={`inline-flex h-5 min-w-5 items-center justify-center gap-0.5 rounded-full border-[1.5px] bg-white px-1 text-[11px] leading-none font-bold shadow-sm ${SEVERITY_TONE[summary.worst].badge}`}
        >
          <SeverityIcon severity={summary.worst} className="h-3 w-3" />
          {summary.count}
        </span>
      </button>
      {anchor &&
        createPortal(
          <div
            role="tooltip"
            id={tooltipId}
            className="pointer-events-none fixed z-50 rounded-md border border-zinc-200 bg-white p-2 text-xs text-zinc-800 shadow-lg"
            style={{
              width: TOOLTIP_WIDTH,
              top: anchor.bottom + 6,
              left: Math.max(8, Math.min(anchor.left, window.innerWidth - TOOLTIP_WIDTH - 8)),
            }}
          >
            <p className="mb-1 font-semibold">{summary.label}</p>
            <ul className="flex flex-col gap-1">
              {summary.messages.map((item, index) => (
                <li key={index} className="flex gap-1.5">
                  <SeverityIcon severity={item.severity} className="mt-px" />
                  <span>{item.message}</span>
                </li>
              ))}
            </ul>
            <p className="mt-1.5 text-zinc-500">Click to see them in the Problems tab.</p>
          </div>,
          document.body,
        )}
    </>
  );
});
