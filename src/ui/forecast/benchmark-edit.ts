import { DEFAULT_BENCHMARKS, type Benchmark, type BenchmarkTable } from '../../model/benchmarks';
import { isRateKey, type MetricKey } from '../../model/metrics';
import { LIMITS } from '../../model/schema';

/** Rates are typed as percentages and stored as fractions, as everywhere in the editor. */
export const toShown = (key: MetricKey, value: number) =>
  isRateKey(key) ? Math.round(value * 100_000) / 1000 : value;
export const toStored = (key: MetricKey, shown: number) => (isRateKey(key) ? shown / 100 : shown);

/** Why a benchmark cannot take this value, or null when it can. */
export function benchmarkProblem(key: MetricKey, next: Benchmark): string | null {
  const limit = isRateKey(key) ? 1 : LIMITS.days;
  const values = [next.min, next.max, next.redFlag];
  if (values.some((v) => !Number.isFinite(v))) return 'Enter a number.';
  if (values.some((v) => v < 0 || v > limit)) {
    return isRateKey(key)
      ? 'A rate is between 0% and 100%.'
      : `Days are between 0 and ${LIMITS.days}.`;
  }
  if (next.min > next.max) return 'The minimum cannot be above the maximum.';
  // The red flag lies past the worse end of the range (domain §5: "below 1%", "above 120 days").
  if (next.better === 'higher' && next.redFlag > next.min) {
    return 'The red flag must be at or below the minimum.';
  }
  if (next.better === 'lower' && next.redFlag < next.max) {
    return 'The red flag must be at or above the maximum.';
  }
  return null;
}

export function isEdited(key: MetricKey, overrides: BenchmarkTable | undefined): boolean {
  const own = overrides?.[key];
  const base = DEFAULT_BENCHMARKS[key];
  if (!own || !base) return Boolean(own);
  return own.min !== base.min || own.max !== base.max || own.redFlag !== base.redFlag;
}
