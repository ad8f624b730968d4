import { formatDays, formatEstimate, formatMoney, formatPercent, type Estimate } from '../forecast';
import { METRIC_LABEL, METRIC_KEYS, isRateKey, type MetricKey } from '../model/metrics';

/** "(none)" for an absent field, so "added a value" and "cleared it" read plainly. */
const NONE = '(none)';

function metricKeyOf(field: string): MetricKey | undefined {
  const key = field.startsWith('metrics.') ? field.slice('metrics.'.length) : '';
  return (METRIC_KEYS as readonly string[]).includes(key) ? (key as MetricKey) : undefined;
}

/** A field name as a person reads it: `metrics.win-rate` → "Win rate", `data.owner` → "owner". */
export function fieldLabel(field: string): string {
  const key = metricKeyOf(field);
  if (key) return METRIC_LABEL[key];
  if (field.startsWith('metrics.') && field.endsWith('.source')) {
    const metric = metricKeyOf(field.slice(0, -'.source'.length));
    if (metric) return `${METRIC_LABEL[metric]} source`;
  }
  if (field.startsWith('data.') || field.startsWith('meta.')) return words(field.slice(5));
  if (field.startsWith('rules.')) return `rule ${field.slice('rules.'.length)}`;
  return field;
}

/** `lastReviewed` → "last reviewed", `exitCriteria` → "exit criteria". */
function words(name: string): string {
  return name.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
}

/** A field's value as plain text (the caller escapes it for its medium). */
export function valueText(field: string, value: unknown): string {
  if (value === undefined) return NONE;
  const key = metricKeyOf(field);
  if (key && typeof value === 'number') return metricText(key, value);
  if (Array.isArray(value))
    return value.length === 0 ? '(empty list)' : value.map(String).join('; ');
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function metricText(key: MetricKey, value: number): string {
  return isRateKey(key) ? formatPercent(value) : formatDays(value);
}

/** "+16.7%", "−20%", "from 0". */
export function changeText(change: number): string {
  if (!Number.isFinite(change)) return 'from 0';
  const sign = change > 0 ? '+' : '−';
  return `${sign}${formatPercent(Math.abs(change))}`;
}

export function moneyText(estimate: Estimate, currency: string): string {
  return formatEstimate(estimate, (value) => formatMoney(value, currency));
}
