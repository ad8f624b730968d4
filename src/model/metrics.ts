/**
 * Metric keys a node may carry. Rates are fractions (0.03 is 3%); `sales-cycle-days` is a count
 * of days. On a stage, its rate is the share of its inflow that moves on to the next stage.
 */
export const RATE_KEYS = [
  'reply-rate',
  'visitor-to-lead',
  'lead-to-mql',
  'mql-to-sql',
  'demo-to-opportunity',
  'win-rate',
  'conversion',
] as const;
export type RateKey = (typeof RATE_KEYS)[number];

export const METRIC_KEYS = [...RATE_KEYS, 'sales-cycle-days'] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export const METRIC_LABEL: Readonly<Record<MetricKey, string>> = {
  'reply-rate': 'Reply rate',
  'visitor-to-lead': 'Visitor to lead',
  'lead-to-mql': 'Lead to MQL',
  'mql-to-sql': 'MQL to SQL',
  'demo-to-opportunity': 'Demo to opportunity',
  'win-rate': 'Win rate',
  conversion: 'Conversion',
  'sales-cycle-days': 'Sales cycle (days)',
};

export function isRateKey(key: MetricKey): key is RateKey {
  return key !== 'sales-cycle-days';
}
