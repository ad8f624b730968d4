import { useEffect, useId, useRef } from 'react';
import { METRIC_KEYS, METRIC_LABEL, isRateKey, type MetricKey } from '../../model/metrics';
import { createMetric } from '../../model/factories';
import { LIMITS, type Metric } from '../../model/schema';
import { MetricChip } from '../MetricChip';
import { NumberInput, TextInput } from './FieldInputs';

const DEFAULT_VALUE: Record<MetricKey, number> = {
  'reply-rate': 0.03,
  'visitor-to-lead': 0.02,
  'lead-to-mql': 0.2,
  'mql-to-sql': 0.4,
  'demo-to-opportunity': 0.25,
  'win-rate': 0.2,
  conversion: 0.5,
  'sales-cycle-days': 60,
};

/** Rates are typed as percentages (3 for 3%) and stored as fractions (0.03), as in the file. */
const toShown = (metric: Metric) =>
  isRateKey(metric.key) ? Math.round(metric.value * 100_000) / 1000 : metric.value;

export function MetricsEditor({
  metrics,
  onCommit,
  problem,
  proposeFirst,
}: {
  metrics: readonly Metric[];
  onCommit: (metrics: Metric[] | undefined) => void;
  problem?: string | undefined;
  /** The metric the card's kind is judged by, offered when it has none yet. */
  proposeFirst?: () => Metric;
}) {
  const headingId = useId();
  const added = useRef(false);
  const section = useRef<HTMLElement>(null);
  // A metric just added: its value is the one field left to fill, so it takes the focus.
  useEffect(() => {
    if (!added.current) return;
    added.current = false;
    const values = section.current?.querySelectorAll<HTMLInputElement>('[data-metric-value] input');
    values?.[values.length - 1]?.focus();
  });
  const addMetric = () => {
    added.current = true;
    const next =
      metrics.length === 0 && proposeFirst
        ? proposeFirst()
        : { key: 'conversion' as const, value: 0.5 };
    update([...metrics, next]);
  };
  const update = (next: Metric[]) => onCommit(next.length ? next : undefined);
  const replace = (i: number, metric: Metric) =>
    update(metrics.map((m, j) => (j === i ? metric : m)));
  return (
    <section ref={section} aria-labelledby={headingId} className="flex flex-col gap-2">
      <h2 id={headingId} className="text-xs font-semibold uppercase tracking-wide text-zinc-500">
        Metrics
      </h2>
      {metrics.map((metric, i) => (
        <div
          key={i}
          role="group"
          aria-label={`Metric ${i + 1}`}
          className="flex flex-col gap-1 rounded-md border border-zinc-200 p-2"
        >
          <div className="flex items-end gap-1">
            <label className="flex flex-1 flex-col gap-1 text-xs font-medium text-zinc-700">
              Metric {i + 1}
              <select
                value={metric.key}
                className="w-full rounded-md border border-zinc-300 px-2 py-1 text-sm"
                onChange={(e) => {
                  const chosen = e.currentTarget.value;
                  const key = METRIC_KEYS.find((k) => k === chosen);
                  if (!key) return;
                  const value =
                    isRateKey(key) === isRateKey(metric.key) ? metric.value : DEFAULT_VALUE[key];
                  replace(i, createMetric(key, value, metric.source));
                }}
              >
                {METRIC_KEYS.map((key) => (
                  <option key={key} value={key}>
                    {METRIC_LABEL[key]}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="icon-btn mb-0.5"
              aria-label={`Remove metric ${i + 1}`}
              onClick={() => update(metrics.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </div>
          <div data-metric-value="">
            <NumberInput
              label={isRateKey(metric.key) ? `${METRIC_LABEL[metric.key]} value` : 'Days'}
              unit={isRateKey(metric.key) ? '%' : undefined}
              value={toShown(metric)}
              validate={(v) => {
                if (v === undefined) return 'A metric needs a value.';
                if (isRateKey(metric.key))
                  return v < 0 || v > 100 ? 'A rate is between 0% and 100%.' : null;
                return v < 0 || v > LIMITS.days
                  ? `Days must be between 0 and ${LIMITS.days}.`
                  : null;
              }}
              onCommit={(v) => {
                if (v === undefined) return;
                const value = isRateKey(metric.key) ? v / 100 : v;
                replace(i, createMetric(metric.key, value, metric.source));
              }}
            />
          </div>
          <MetricChip metricKey={metric.key} value={metric.value} showRange />
          <TextInput
            label="Source"
            placeholder="Where the number comes from"
            value={metric.source ?? ''}
            onCommit={(source) => replace(i, createMetric(metric.key, metric.value, source))}
          />
        </div>
      ))}
      <button type="button" className="btn self-start" onClick={addMetric}>
        Add metric
      </button>
      {problem && <p className="text-xs text-amber-800">{problem}</p>}
    </section>
  );
}
