import type { MetricKey } from './metrics';

/**
 * Stage benchmarks for mid-market B2B (ACV $10K-$100K), domain §5. Rates are fractions.
 * `redFlag` is the line past which the metric is an alarm, not just below range:
 * below it for rates, above it for the sales cycle.
 */
export interface Benchmark {
  readonly min: number;
  readonly max: number;
  readonly redFlag: number;
  /** 'higher' when more is better (rates), 'lower' when less is better (cycle length). */
  readonly better: 'higher' | 'lower';
  readonly label: string;
}

export type BenchmarkTable = Readonly<Partial<Record<MetricKey, Benchmark>>>;

export const DEFAULT_BENCHMARKS: BenchmarkTable = {
  'reply-rate': {
    min: 0.02,
    max: 0.05,
    redFlag: 0.01,
    better: 'higher',
    label: 'Outbound reply rate',
  },
  'visitor-to-lead': {
    min: 0.01,
    max: 0.03,
    redFlag: 0.005,
    better: 'higher',
    label: 'Inbound visitor-to-lead',
  },
  'lead-to-mql': { min: 0.15, max: 0.25, redFlag: 0.1, better: 'higher', label: 'Lead to MQL' },
  'mql-to-sql': { min: 0.3, max: 0.5, redFlag: 0.2, better: 'higher', label: 'MQL to SQL' },
  'demo-to-opportunity': {
    min: 0.2,
    max: 0.3,
    redFlag: 0.15,
    better: 'higher',
    label: 'Demo to opportunity',
  },
  'win-rate': {
    min: 0.15,
    max: 0.25,
    redFlag: 0.1,
    better: 'higher',
    label: 'Opportunity to close',
  },
  'sales-cycle-days': {
    min: 30,
    max: 90,
    redFlag: 120,
    better: 'lower',
    label: 'Sales cycle length',
  },
};

export type BenchmarkZone = 'within' | 'above' | 'below' | 'red-flag' | 'none';

/**
 * Where a value sits against its benchmark. 'below' means worse than the range but not yet a
 * red flag, whichever direction is better; 'above' means better than the range.
 */
export function benchmarkZone(value: number, benchmark: Benchmark | undefined): BenchmarkZone {
  if (!benchmark) return 'none';
  if (benchmark.better === 'higher') {
    if (value < benchmark.redFlag) return 'red-flag';
    if (value < benchmark.min) return 'below';
    if (value > benchmark.max) return 'above';
    return 'within';
  }
  if (value > benchmark.redFlag) return 'red-flag';
  if (value > benchmark.max) return 'below';
  if (value < benchmark.min) return 'above';
  return 'within';
}

/** The diagram's own table: its overrides (meta.benchmarks) over the built-in one. */
export function resolveBenchmarks(overrides: BenchmarkTable | undefined): BenchmarkTable {
  return overrides ? { ...DEFAULT_BENCHMARKS, ...overrides } : DEFAULT_BENCHMARKS;
}
