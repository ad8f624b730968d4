import {
  benchmarkZone,
  resolveBenchmarks,
  type Benchmark,
  type BenchmarkZone,
} from '../model/benchmarks';
import type { MetricKey } from '../model/metrics';
import type { Diagram } from '../model/schema';
import { formatDays, formatPercent } from './format';

export interface MetricStatus {
  readonly zone: BenchmarkZone;
  readonly benchmark: Benchmark | null;
  /** Tooltip text such as "Benchmark 2–5%, red flag below 1%", or null with no benchmark. */
  readonly text: string | null;
}

/** Where a metric value sits against the diagram's benchmarks (its overrides over domain §5). */
export function metricStatus(value: number, key: MetricKey, diagram: Diagram): MetricStatus {
  const benchmark = resolveBenchmarks(diagram.meta.benchmarks)[key];
  if (!benchmark) return { zone: 'none', benchmark: null, text: null };
  return { zone: benchmarkZone(value, benchmark), benchmark, text: benchmarkText(key, benchmark) };
}

export function benchmarkText(key: MetricKey, benchmark: Benchmark): string {
  const days = key === 'sales-cycle-days';
  const range = days
    ? `${formatDays(benchmark.min).replace(/ days?$/, '')}–${formatDays(benchmark.max)}`
    : `${stripPercent(formatPercent(benchmark.min))}–${formatPercent(benchmark.max)}`;
  const side = benchmark.better === 'higher' ? 'below' : 'above';
  const flag = days ? formatDays(benchmark.redFlag) : formatPercent(benchmark.redFlag);
  return `Benchmark ${range}, red flag ${side} ${flag}`;
}

function stripPercent(text: string): string {
  return text.endsWith('%') ? text.slice(0, -1) : text;
}
