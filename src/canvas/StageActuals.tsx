import { memo } from 'react';
import { useEditor } from '../store/react/editor-context';
import { stageActualLine, type DriftTone } from '../store/actuals/stage-actual-line';

const TONE: Readonly<Record<DriftTone, { glyph: string; className: string }>> = {
  within: { glyph: '✓', className: 'bg-emerald-50 text-emerald-800' },
  above: { glyph: '▲', className: 'bg-sky-50 text-sky-800' },
  below: { glyph: '▼', className: 'bg-amber-50 text-amber-900' },
  few: { glyph: '…', className: 'bg-zinc-100 text-zinc-700' },
  none: { glyph: '', className: '' },
};

/**
 * A stage's actual conversion from the imported deals beside its plan, drawn just under the
 * card (in the band's free space below the stage row) so the card's own layout is left alone. Each selector returns a string, so a card
 * re-renders only when its own line changes. Nothing shows until deals are imported.
 */
function StageActualsView({ nodeId }: { nodeId: string }) {
  const text = useEditor((s) => stageActualLine(s, nodeId)?.text ?? null);
  const chip = useEditor((s) => stageActualLine(s, nodeId)?.chip ?? '');
  const tone = useEditor((s) => stageActualLine(s, nodeId)?.tone ?? 'none');
  if (text === null) return null;
  const style = TONE[tone];
  return (
    <div
      className="gtm-detail absolute inset-x-0 top-full mt-1 rounded border border-zinc-200 bg-white/95 px-1.5 py-0.5 text-[11px] leading-4 text-zinc-700 shadow-xs"
      data-actual-line=""
      title={chip ? `${text} (${chip})` : text}
    >
      <span className="sr-only">Actual from the CRM export: </span>
      <span className="line-clamp-2">{text}</span>
      {chip && (
        <span
          className={`mt-0.5 inline-flex items-center gap-0.5 rounded-full px-1 font-medium ${style.className}`}
          data-tone={tone}
        >
          <span aria-hidden="true">{style.glyph}</span>
          {chip}
        </span>
      )}
    </div>
  );
}

export const StageActuals = memo(StageActualsView);
