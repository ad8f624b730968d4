import { isKnown, type Estimate } from '../../forecast';

/** A forecast figure, or "?" with its reason in the tooltip. */
export function EstimateText({
  estimate,
  format,
}: {
  estimate: Estimate;
  format: (value: number) => string;
}) {
  if (isKnown(estimate)) return <span className="tabular-nums">{format(estimate.value)}</span>;
  return (
    <span className="font-semibold text-amber-800" title={estimate.unknown}>
      ?
    </span>
  );
}
