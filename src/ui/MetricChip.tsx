import { useEditor } from '../store/react/editor-context';
import { metricStatus } from '../forecast';
import type { BenchmarkZone } from '../model/benchmarks';
import type { MetricKey } from '../model/metrics';

type ShownZone = Exclude<BenchmarkZone, 'none'>;

/**
 * Colour and a glyph and a word, so a zone never rests on colour alone. "Above" is better than
 * the range whichever way is better (a short sales cycle is "above").
 */
const ZONE_STYLE: Readonly<Record<ShownZone, { glyph: string; word: string; className: string }>> =
  {
    within: { glyph: '✓', word: 'Within', className: 'bg-emerald-50 text-emerald-800' },
    above: { glyph: '▲', word: 'Above', className: 'bg-sky-50 text-sky-800' },
    below: { glyph: '▼', word: 'Below', className: 'bg-amber-50 text-amber-900' },
    'red-flag': { glyph: '⚠', word: 'Red flag', className: 'bg-red-50 text-red-800' },
  };

/**
 * Where a metric value sits against the diagram's benchmarks (domain §5, or its own overrides).
 * The range goes in the tooltip, and is written out beside the chip when `showRange` is set.
 */
export function MetricChip({
  metricKey,
  value,
  showRange = false,
}: {
  metricKey: MetricKey;
  value: number;
  showRange?: boolean;
}) {
  // Strings, so the chip re-renders only when its own zone or range changes.
  const zone = useEditor((s) => metricStatus(value, metricKey, s.diagram).zone);
  const range = useEditor((s) => metricStatus(value, metricKey, s.diagram).text);
  if (zone === 'none' || range === null) return null;
  const style = ZONE_STYLE[zone];
  const chip = (
    <span
      className={`inline-flex shrink-0 items-center gap-1 rounded-full px-1.5 text-[11px] font-medium whitespace-nowrap ${style.className}`}
      title={range}
      data-zone={zone}
    >
      <span aria-hidden="true">{style.glyph}</span>
      {style.word}
      <span className="sr-only">
        {zone === 'red-flag' ? '' : ' benchmark'}
        {showRange ? '' : ` (${range})`}
      </span>
    </span>
  );
  if (!showRange) return chip;
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
      {chip}
      <span className="text-xs text-zinc-600">{range}</span>
    </div>
  );
}
