import { memo } from 'react';
import { useEditor } from '../store/react/editor-context';
import { flowLineOf } from '../store/react/use-forecast';

/**
 * A card's projected monthly flow in one line. Each selector returns a string, so a card
 * re-renders only when its own figure changes, not on every edit or drag elsewhere (issue 7:
 * a thousand cards on screen).
 *
 * Drawn out of the card's flow, along its bottom edge: the card has a fixed height and its
 * title and two facts already fill the body.
 */
function NodeForecastView({ nodeId }: { nodeId: string }) {
  const text = useEditor((s) => flowLineOf(s, nodeId)?.text ?? null);
  const reason = useEditor((s) => flowLineOf(s, nodeId)?.reason ?? null);
  if (text === null) return null;
  return (
    <div
      className={`gtm-detail absolute inset-x-3 bottom-[3px] truncate text-[11px] leading-[13px] ${
        reason ? 'font-medium text-amber-800' : 'text-zinc-500'
      }`}
      title={reason ?? `Forecast: ${text}`}
      data-forecast-line=""
    >
      <span className="sr-only">Forecast: </span>
      {text}
      {reason && <span className="sr-only"> ({reason})</span>}
    </div>
  );
}

export const NodeForecast = memo(NodeForecastView);
