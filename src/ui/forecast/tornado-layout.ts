/**
 * Geometry of the tornado chart, kept apart from React so it can be tested as numbers. One row
 * per driver in the order given (largest swing first); each bar spans new ARR with the driver
 * at its worse and its better value, split at the baseline.
 */
export interface TornadoInput {
  readonly id: string;
  readonly label: string;
  readonly arrLow: number;
  readonly arrHigh: number;
}

export interface TornadoRow {
  readonly id: string;
  readonly label: string;
  /** Top of the row; its label sits on the first line and its bar below. */
  readonly y: number;
  readonly worse: number;
  readonly better: number;
  readonly xWorse: number;
  readonly xBetter: number;
}

export interface TornadoLayout {
  readonly width: number;
  readonly height: number;
  readonly baselineX: number;
  readonly rows: readonly TornadoRow[];
}

export const TORNADO = {
  width: 320,
  /** Room left and right of the bars for the value labels. */
  gutter: 60,
  header: 18,
  rowHeight: 36,
  labelHeight: 14,
  barHeight: 12,
  footer: 4,
} as const;

export function layoutTornado(baseline: number, drivers: readonly TornadoInput[]): TornadoLayout {
  const { width, gutter, header, rowHeight, footer } = TORNADO;
  let lo = baseline;
  let hi = baseline;
  for (const d of drivers) {
    lo = Math.min(lo, d.arrLow, d.arrHigh);
    hi = Math.max(hi, d.arrLow, d.arrHigh);
  }
  const span = hi - lo || 1;
  const x = (value: number) => gutter + ((value - lo) / span) * (width - 2 * gutter);
  const rows = drivers.map((d, i): TornadoRow => {
    const worse = Math.min(d.arrLow, d.arrHigh);
    const better = Math.max(d.arrLow, d.arrHigh);
    return {
      id: d.id,
      label: d.label,
      y: header + i * rowHeight,
      worse,
      better,
      xWorse: x(worse),
      xBetter: x(better),
    };
  });
  return {
    width,
    height: header + drivers.length * rowHeight + footer,
    baselineX: x(baseline),
    rows,
  };
}
